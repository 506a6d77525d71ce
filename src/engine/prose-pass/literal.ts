// Whether a word is meant as a literal (`the word “utilize”`, `utilize - a verb`), with the
// semantics of `nlcst-is-literal` 3, which the phrase plugins use to skip such words. That
// package asks "is there a word before/after this one" by scanning the whole sentence for each
// word it checks; here the first and last word of the sentence are known, so each question is
// one comparison.

import type {SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'

/** Delimiters that make a word at the start or end of a sentence a literal. */
const EDGE = new Set(['-', '–', '—', ':', ';'])

/** Opening delimiter → the closing ones that pair with it. */
const PAIRS = new Map<string, readonly string[]>([
  [',', [',']],
  ['-', ['-']],
  ['–', ['–']],
  ['—', ['—']],
  ['"', ['"']],
  ["'", ["'"]],
  ['‘', ['’']],
  ['‚', ['’']],
  ['’', ['’', '‚']],
  ['“', ['”']],
  ['”', ['”']],
  ['„', ['”', '“']],
  ['«', ['»']],
  ['»', ['«']],
  ['‹', ['›']],
  ['›', ['‹']],
  ['(', [')']],
  ['[', [']']],
  ['{', ['}']],
  ['⟨', ['⟩']],
  ['「', ['」']],
])

/** Children of a sentence-like parent with the positions of its first and last word. */
export interface Siblings {
  children: readonly SentenceContent[]
  /** Index of the first and last word node, -1 when there is none. */
  firstWord: number
  lastWord: number
}

/**
 * The text of the first node from `index` in direction `step` that is neither white space nor
 * a word or source; undefined when a word or source (or the edge) comes first.
 */
function delimiterAt(siblings: Siblings, index: number, step: 1 | -1): string | undefined {
  const children = siblings.children
  for (let at = index + step; at >= 0 && at < children.length; at += step) {
    const node = children[at]!
    if (node.type === 'WordNode' || node.type === 'SourceNode') return undefined
    if (node.type !== 'WhiteSpaceNode') return toString(node)
  }
  return undefined
}

/** Whether the word at `index` is a literal, as `isLiteral(parent, index)` says. */
export function isLiteralAt(siblings: Siblings, index: number): boolean {
  const wordBefore = siblings.firstWord >= 0 && siblings.firstWord < index
  const wordAfter = siblings.lastWord > index
  if (!wordBefore) {
    const next = delimiterAt(siblings, index, 1)
    if (next !== undefined && EDGE.has(next)) return true
  }
  if (!wordAfter) {
    const previous = delimiterAt(siblings, index, -1)
    if (previous !== undefined && EDGE.has(previous)) return true
  }
  const open = delimiterAt(siblings, index, -1)
  const closers = open === undefined ? undefined : PAIRS.get(open)
  if (!closers) return false
  const close = delimiterAt(siblings, index, 1)
  return close !== undefined && closers.includes(close)
}
