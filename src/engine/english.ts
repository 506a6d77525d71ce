// The English parser the prose rules read: parse-english, with one fix to where sentences end.
//
// parse-english takes a word from its list of unit abbreviations followed by a period for an
// abbreviation, whatever comes before it, so "the references passed in. Therefore, the checker
// fails." stays one sentence ("in." as inches), and long-sentence counts both. After a number
// ("5 in. Then") the abbreviation reading is right; after anything else a unit cannot stand, so
// the period ends the sentence when a capitalised word follows.

import type {Paragraph, ParagraphContent, Punctuation, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'

/** Units in parse-english's abbreviation list that are also common words at a sentence's end. */
const UNIT_WORDS = new Set(['in', 'min', 'sec', 'hr', 'ft', 'lb', 'oz', 'mi'])

/** A word parse-english glued a period to (`in.`), not after a number, before a capitalised word. */
function endsSentence(children: readonly SentenceContent[], index: number): boolean {
  const word = children[index]
  if (word?.type !== 'WordNode' || word.children.length !== 2) return false
  const [stem, period] = word.children
  if (stem?.type !== 'TextNode' || !UNIT_WORDS.has(stem.value) || period?.type !== 'PunctuationNode' || period.value !== '.') return false
  const space = children[index + 1]
  const next = children[index + 2]
  if (space?.type !== 'WhiteSpaceNode' || next?.type !== 'WordNode' || !/^[A-Z]/.test(toString(next))) return false
  let previous = index - 1
  while (previous >= 0 && children[previous]!.type === 'WhiteSpaceNode') previous--
  return previous >= 0 && !/^\d/.test(toString(children[previous]!))
}

/** Split `sentence` after each such word: the period leaves the word and ends the sentence. */
function split(sentence: Sentence): ParagraphContent[] {
  const out: ParagraphContent[] = []
  let current: SentenceContent[] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (!endsSentence(children, index)) {
      current.push(child)
      continue
    }
    const word = child as Word
    const period = word.children.pop() as Punctuation
    if (word.position && period.position) word.position = {start: word.position.start, end: period.position.start}
    current.push(word, period)
    out.push(sentenceOf(current))
    out.push(children[index + 1] as ParagraphContent)
    current = []
    index++
  }
  if (current.length > 0) out.push(sentenceOf(current))
  return out
}

function sentenceOf(children: SentenceContent[]): Sentence {
  const first = children[0]?.position
  const last = children[children.length - 1]?.position
  return first && last ? {type: 'SentenceNode', children, position: {start: first.start, end: last.end}} : {type: 'SentenceNode', children}
}

function splitUnitSentences(paragraph: Paragraph): void {
  if (!paragraph.children.some((child) => child.type === 'SentenceNode' && child.children.some((_, index) => endsSentence(child.children, index)))) return
  paragraph.children = paragraph.children.flatMap((child) => (child.type === 'SentenceNode' ? split(child) : [child]))
}

export class WhylintEnglish extends ParseEnglish {}

WhylintEnglish.prototype.tokenizeParagraphPlugins = [
  ...ParseEnglish.prototype.tokenizeParagraphPlugins,
  (paragraph: Paragraph) => {
    splitUnitSentences(paragraph)
  },
]
