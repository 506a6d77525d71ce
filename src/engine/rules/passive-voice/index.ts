import {passiveMessages, prosePass} from '../../prose-pass/index.js'
import {defineRule} from '../../rule.js'
import {ignoreSet, quoted, reportBlockMessages} from '../retext.js'

export interface Options {
  ignore: string[]
}

export default defineRule<Options>({
  id: 'passive-voice',
  description: 'Point out passive voice, which hides who does what',
  defaultSeverity: 'hint',
  targets: ['readme', 'markdown', 'review', 'commit', 'code'],
  scope: 'block',
  fixable: false,
  options: {
    ignore: {type: 'string[]', description: 'Participles not to flag (replaces the default list)', default: ['known', 'set', 'run', 'found', 'given', 'bound', 'gone', 'stuck']},
  },
  run(context) {
    const ignore = ignoreSet(context.options.ignore)
    // retext-passive's participles after a form of `be`, found by the shared prose pass.
    reportBlockMessages(context, (tree) => passiveMessages(prosePass(tree), ignore), {
      dropOnPlaceholder: true,
      toReport(message, block, start, end) {
        const participle = context.document.text.slice(start, end)
        // A passive in quotation marks is someone else's: "Will throw if cross origin, which should
        // be caught and ignored", quoted from the code.
        if (quoted(block.text, message.start, message.end)) return undefined
        // "the thread is done running", "when all is said and done": finished, not passive.
        // Input bounded: the 20 characters after the participle.
        if (/^done$/i.test(participle) && /^\s+(?:[a-z]+ing\b|and\b)/i.test(block.text.slice(message.end, message.end + 20))) return undefined
        // "When you are done, call …", "After syncing is done, you get …": finished, before a comma;
        // and "false when the scan is done." at the end of a sentence, after is/are/was/were ("must
        // be done." still asks for someone to do it).
        if (/^done$/i.test(participle) && /^,/.test(block.text.slice(message.end, message.end + 1))) return undefined
        if (/^done$/i.test(participle) && /^(?:[.;:]["'”’)]?(?:\s|$)|$)/.test(block.text.slice(message.end, message.end + 3)) && /\b(?:is|are|was|were|'s|’s)\s+$/i.test(block.text.slice(Math.max(0, message.start - 12), message.start))) return undefined
        // "as this is read only": read-only, an adjective.
        if (/^read$/i.test(participle) && /^[ -]only\b/i.test(block.text.slice(message.end, message.end + 6))) return undefined
        if (/^said$/i.test(participle) && /^\s+and\s+done\b/i.test(block.text.slice(message.end, message.end + 20))) return undefined
        // "IllegalStateException is thrown if the queue is full": in an API's docs the method is the
        // one that throws, so naming it adds nothing. Only with the exception as its subject: not
        // "the cache was thrown away". Read from the document: the prose masks identifiers such as
        // `IllegalStateException`. Input bounded: 60 characters before the participle.
        if (/^thrown$/i.test(participle) && /(?:exception|error|throwable|panic)s?[}`'"’]?[\s*/#]+(?:(?:is|are|was|were|will|would|be|being|been|not|also|then|always|never|gets?)[\s*/#]+){1,3}$/i.test(context.document.text.slice(Math.max(0, start - 60), start))) return undefined
        // "while the lock is held": a state of a lock, not an action someone hides. "The meeting was
        // held" still is one. Input bounded: the 40 characters before the participle.
        if (/^held$/i.test(participle) && /\b(?:locks?|mutex(?:es)?|monitors?|latch(?:es)?|permits?|semaphores?|guards?|GIL|leases?|references?|refs?)\b/i.test(context.document.text.slice(Math.max(0, start - 40), start))) return undefined
        // retext-passive matches the participle after a form of `be`; show both.
        // Input bounded: the 40 characters before the participle.
        const auxiliary = /([A-Za-z]+)\s+$/.exec(block.text.slice(Math.max(0, message.start - 40), message.start))?.[1]
        const phrase = auxiliary ? `${auxiliary} ${participle}` : participle
        return {message: `Unexpected passive voice \`${phrase}\`: say who or what does it`, actual: phrase, expected: []}
      },
    })
  },
})
