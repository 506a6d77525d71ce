import {judgeSentences} from '../../models/review-tone/index.js'
import {words} from '../../models/linear.js'
import {hasHeadings, isLabelled, openingFollowUps, proseOnly} from '../../models/review-tone/features.js'
import {defineRule} from '../../rule.js'
import type {Fix} from '../../types.js'

const LABELS = 'suggestion,issue,question,nitpick,thought,chore,praise'

export default defineRule<Record<string, never>>({
  id: 'review-blunt-tone',
  description: 'Review comments land better as observation, impact and a question than as a verdict',
  defaultSeverity: 'warning',
  targets: ['review'],
  fixable: true,
  run({document, report}) {
    const text = document.text
    const blocks = document.blocks.filter((block) => block.role !== 'heading' || block.text.split(/\s+/).length > 3)
    // A comment that opens with a Conventional Comments label sets the tone for all of it.
    const labelled = blocks.length > 0 && isLabelled(blocks[0]!.text)
    const headings = document.blocks.some((block) => block.role === 'heading') || hasHeadings(text)
    // Each block is judged with the words around it and the next block's opening, as `judge`
    // reads the whole text.
    const counts = blocks.map((block) => words(proseOnly(block.text)).length)
    const total = counts.reduce((sum, count) => sum + count, 0)
    let before = 0
    for (const [index, block] of blocks.entries()) {
      const next = blocks[index + 1]
      const context = {labelled: labelled || isLabelled(block.text), headings, listItem: block.role === 'list-item', wordsBefore: before, wordsAfter: total - before - counts[index]!, nextAfter: next ? openingFollowUps(next.text) : []}
      before += counts[index]!
      for (const sentence of judgeSentences(block.text, context)) {
        if (!sentence.blunt) continue
        const start = block.toOriginal(sentence.start, 'start')
        const end = block.toOriginal(sentence.end, 'end')
        const original = text.slice(start, end)
        // A sentence wrapped over lines is shown on one.
        const shown = original.replace(/\s+/g, ' ')
        const why = sentence.cues[0]?.split(':')[0] ?? 'a verdict'
        report({
          message: `\`${shown.length > 50 ? `${shown.slice(0, 49)}…` : shown}\` reads as blunt (${why}): say what you saw, why it matters, and ask or suggest`,
          start,
          end,
          actual: original,
          expected: ['observation, impact, then a question or an alternative'],
          note: [`score ${sentence.score.toFixed(2)}`, ...sentence.cues].join('\n'),
          fixes: [rewrite(start, end)],
        })
      }
    }
  },
})

function rewrite(start: number, end: number): Fix {
  return {
    title: 'Rewrite as observation, impact and question',
    edits: [
      {
        offset: start,
        endOffset: end,
        text: 'suggestion (non-blocking): [what I noticed], [why it matters]. [Could we … instead?]',
        snippet: `\${1|${LABELS}|} (\${2|non-blocking,blocking|}): \${3:what I noticed}, \${4:why it matters}. \${5:Could we … instead?}`,
      },
    ],
  }
}
