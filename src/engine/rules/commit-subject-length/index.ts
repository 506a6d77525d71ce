import {defineRule} from '../../rule.js'

export interface Options {
  soft: number
  hard: number
}

export default defineRule<Options>({
  id: 'commit-subject-length',
  description: 'Keep the commit subject short enough to read in one-line logs',
  defaultSeverity: 'warning',
  targets: ['commit'],
  fixable: false,
  options: {
    soft: {type: 'integer', description: 'Length past which the subject gets a hint', default: 50, minimum: 1},
    hard: {type: 'integer', description: 'Length past which the subject gets a warning', default: 72, minimum: 1},
  },
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || commit.subject === '') return
    // Count characters as people see them, not UTF-16 code units.
    const length = [...commit.subject].length
    if (length <= options.soft) return
    const hard = length > options.hard
    const limit = hard ? options.hard : options.soft
    // Point at the overflow, so the squiggle shows what to cut.
    const cut = commit.subjectOffset + [...commit.subject].slice(0, limit).join('').length
    report({
      message: hard
        ? `Unexpected subject of ${length} characters, expected at most ${options.hard}: it gets cut off in one-line logs`
        : `Subject is ${length} characters; ${options.soft} or fewer reads best in one-line logs`,
      start: cut,
      end: commit.subjectEndOffset,
      actual: String(length),
      expected: [String(limit)],
      // Between the soft and the hard limit this is a nudge, not a problem.
      ...(hard ? {} : {severity: 'hint' as const}),
    })
  },
})
