import type {Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {defineRule} from '../../rule.js'
import {proseBlocks} from '../retext.js'

export interface Options {
  max: number
}

/**
 * Split a sentence where the English parser did not: after a number or a one-letter word and a
 * full stop (`in Chapter 3. The next …`), which it reads as an ordinal or an initial.
 */
function segments(sentence: Sentence): SentenceContent[][] {
  const parts: SentenceContent[][] = [[]]
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    parts[parts.length - 1]!.push(node)
    const next = children[index + 1]
    const after = children[index + 2]
    // `3.` and `J.` come out as one word with the stop inside; a lone stop is punctuation.
    const ends = (node.type === 'PunctuationNode' && /^[.!?]$/.test(toString(node))) || (node.type === 'WordNode' && /^(?:\d+|[A-Za-z])\.$/.test(toString(node)))
    if (
      ends &&
      next?.type === 'WhiteSpaceNode' &&
      after?.type === 'WordNode' &&
      /^[A-Z]/.test(toString(after))
    ) {
      parts.push([])
      index++
    }
  }
  return parts.filter((part) => part.length > 0)
}

export default defineRule<Options>({
  id: 'long-sentence',
  description: 'Flag sentences with more words than a reader holds in mind at once',
  defaultSeverity: 'info',
  targets: ['readme', 'markdown', 'review', 'commit'],
  scope: 'block',
  fixable: false,
  options: {
    max: {type: 'integer', description: 'Most words a sentence may have', default: 35, minimum: 5},
  },
  run({document, options, parse, report}) {
    for (const block of proseBlocks(document)) {
      for (const paragraph of parse(block).children) {
        if (paragraph.type !== 'ParagraphNode') continue
        for (const sentence of paragraph.children) {
          if (sentence.type !== 'SentenceNode') continue
          for (const part of segments(sentence)) {
            // A placeholder stands for one piece of code: it is one word, as it should be.
            const words = part.filter((node) => node.type === 'WordNode').length
            if (words <= options.max) continue
            const start = part[0]!.position?.start.offset
            const end = part[part.length - 1]!.position?.end.offset
            if (start === undefined || end === undefined) continue
            report({
              message: `Unexpected sentence of ${words} words, expected at most ${options.max}: split it`,
              start: block.toOriginal(start, 'start'),
              end: block.toOriginal(end, 'end'),
              actual: String(words),
              expected: [String(options.max)],
            })
          }
        }
      }
    }
  },
})
