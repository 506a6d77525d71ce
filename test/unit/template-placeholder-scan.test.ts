// The placeholder rule tries its patterns only just before their needles; that must find exactly
// what a global scan of the whole text finds. Property test over random texts built from the
// patterns' own pieces, look-alikes and noise, with upper and lower case mixed.
import assert from 'node:assert/strict'
import {random as prng} from '../../scripts/lib/logreg.js'
import {PLACEHOLDERS, placeholderMatches, type Placeholder} from '../../src/engine/rules/template-placeholder/index.js'

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
})
