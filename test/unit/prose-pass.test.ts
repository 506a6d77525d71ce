// The shared prose pass must say exactly what the retext plugins it replaces say. Each block of
// each corpus Markdown document (and a set of awkward sentences) is parsed once; on that tree the
// plugins run as the rules used to run them, and their messages — range, wording, votes, phrase,
// replacements, in order — must equal the ones the pass derives, for several option settings.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root as NlcstRoot} from 'nlcst'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import retextSimplify from 'retext-simplify'
import {syllable} from 'syllable'
import {parseProse} from '../../src/engine/lint.js'
import {passiveMessages, prosePass, readabilityMessages, simplifyMessages} from '../../src/engine/prose-pass/index.js'
import {normalizeWord} from '../../src/engine/prose-pass/phrases.js'
import {syllablesOf} from '../../src/engine/prose-pass/readability.js'
import {TECHNICAL} from '../../src/engine/rules/wordy-phrase/index.js'
import passiveVoice from '../../src/engine/rules/passive-voice/index.js'
import readability from '../../src/engine/rules/readability/index.js'
import type {BlockMessage} from '../../src/engine/rules/retext.js'
import {parseSource} from '../../src/engine/sources/index.js'
import {blockMessages} from './retext-reference.js'

const SHARED = process.env['WHYLINT_SHARED'] ?? '../shared'
const CORPUS = join(SHARED, 'corpus', 'md')

// Sentences that probe the edges: literals (quotes, dashes, colons, commas), curly and straight
// apostrophes, hyphens inside words, capitals, phrases across line breaks and punctuation,
// participles after `be` at a distance, accents, numbers, placeholders, empty sentences.
const SYNTHETIC = [
  'In order to start, we need a number of files prior to the run.',
  'In order\nto start, in order, to start; in   order   to start.',
  'The word “utilize” is wordy, and so is \'utilize\' and (utilize) and [utilize].',
  'Utilize - a verb. Utilize: a verb. A verb: utilize. A verb — utilize',
  'It is, however, the case that we utilise it; it’s wordy, isn’t it?',
  'The file was written, then it was broken by the build and is being rebuilt.',
  'Was the cake eaten? It was, in fact, eaten. Be driven. He is very, very driven!',
  'State-of-the-art tools e.g. linters, i.e. checkers, and/or formatters are used.',
  'STATE-OF-THE-ART and In Order To and IN ORDER TO and Accordingly.',
  'Xx was built with Xx, then Xx is run in order to test Xx.',
  'The café’s naïve façade was frozen in the über-cold İstanbul winter of 1999.',
  'Notwithstanding the aforementioned considerations, the organisational infrastructure necessitates comprehensive reconceptualisation of interdepartmental responsibilities.',
  'Antidisestablishmentarianism and floccinaucinihilipilification are extraordinarily incomprehensible.',
  'Go. Run! Why? ... — ; : , “ ”',
  'It is a bit of a long sentence with many small words that a young child could read and say out loud to a friend at home.',
  'The the the the the the the the the the the the.',
  '',
  'A number of\ta number of a-number-of a number-of',
  'He was forgotten; she was, sadly, forgotten; they were “forgotten”.',
  'Adversely impact on adversely impact adversely.',
  '1. 2. 3. 4. 5. 6. 7. 8. 9. 10.',
  'I’ve been told it was done. We’re being bent. You are being beaten.',
]

// The plugin's defaults, the rule's, and a threshold below 1/7, which reports every sentence
// with at least one "hard" vote, with its vote count.
const READABILITY_SETTINGS = [{}, {age: 20, threshold: 5 / 7, minWords: 8}, {age: 16, threshold: 0.01, minWords: 1}]
// On the short synthetic sentences, more ages and limits too.
const MORE_SETTINGS = [{age: 10, threshold: 0.01, minWords: 1}, {age: 30, threshold: 0.01, minWords: 3}, {age: 12, threshold: 1, minWords: 8}, {age: 0, threshold: 0, minWords: 0}]

interface Block {
  name: string
  text: string
  tree: NlcstRoot
}

function blocksOf(name: string, text: string): Block[] {
  const kind = /readme/i.test(name) ? 'readme' : 'markdown'
  return parseSource(text, kind, {commentChar: '#'}).blocks.map((block) => ({name, text: block.text, tree: parseProse(block)}))
}

function syntheticBlocks(): Block[] {
  return SYNTHETIC.flatMap((text, index) => blocksOf(`synthetic-${index}.md`, `${text}\n`))
}

let corpus: Block[] | undefined

function corpusBlocks(): Block[] {
  if (!corpus) {
    corpus = []
    for (const name of readdirSync(CORPUS).filter((file) => file.endsWith('.md')).sort()) {
      corpus.push(...blocksOf(name, readFileSync(join(CORPUS, name), 'utf8')))
    }
  }
  return corpus
}

/** Compare block by block; report the first difference with where it is. */
function assertSame(blocks: Block[], label: string, plugin: (block: Block) => BlockMessage[], pass: (block: Block) => BlockMessage[]): number {
  let total = 0
  for (const block of blocks) {
    const expected = plugin(block)
    const actual = pass(block)
    total += expected.length
    assert.deepEqual(actual, expected, `${label}: ${block.name}, block ${JSON.stringify(block.text.slice(0, 80))}`)
  }
  return total
}

function checkReadability(blocks: Block[], settingsList: ReadonlyArray<Record<string, number>>): number {
  let total = 0
  for (const settings of settingsList) {
    const transformer = retextReadability(settings)
    total += assertSame(
      blocks,
      `readability ${JSON.stringify(settings)}`,
      (block) => blockMessages(transformer, block.tree, block.text),
      (block) => readabilityMessages(prosePass(block.tree), settings),
    )
  }
  return total
}

const lower = (list: readonly string[]) => [...new Set(list.map((phrase) => phrase.toLowerCase()))]

function checkSimplify(blocks: Block[]): number {
  let total = 0
  for (const ignore of [[], lower(TECHNICAL)]) {
    const transformer = retextSimplify({ignore})
    total += assertSame(
      blocks,
      `simplify, ${ignore.length} ignored`,
      (block) => blockMessages(transformer, block.tree, block.text),
      (block) => simplifyMessages(prosePass(block.tree), new Set(ignore)),
    )
  }
  return total
}

function checkPassive(blocks: Block[]): number {
  let total = 0
  for (const ignore of [[], lower(passiveVoice.defaults.ignore)]) {
    const transformer = retextPassive({ignore})
    total += assertSame(
      blocks,
      `passive, ${ignore.length} ignored`,
      (block) => blockMessages(transformer, block.tree, block.text),
      (block) => passiveMessages(prosePass(block.tree), new Set(ignore)),
    )
  }
  return total
}

describe('prose pass', () => {
  describe('on awkward sentences', () => {
    it('judges readability as retext-readability does', () => {
      assert.ok(checkReadability(syntheticBlocks(), [...READABILITY_SETTINGS, ...MORE_SETTINGS]) > 20)
    })

    it('finds the phrases retext-simplify finds', () => {
      assert.ok(checkSimplify(syntheticBlocks()) > 20)
    })

    it('finds the passives retext-passive finds', () => {
      assert.ok(checkPassive(syntheticBlocks()) > 8)
    })

    it('skips literal words and joins phrases across white space only', () => {
      const pass = prosePass(blocksOf('x.md', 'The word “utilize” and utilize. In order\nto go, in order, to go.\n')[0]!.tree)
      assert.deepEqual(
        pass.simplify.map((match) => [match.phrase, match.actual]),
        [['utilize', 'utilize'], ['in order to', 'In order\nto']],
      )
    })
  })

  describe('on the corpus', function () {
    // Every block of 2.7 MB of Markdown through three plugins, several settings each.
    this.timeout(180_000)
    before(function () {
      if (!existsSync(CORPUS)) this.skip()
    })

    it('judges every sentence as retext-readability does, for several settings', () => {
      const blocks = corpusBlocks()
      assert.ok(blocks.length > 5000)
      assert.ok(checkReadability(blocks, READABILITY_SETTINGS) > 1000)
    })

    it('finds the phrases retext-simplify finds, with and without the ignore list', () => {
      assert.ok(checkSimplify(corpusBlocks()) > 1000)
    })

    it('finds the passives retext-passive finds, with and without the ignore list', () => {
      assert.ok(checkPassive(corpusBlocks()) > 100)
    })
  })

  describe('pieces', () => {
    it('normalises words as nlcst-normalize does', () => {
      assert.equal(normalizeWord('Isn’t'), 'isnt')
      assert.equal(normalizeWord("State-of-the-Art"), 'stateoftheart')
      assert.equal(normalizeWord('E.G.'), 'e.g.')
    })

    it('remembers syllables without changing them', () => {
      for (const word of ['Antidisestablishmentarianism', 'readability', 'café', 'İstanbul', 'the', "isn't", '']) {
        assert.equal(syllablesOf(word), syllable(word))
        assert.equal(syllablesOf(word), syllable(word))
      }
    })

    it('gives the readability rule its defaults', () => {
      assert.deepEqual(readability.defaults, {age: 20, threshold: 5 / 7, minWords: 8})
    })
  })
})
