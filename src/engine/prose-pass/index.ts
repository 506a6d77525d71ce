// One pass over a block's English syntax tree for all the prose rules: each word's text is read
// and normalised once, counted for readability, and looked up once in the index of every phrase
// list (wordy phrases, passive participles). Rules read their findings from the result instead
// of walking the tree themselves; the result is kept per tree, and the engine hands every rule
// on a block the same tree, so the pass runs once per block.

import type {Root as NlcstRoot, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {BlockMessage} from '../rules/retext.js'
import {isLiteralAt, type Siblings} from './literal.js'
import {BE, INDEX, normalizeLowerCase, SIMPLIFY, type PhraseEntry, type TrieNode} from './phrases.js'
import {judgeSentence, readabilityReason, SentenceCounter, type ReadabilityOptions, type SentenceCounts} from './readability.js'

export interface SentenceFacts {
  node: Sentence
  /** Block offsets of the sentence. */
  start: number
  end: number
  counts: SentenceCounts
  /** A sentence of running prose (in a paragraph of the block), not a stray one. */
  running: boolean
  /** Syllables counting every word as at least one (for the document grade). */
  gradeSyllables: number
}

export interface PhraseMatch {
  phrase: string
  /** Block offsets from the phrase's first word to its last. */
  start: number
  end: number
  /** The matched text, white space between the words included. */
  actual: string
}

export interface ProsePass {
  sentences: SentenceFacts[]
  /** retext-simplify phrases, in the order retext-simplify reports them. */
  simplify: PhraseMatch[]
  /** retext-passive participles that follow a form of `be`. */
  passive: PhraseMatch[]
}

const passes = new WeakMap<NlcstRoot, ProsePass>()

/** The pass over `tree`, computed on first use. */
export function prosePass(tree: NlcstRoot): ProsePass {
  let pass = passes.get(tree)
  if (!pass) {
    pass = {sentences: [], simplify: [], passive: []}
    for (const child of tree.children) {
      if (child.type === 'ParagraphNode') {
        for (const node of child.children) {
          if (node.type === 'SentenceNode') sentence(node, true, pass)
        }
      } else if (child.type === 'SentenceNode') {
        sentence(child, false, pass)
      }
    }
    passes.set(tree, pass)
  }
  return pass
}

function sentence(node: Sentence, running: boolean, pass: ProsePass): void {
  const children = node.children
  // Each word's text, and its normalised form for the phrase index; undefined for non-words.
  const texts: Array<string | undefined> = new Array(children.length)
  const normal: Array<string | undefined> = new Array(children.length)
  const counter = new SentenceCounter()
  let gradeSyllables = 0
  let firstWord = -1
  let lastWord = -1
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'WordNode') continue
    const text = toString(child)
    const caseless = text.toLowerCase()
    texts[index] = text
    normal[index] = normalizeLowerCase(caseless)
    gradeSyllables += Math.max(1, counter.add(text, caseless))
    if (firstWord < 0) firstWord = index
    lastWord = index
  }
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined) pass.sentences.push({node, start, end, counts: counter.counts, running, gradeSyllables})
  if (firstWord >= 0) matchPhrases({children, firstWord, lastWord}, texts, normal, pass)
}

function matchPhrases(siblings: Siblings, texts: ReadonlyArray<string | undefined>, normal: ReadonlyArray<string | undefined>, pass: ProsePass): void {
  const children = siblings.children
  let previousWord = -1
  for (let index = 0; index < children.length; index++) {
    const word = normal[index]
    if (word === undefined) continue
    const root = INDEX.get(word)
    if (root && !isLiteralAt(siblings, index)) {
      const found: Array<{entry: PhraseEntry; last: number}> = []
      for (const entry of root.ends) found.push({entry, last: index})
      let node: TrieNode | undefined = root
      let at = index + 1
      while (node.next) {
        while (at < children.length && children[at]!.type === 'WhiteSpaceNode') at++
        const next: string | undefined = normal[at]
        node = next === undefined ? undefined : node.next.get(next)
        if (!node) break
        for (const entry of node.ends) found.push({entry, last: at})
        at++
      }
      if (found.length > 1) found.sort((a, b) => a.entry.order - b.entry.order)
      for (const {entry, last} of found) {
        // retext-passive: the word node before the participle (any distance back in the
        // sentence) must be a form of `be`, compared lower-cased but not normalised.
        if (entry.list === 'passive' && !(previousWord >= 0 && BE.has(texts[previousWord]!.toLowerCase()))) continue
        const match = phraseMatch(children, index, last, entry.phrase)
        if (match) pass[entry.list].push(match)
      }
    }
    previousWord = index
  }
}

function phraseMatch(children: readonly SentenceContent[], first: number, last: number, phrase: string): PhraseMatch | undefined {
  const start = children[first]!.position?.start.offset
  const end = children[last]!.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  let actual = ''
  for (let index = first; index <= last; index++) actual += toString(children[index]!)
  return {phrase, start, end, actual}
}

// --- findings in the shape of the retext plugins' messages --------------------------------

/**
 * Hard sentences, as retext-readability with these options reports them; with `short`, a sentence
 * of fewer than `short.words` words is judged for a reader of `short.age` instead.
 */
export function readabilityMessages(pass: ProsePass, options: ReadabilityOptions, short?: {words: number; age: number}): BlockMessage[] {
  const messages: BlockMessage[] = []
  const strict = short ? {...options, age: short.age} : options
  for (const facts of pass.sentences) {
    const verdict = judgeSentence(facts.counts, short && facts.counts.words < short.words ? strict : options)
    if (!verdict) continue
    messages.push({start: facts.start, end: facts.end, reason: readabilityReason(verdict), actual: toString(facts.node), expected: [], pluginRuleId: 'readability'})
  }
  return messages
}

/** Wordy phrases, as retext-simplify with this ignore list reports them. */
export function simplifyMessages(pass: ProsePass, ignore: ReadonlySet<string>): BlockMessage[] {
  const messages: BlockMessage[] = []
  for (const match of pass.simplify) {
    if (ignore.has(match.phrase)) continue
    const pattern = SIMPLIFY[match.phrase]!
    const expected = [...pattern.replace]
    const reason =
      `Unexpected \`${match.actual}\`` +
      (pattern.omit ? ', remove it' : ',') +
      (pattern.omit && expected.length > 0 ? ', or' : '') +
      (expected.length > 0 ? ` use ${expected.map((replacement) => `\`${replacement}\``).join(', ')} instead` : '')
    messages.push({start: match.start, end: match.end, reason, actual: match.actual, expected, pluginRuleId: match.phrase.replace(/\s+/g, '-').toLowerCase()})
  }
  return messages
}

/** Passive participles, as retext-passive with this ignore list reports them. */
export function passiveMessages(pass: ProsePass, ignore: ReadonlySet<string>): BlockMessage[] {
  const messages: BlockMessage[] = []
  for (const match of pass.passive) {
    if (ignore.has(match.phrase)) continue
    messages.push({start: match.start, end: match.end, reason: 'Unexpected use of the passive voice', actual: match.actual, expected: [], pluginRuleId: match.phrase.replace(/\s+/g, '-').toLowerCase()})
  }
  return messages
}
