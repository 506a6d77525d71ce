import {prosePass, readabilityMessages} from '../../prose-pass/index.js'
import {defineRule} from '../../rule.js'
import {proseBlocks, reportBlockMessages} from '../retext.js'

export interface Options {
  age: number
  threshold: number
  minWords: number
}

/** Words, sentences and syllables of a block's running prose, for the document grade. */
function count(pass: ReturnType<typeof prosePass>): {words: number; sentences: number; syllables: number} {
  let words = 0
  let sentences = 0
  let syllables = 0
  for (const sentence of pass.sentences) {
    if (!sentence.running || sentence.counts.words === 0) continue
    sentences++
    words += sentence.counts.words
    syllables += sentence.gradeSyllables
  }
  return {words, sentences, syllables}
}

/** List items and table cells shorter than this many words are not judged. */
const FRAGMENT_WORDS = 20
/**
 * In a list item or table cell long enough to judge, a sentence shorter than this is still taken
 * for a fragment: in awesome-go's README, 12 of the 36 list-item sentences called hard had fewer
 * words, most of them noun phrases such as "High performance logging supporting log severity".
 */
const FRAGMENT_SENTENCE_WORDS = 15
/**
 * A sentence shorter than this is judged for a reader `SHORT_SENTENCE_MARGIN` years older. The
 * formulas were made for passages; on a short sentence two long words decide them. On 75 Markdown
 * docs and 2,000 commit messages, all 24 findings under 16 words had 5 of 7 votes (the most any
 * sentence gets at age 20: SMOG and Spache never pass it), and the lowest of those five ages was
 * 20-24, as for "Developers frequently use different toolchains for different projects.". For
 * "The configuration subsystem's institutionalised interoperability considerations necessitate
 * comprehensive organisational standardisation." it is 41.
 */
const SHORT_SENTENCE_WORDS = 16
const SHORT_SENTENCE_MARGIN = 10

function wordCount(text: string): number {
  let count = 0
  for (const _ of text.matchAll(/[A-Za-z]+/g)) count++
  return count
}

export default defineRule<Options>({
  id: 'readability',
  description: 'Flag sentences that are hard to read, judged by seven readability formulas',
  defaultSeverity: 'warning',
  targets: ['readme', 'markdown', 'review', 'commit'],
  scope: 'block',
  fixable: false,
  options: {
    age: {type: 'number', description: 'Reader age the text should suit; a formula that puts a sentence above it votes "hard"', default: 20, minimum: 5, maximum: 40},
    threshold: {type: 'number', description: 'Share of the seven formulas (0 to 1) that must vote "hard"', default: 5 / 7, minimum: 0, maximum: 1},
    minWords: {type: 'integer', description: 'Sentences with fewer words are not judged', default: 8, minimum: 1},
  },
  run(context) {
    const {options, document} = context
    const blocks = proseBlocks(document)
    // Headings and commit subjects are titles, not sentences: long nouns are what they are made of.
    // Short list items and table cells are fragments ("Fast timeseries database for IoT"):
    // formulas made for running text call every such noun phrase hard. Judge them only when
    // they are as long as a paragraph.
    const judged = blocks.filter(
      (block) =>
        block.role !== 'heading' &&
        block.role !== 'commit-subject' &&
        ((block.role !== 'list-item' && block.role !== 'table-cell') || wordCount(block.text) >= FRAGMENT_WORDS),
    )
    // The shared prose pass judges each sentence exactly as retext-readability does.
    const short = {words: SHORT_SENTENCE_WORDS, age: options.age + SHORT_SENTENCE_MARGIN}
    reportBlockMessages(context, (tree) => readabilityMessages(prosePass(tree), options, short), {
      dropOnPlaceholder: false,
      toReport(message, block, start, end) {
        const fragment = block.role === 'list-item' || block.role === 'table-cell'
        if (fragment && wordCount(block.text.slice(message.start, message.end)) < FRAGMENT_SENTENCE_WORDS) return undefined
        // Input bounded: retext-readability's own one-line message.
        const votes = /(\d+) out of (\d+)|all (\d+)/.exec(message.reason)
        const said = votes ? (votes[3] ? `all ${votes[3]}` : `${votes[1]} of ${votes[2]}`) : 'most'
        return {
          message: `Unexpected hard to read sentence, according to ${said} readability formulas: split it or use shorter words`,
          actual: document.text.slice(start, end),
          expected: [],
        }
      },
    }, judged)

    // Document figures: Flesch–Kincaid grade over running prose (paragraphs and list items;
    // headings and table cells are fragments and would skew it). Counts are summed over blocks;
    // `summarize` turns them into the grade.
    for (const block of blocks) {
      if (block.role === 'heading' || block.role === 'table-cell') continue
      const figures = count(prosePass(context.parse(block)))
      context.metrics.words = (context.metrics.words ?? 0) + figures.words
      context.metrics.sentences = (context.metrics.sentences ?? 0) + figures.sentences
      context.metrics.syllables = (context.metrics.syllables ?? 0) + figures.syllables
    }
  },
  summarize(metrics) {
    metrics.words ??= 0
    metrics.sentences ??= 0
    const syllables = metrics.syllables ?? 0
    delete metrics.syllables
    if (metrics.words > 0 && metrics.sentences > 0) {
      const grade = 0.39 * (metrics.words / metrics.sentences) + 11.8 * (syllables / metrics.words) - 15.59
      metrics.readabilityGrade = Math.round(grade * 10) / 10
    }
  },
})
