import {defineRule} from '../../rule.js'
import {EXEMPT_OPTION, isExemptSubject} from '../commit-exempt.js'

export interface Options {
  max: number
  exempt: string[]
}

/** Lines that cannot or should not be wrapped: quoted, indented (code, logs), URLs, one long token. */
function exempt(text: string): boolean {
  return /^(?:\s|>)/.test(text) || /\b(?:https?|ftp|file|ssh|git):\/\/\S/i.test(text) || !/\S\s\S/.test(text.trim().replace(/\s+/g, ' '))
}

export default defineRule<Options>({
  id: 'commit-body-line-length',
  description: 'Wrap commit body lines so they read well in a terminal',
  defaultSeverity: 'info',
  targets: ['commit'],
  fixable: false,
  options: {
    max: {type: 'integer', description: 'Longest body line, in characters', default: 72, minimum: 1},
    exempt: EXEMPT_OPTION,
  },
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || isExemptSubject(commit.subject, options.exempt)) return
    for (const line of commit.bodyLines) {
      const chars = [...line.text]
      if (chars.length <= options.max || exempt(line.text)) continue
      report({
        message: `Unexpected body line of ${chars.length} characters, expected at most ${options.max}: wrap it`,
        start: line.offset + chars.slice(0, options.max).join('').length,
        end: line.endOffset,
        actual: String(chars.length),
        expected: [String(options.max)],
      })
    }
  },
})
