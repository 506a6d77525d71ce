import assert from 'node:assert/strict'
import {MAX_EDITOR_CHARACTERS, skipReason} from '../../src/extension/edits.js'

describe('extension: documents left alone', () => {
  it('skips binary content: a NUL in the first 8 KB', () => {
    assert.match(skipReason('# Title\n\u0000\u0001\u0002') ?? '', /binary/)
    assert.equal(skipReason(`${'a'.repeat(9000)}\u0000`), undefined)
  })

  it('skips documents past the size limit, and says how large they are', () => {
    assert.match(skipReason('a'.repeat(MAX_EDITOR_CHARACTERS + 1)) ?? '', /KB, past the 2048 KB limit/)
    assert.equal(skipReason('a'.repeat(MAX_EDITOR_CHARACTERS)), undefined)
  })

  it('lints ordinary text', () => {
    assert.equal(skipReason('# Title\n\nSome text.\n'), undefined)
  })
})
