// The line index is carried over from the previous text after an edit; it must equal a scan of
// the new text. Property test over random edits, many of them touching line breaks (LF, CRLF,
// lone CR, split and joined CRLF pairs), at the ends of the text too.
import assert from 'node:assert/strict'
import {random as prng} from '../../scripts/lib/logreg.js'
import {editBetween, forgetLastLines, lineStarts, lineStartsAfterEdit, lineStartsOfEdited, textEdit, versionOf} from '../../src/engine/lines.js'

const PIECES = ['\n', '\r', '\r\n', '\n\n', 'a', 'word ', '', 'x\r', '\ny']

function randomText(random: () => number, length: number): string {
  let text = ''
  while (text.length < length) text += PIECES[Math.floor(random() * PIECES.length)]!
  return text
}

function edit(random: () => number, text: string): string {
  const at = Math.floor(random() * (text.length + 1))
  const removed = random() < 0.5 ? Math.floor(random() * 4) : 0
  const inserted = random() < 0.7 ? randomText(random, Math.floor(random() * 4)) : ''
  return text.slice(0, at) + inserted + text.slice(at + removed)
}

describe('line index after an edit', () => {
  it('finds the common prefix and suffix without overlap', () => {
    const random = prng(7)
    for (let round = 0; round < 500; round++) {
      const before = randomText(random, Math.floor(random() * 40))
      const after = edit(random, before)
      const {prefix, suffix} = textEdit(before, after)
      assert.ok(prefix + suffix <= Math.min(before.length, after.length))
      assert.equal(before.slice(0, prefix), after.slice(0, prefix))
      assert.equal(before.slice(before.length - suffix), after.slice(after.length - suffix))
      // Maximal: one more character on either side differs (or runs past the shorter text).
      const room = Math.min(before.length, after.length) - prefix - suffix
      if (room > 0) {
        assert.notEqual(before[prefix], after[prefix])
        assert.notEqual(before[before.length - suffix - 1], after[after.length - suffix - 1])
      }
    }
  })

  it('equals a full scan over 2,000 random edit sequences', () => {
    const random = prng(11)
    for (let round = 0; round < 2000; round++) {
      let text = randomText(random, Math.floor(random() * 60))
      let starts = lineStarts(text)
      for (let step = 0; step < 5; step++) {
        const next = edit(random, text)
        starts = lineStartsAfterEdit(text, starts, next)
        assert.deepEqual(starts, lineStarts(next), `${JSON.stringify(text)} → ${JSON.stringify(next)}`)
        text = next
      }
    }
  })

  it('updates its own index in place over 300 edits of a large text', () => {
    const random = prng(13)
    let text = randomText(random, 6000)
    forgetLastLines()
    lineStartsOfEdited(text)
    for (let step = 0; step < 300; step++) {
      // Now and then an edit that adds or removes many lines at once.
      const next = random() < 0.1 ? text.slice(0, 100) + randomText(random, Math.floor(random() * 400)) + text.slice(100 + Math.floor(random() * 400)) : edit(random, text)
      if (next.length <= 4096) continue
      assert.deepEqual(lineStartsOfEdited(next), lineStarts(next), `step ${step}`)
      text = next
    }
    forgetLastLines()
  })

  it('knows the edit between a version and the next one only', () => {
    forgetLastLines()
    const a = versionOf('one two three')
    assert.equal(versionOf('one two three'), a, 'the same text is the same version')
    const b = versionOf('one 2 three')
    assert.deepEqual(editBetween(a, b), {prefix: 4, suffix: 6})
    const c = versionOf('another document')
    assert.deepEqual(editBetween(b, c), textEdit('one 2 three', 'another document'))
    // A version two texts back: what was built on it is built again, not patched.
    assert.equal(editBetween(a, c), undefined)
    assert.equal(editBetween(b, a), undefined)
    forgetLastLines()
  })

  it('carries the line index over only from the text just before', () => {
    const random = prng(17)
    const text = randomText(random, 6000)
    const other = randomText(random, 6000)
    forgetLastLines()
    const first = lineStartsOfEdited(text)
    // The next version of the same text: its index is the same array, updated in place.
    const next = edit(random, text)
    assert.equal(lineStartsOfEdited(next), first)
    // Another document linted in between: the index is scanned again (a new array), and right.
    versionOf(other)
    const after = edit(random, next)
    const rescanned = lineStartsOfEdited(after)
    assert.notEqual(rescanned, first)
    assert.deepEqual(rescanned, lineStarts(after))
    forgetLastLines()
  })
})

