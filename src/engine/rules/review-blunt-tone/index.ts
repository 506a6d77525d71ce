import {judgeBlocks} from '../../models/review-tone/index.js'
import {hasHeadings, isLabelled} from '../../models/review-tone/features.js'
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
    // The blocks are read as one text, as `judge` reads it: a question in one paragraph and its
    // reason in the next are one exchange.
    const judged = judgeBlocks(blocks.map((block) => ({text: block.text, labelled: labelled || isLabelled(block.text), listItem: block.role === 'list-item'})), headings)
    for (const [index, block] of blocks.entries()) {
      for (const sentence of judged[index]!) {
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
