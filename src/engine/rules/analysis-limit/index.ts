import {DEFAULT_LIMITS} from '../../limits.js'
import {defineRule} from '../../rule.js'

export interface Options {
  budgetMs: number
  maxBlockLength: number
}

// The engine enforces the limits (it reads these options even when the rule is off); the rule
// reports what was left out, so a silent linter never looks like a clean document.
export default defineRule<Options>({
  id: 'analysis-limit',
  description: 'Say when part of a document was not analysed because it is past a size or time limit',
  defaultSeverity: 'info',
  targets: ['readme', 'markdown', 'commit', 'code', 'review'],
  fixable: false,
  options: {
    budgetMs: {type: 'integer', description: 'Milliseconds one document may take before linting stops', default: DEFAULT_LIMITS.budgetMs, minimum: 1},
    maxBlockLength: {type: 'integer', description: 'Characters past which a paragraph is not analysed', default: DEFAULT_LIMITS.maxBlockLength, minimum: 1},
  },
  run({document, report}) {
    for (const range of document.skippedRanges ?? []) {
      report({
        message: `Not fully analysed: ${range.reason}; findings may be missing here`,
        start: range.offset,
        end: Math.min(range.endOffset, range.offset + 200),
      })
    }
    for (const block of document.skippedBlocks ?? []) {
      report({
        message: `Not fully analysed: this paragraph has ${block.text.length} characters, past the limit of the \`maxBlockLength\` option`,
        start: block.origStart,
        end: Math.min(block.origEnd, block.origStart + 200),
      })
    }
  },
})
