// The placeholder rule tries its patterns only just before their needles; that must find exactly
// what a global scan of the whole text finds. Property test over random texts built from the
// patterns' own pieces, look-alikes and noise, with upper and lower case mixed.
import assert from 'node:assert/strict'
import {random as prng} from '../../scripts/lib/logreg.js'
import {forgetPlaceholderScan, PLACEHOLDERS, placeholderMatches, wholeTextMatches, type Placeholder} from '../../src/engine/rules/template-placeholder/index.js'

const PIECES = [
  '_summary_', '_extended_summary_', '_description_', '_type_', '_name_', '_return_', '_returns_', '__', '_', 'a_summary_', '`_type_`',
  '[summary]', '[type]', '[description]', '[[type]]', '[', ']',
  'TODO: describe', 'todo add a description', 'ToDo:\tdocument me', 'TODO  write description', 'TODO: describes', 'todo',
  'The description of the parameter', 'Description of the class', 'description of the methods', 'xDescription of the function', 'The Description of the property',
  '${1:name}', '${2}', '${', '${x}', '$', '{', '}',
  ' ', '\n', '\t', 'word', 'İ', 'ß', 'K', '\u017F',
]

function globalMatches(text: string, {pattern}: Placeholder): Array<[number, string]> {
  const global = new RegExp(pattern.source, pattern.flags)
  const found: Array<[number, string]> = []
  for (let match = global.exec(text); match; match = global.exec(text)) found.push([match.index, match[0]])
  return found
}

describe('template-placeholder scan', () => {
  it('finds what a global scan finds, on 400 random texts', () => {
    const random = prng(14)
    let total = 0
    for (let round = 0; round < 400; round++) {
      const parts: string[] = []
      const count = 1 + Math.floor(random() * 30)
      for (let index = 0; index < count; index++) {
        let piece = PIECES[Math.floor(random() * PIECES.length)]!
        if (random() < 0.2) piece = random() < 0.5 ? piece.toUpperCase() : piece.toLowerCase()
        parts.push(piece)
      }
      const text = parts.join(random() < 0.5 ? '' : ' ')
      for (const placeholder of PLACEHOLDERS) {
        const expected = globalMatches(text, placeholder)
        const actual = [...placeholderMatches(text, placeholder)].map((match): [number, string] => [match.index, match[0]])
        assert.deepEqual(actual, expected, `${placeholder.pattern} on ${JSON.stringify(text)}`)
        total += expected.length
      }
    }
    // The texts must actually hold placeholders, or the comparison proves nothing.
    assert.ok(total > 400, `only ${total} matches`)
  })

  it('keeps whole-text matches current across 300 random edits of a large text', () => {
    const random = prng(15)
    const piece = () => {
      const chosen = PIECES[Math.floor(random() * PIECES.length)]!
      return random() < 0.2 ? chosen.toUpperCase() : chosen
    }
    let text = Array.from({length: 1500}, piece).join(' ')
    forgetPlaceholderScan()
    wholeTextMatches(text)
    let total = 0
    for (let edit = 0; edit < 300; edit++) {
      const at = Math.floor(random() * (text.length + 1))
      const choice = random()
      if (choice < 0.4) text = text.slice(0, at) + piece() + text.slice(at)
      else if (choice < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 12))
      else text = text.slice(0, at) + (random() < 0.5 ? '\n' : '\r') + text.slice(at)
      const actual = wholeTextMatches(text)
      PLACEHOLDERS.forEach((placeholder, index) => {
        const expected = globalMatches(text, placeholder)
        assert.deepEqual(actual[index]!.map((match): [number, string] => [match.index, match.value]), expected, `${placeholder.pattern} after edit ${edit}`)
        total += expected.length
      })
    }
    assert.ok(text.length > 4096 && total > 3000, `${text.length} characters, ${total} matches`)
  })
})
