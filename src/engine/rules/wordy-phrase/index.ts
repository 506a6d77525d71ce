import {prosePass, simplifyMessages} from '../../prose-pass/index.js'
import {defineRule} from '../../rule.js'
import type {Fix} from '../../types.js'
import {ignoreSet, quoted, reportBlockMessages} from '../retext.js'

export interface Options {
  ignore: string[]
}

// Phrases of retext-simplify that are the precise word in technical prose (`function`,
// `parameters`, `require`), or whose suggested replacement changes the meaning there
// (`failed to` → `did not`, `type` → `kind`). Tuned on READMEs, rule docs and a programming book.
export const TECHNICAL: readonly string[] = [
  'additional', 'address', 'adjustment', 'admissible', 'aggregate', 'all of', 'allocate', 'alternatively', 'and/or',
  'apparent', 'appropriate', 'approximate', 'accurate', 'acquire', 'as to', 'attempt', 'authorise', 'authorize',
  'benefit', 'benefit from', 'capability', 'caveat', 'combined', 'comply with', 'component', 'concerning',
  'consequently', 'consolidate', 'contains', 'currently', 'delete', 'designate', 'determine', 'disclose', 'e.g.',
  'effect', 'elect', 'eliminate', 'encounter', 'ensure', 'enumerate', 'equivalent', 'establish', 'evaluate',
  'exclusively', 'expertise', 'expiration', 'failed to', 'feasible', 'finalise', 'finalize', 'forward', 'frequently',
  'function', 'has no effect', 'however', 'i.e.', 'identical', 'identify', 'immediately', 'implement', 'in addition',
  'in many cases', 'indicate', 'indication', 'initial', 'initiate', 'interface', 'is responsible for', 'it is',
  'magnitude', 'maintain', 'maximum', 'minimise', 'minimize', 'minimum', 'modify', 'monitor', 'multiple',
  'nevertheless', 'notify', 'objective', 'observe', 'obtain', 'on the contrary', 'on the other hand', 'operate',
  'option', 'overall', 'parameters', 'participate', 'perform', 'permit', 'portion', 'previous', 'previously',
  'prioritise', 'prioritize', 'proceed', 'provide', 'provided that', 'reflect', 'regarding', 'relative to', 'remain',
  'remainder', 'render', 'represents', 'request', 'require', 'requirement', 'reside', 'retain', 'satisfy',
  'selection', 'shall', 'similar to', 'submit', 'subsequent', 'subsequently', 'sufficient', 'terminate', 'there are',
  'there is', 'therefore', 'transmit', 'type', 'validate', 'very', 'viable', 'vice', 'warrant', 'whereas',
  'with respect to', 'in between', 'accordingly', 'combined', 'evident', 'identify', 'relocate', 'optimum',
  'execute', 'selection', 'equivalent', 'in terms of', 'limited number', 'the use of',
  // "Braces are fine literally", "a node meant literally": as written, not an intensifier.
  'literally',
]

function capitalise(replacement: string, original: string): string {
  const first = original[0] ?? ''
  return first !== first.toLowerCase() ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement
}

export default defineRule<Options>({
  id: 'wordy-phrase',
  description: 'Suggest plain words for wordy or bureaucratic phrases (`in order to` → `to`)',
  defaultSeverity: 'info',
  targets: ['readme', 'markdown', 'review', 'commit'],
  scope: 'block',
  fixable: true,
  options: {
    ignore: {type: 'string[]', description: 'Phrases not to flag (replaces the default list of words that are precise in technical prose)', default: TECHNICAL},
  },
  run(context) {
    const ignore = ignoreSet(context.options.ignore)
    // retext-simplify's phrases, found by the shared prose pass.
    reportBlockMessages(context, (tree) => simplifyMessages(prosePass(tree), ignore), {
      dropOnPlaceholder: true,
      toReport(message, block, start, end) {
        // A phrase in quotation marks is someone else's words, or a phrase mentioned, not used.
        if (quoted(block.text, message.start, message.end)) return undefined
        // A phrase may wrap across lines: show it on one.
        const actual = (message.actual ?? context.document.text.slice(start, end)).replace(/\s+/g, ' ')
        const expected = (message.expected ?? []).map((replacement) => capitalise(replacement, actual))
        const omit = /, remove it/.test(message.reason)
        if (expected.length === 0) return {message: `Remove \`${actual}\``, actual, expected}
        // Preferred only when there is one sensible replacement and keeping a word is the advice.
        const fixes: Fix[] = expected.map((replacement, index) => ({
          title: `Replace with \`${replacement}\``,
          ...(index === 0 && expected.length === 1 && !omit ? {preferred: true} : {}),
          edits: [{offset: start, endOffset: end, text: replacement}],
        }))
        return {
          message: `Replace \`${actual}\` with ${expected.map((replacement) => `\`${replacement}\``).join(' or ')}${omit ? ', or remove it' : ''}`,
          actual,
          expected,
          fixes,
        }
      },
    })
  },
})
