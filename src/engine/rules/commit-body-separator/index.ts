import {defineRule} from '../../rule.js'
import {EXEMPT_OPTION, isExemptSubject} from '../commit-exempt.js'

export interface Options {
  exempt: string[]
}

export default defineRule<Options>({
  id: 'commit-body-separator',
  description: 'Separate the commit subject from the body with a blank line',
  defaultSeverity: 'warning',
  targets: ['commit'],
  fixable: true,
  options: {exempt: EXEMPT_OPTION},
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || commit.subject === '' || commit.hasBlankAfterSubject || isExemptSubject(commit.subject, options.exempt)) return
    // The first line of the message after the subject (comment lines are not part of it).
    const after = [...commit.bodyLines, ...commit.trailers].filter((line) => line.offset > commit.subjectLineEnd)
    if (after.length === 0) return
    const first = after.reduce((a, b) => (b.offset < a.offset ? b : a))
    report({
      message: 'Expected a blank line between the subject and the body: without it git treats both as the subject',
      start: first.offset,
      end: first.endOffset,
      fixes: [{title: 'Insert a blank line after the subject', preferred: true, edits: [{offset: first.offset, endOffset: first.offset, text: commit.eol}]}],
    })
  },
})
