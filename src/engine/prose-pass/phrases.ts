// Every phrase list in one index. Words are compared the way `nlcst-search` 4 compares them
// (through `nlcst-normalize` with its defaults): lower-cased, curly apostrophes straightened, then
// hyphens and apostrophes dropped. A phrase's words are joined in the text by white space only,
// and a phrase never starts at a literal word (`isLiteral`). The index is a trie keyed by
// normalised word, so one step per word finds every phrase of every list that starts there.

import {patterns} from '#retext-simplify-patterns'
import {list as participles} from '#retext-passive-list'

/** `nlcst-normalize`'s default normalisation of a word's text. */
export function normalizeWord(value: string): string {
  return normalizeLowerCase(value.toLowerCase())
}

/** `normalizeWord` for text already lower-cased. */
export function normalizeLowerCase(lower: string): string {
  let result = lower
  if (result.includes('’')) result = result.replace(/’/g, "'")
  if (result.includes('-')) result = result.replace(/-/g, '')
  if (result.includes("'")) result = result.replace(/'/g, '')
  return result
}

export type ListName = 'simplify' | 'passive'

export interface PhraseEntry {
  list: ListName
  /** The phrase as its list spells it (the key an ignore list names). */
  phrase: string
  /** Position in its list: matches at one word are reported in list order. */
  order: number
}

export interface TrieNode {
  next: Map<string, TrieNode> | undefined
  /** Phrases that end at this node: a match is reported here, while longer phrases go on matching. */
  ends: PhraseEntry[]
}

export type PhraseIndex = Map<string, TrieNode>

export function buildIndex(lists: ReadonlyArray<{list: ListName; phrases: readonly string[]}>): PhraseIndex {
  const index: PhraseIndex = new Map()
  for (const {list, phrases} of lists) {
    phrases.forEach((phrase, order) => {
      // As nlcst-search splits: the first word up to a space, the rest on single spaces.
      const words = phrase.split(' ').map((word) => normalizeWord(word))
      if (phrase.split(' ').includes('*')) throw new Error(`Wildcard phrases are not supported: \`${phrase}\``)
      let node = index.get(words[0]!)
      if (!node) {
        node = {next: undefined, ends: []}
        index.set(words[0]!, node)
      }
      for (const word of words.slice(1)) {
        node.next ??= new Map()
        let child = node.next.get(word)
        if (!child) {
          child = {next: undefined, ends: []}
          node.next.set(word, child)
        }
        node = child
      }
      node.ends.push({list, phrase, order})
    })
  }
  return index
}

/** retext-simplify's patterns: phrase → replacements, and whether dropping it is also advice. */
export const SIMPLIFY: Readonly<Record<string, {readonly replace: readonly string[]; readonly omit?: true}>> = patterns

/** retext-passive's participles. */
export const PARTICIPLES: readonly string[] = participles

/** Forms of `be` that make a following participle passive, as retext-passive lists them. */
export const BE = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be'])

export const INDEX: PhraseIndex = buildIndex([
  {list: 'simplify', phrases: Object.keys(SIMPLIFY)},
  {list: 'passive', phrases: PARTICIPLES},
])
