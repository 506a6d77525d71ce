// The commit source: what git keeps of a message, with offsets into the text as given.
import assert from 'node:assert/strict'
import {parseCommit, parseCommitMessage} from '../../src/engine/sources/commit.js'
import {assertMapsBack} from './sources-markdown.test.js'

describe('sources: commit', () => {
  it('splits subject, body and trailers', () => {
    const text = 'Fix crash on empty config\n\nThe loader assumed the file existed.\nIt threw on a fresh checkout.\n\nFixes #12\nSigned-off-by: A <a@example.com>\n'
    const commit = parseCommitMessage(text)
    assert.equal(commit.subject, 'Fix crash on empty config')
    assert.equal(text.slice(commit.subjectOffset, commit.subjectEndOffset), commit.subject)
    assert.equal(commit.subjectLineEnd, 25)
    assert.ok(commit.hasBlankAfterSubject)
    assert.deepEqual(commit.bodyLines.map((line) => line.text), ['The loader assumed the file existed.', 'It threw on a fresh checkout.'])
    for (const line of commit.bodyLines) assert.equal(text.slice(line.offset, line.endOffset), line.text)
    assert.deepEqual(commit.trailers.map((t) => [t.key, t.value]), [
      ['Fixes', '#12'],
      ['Signed-off-by', 'A <a@example.com>'],
    ])
    assert.equal(commit.eol, '\n')
  })

  it('drops # comment lines and everything below the scissors line', () => {
    const text = 'Add cache\n# Please enter the commit message\n\nBody line.\n# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n+in order to\n'
    const commit = parseCommitMessage(text)
    assert.equal(commit.subject, 'Add cache')
    assert.deepEqual(commit.bodyLines.map((line) => line.text), ['Body line.'])
    assert.equal(commit.contentEnd, text.indexOf('Body line.') + 'Body line.'.length)
    const document = parseCommit(text)
    assert.ok(document.blocks.every((block) => !/diff|order|Please/.test(block.text)))
  })

  it('honours a custom comment character', () => {
    const text = 'Add cache\n; a comment\n# not a comment\n'
    const commit = parseCommitMessage(text, ';')
    assert.deepEqual(commit.bodyLines.map((line) => line.text), ['# not a comment'])
    assert.ok(!commit.hasBlankAfterSubject)
  })

  it('keeps exact offsets with CRLF line ends', () => {
    const text = 'Add cache\r\n\r\nParsing dominated the run time,\r\nso keep trees.\r\n'
    const commit = parseCommitMessage(text)
    assert.equal(commit.eol, '\r\n')
    assert.equal(commit.subjectLineEnd, 9)
    assert.deepEqual(commit.bodyLines.map((line) => text.slice(line.offset, line.endOffset)), ['Parsing dominated the run time,', 'so keep trees.'])
    for (const block of parseCommit(text).blocks) assertMapsBack(text, block)
  })

  it('reads CR-only line ends', () => {
    const text = 'Add cache\r\rBody here.\r'
    const commit = parseCommitMessage(text)
    assert.equal(commit.eol, '\r')
    assert.equal(commit.subject, 'Add cache')
    assert.deepEqual(commit.bodyLines.map((line) => line.text), ['Body here.'])
  })

  it('has no subject when the message is only comments, or empty', () => {
    for (const text of ['# Please enter the commit message\n# Lines starting with # are ignored\n', '', '\n\n']) {
      const commit = parseCommitMessage(text)
      assert.equal(commit.subject, '')
      assert.deepEqual(commit.bodyLines, [])
      assert.deepEqual(parseCommit(text).blocks, [])
    }
  })

  it('notices a body that follows the subject directly', () => {
    assert.ok(!parseCommitMessage('Add cache\nBody.\n').hasBlankAfterSubject)
    assert.ok(parseCommitMessage('Add cache\n').hasBlankAfterSubject)
  })

  it('keeps indented and quoted lines out of prose', () => {
    const text = 'Fix parser\n\nIt failed with:\n\n    Error: in order to probably\n> quoted in order to\n\n- a bullet that we use\n- another bullet\n'
    const document = parseCommit(text)
    assert.ok(document.blocks.every((block) => !/in order to|probably/.test(block.text)))
    assert.deepEqual(document.blocks.map((block) => block.role), ['commit-subject', 'commit-body', 'commit-body', 'commit-body'])
    for (const block of document.blocks) assertMapsBack(text, block)
    const ranges = document.codeRanges.map(([start, end]) => text.slice(start, end))
    assert.ok(ranges.includes('    Error: in order to probably'))
  })

  it('keeps machine-written key-name: value lines out of prose', () => {
    const text = 'Bump mypy from 1.0 to 1.1\n\nBumps mypy.\n\n---\nupdated-dependencies:\n- dependency-name: mypy\n  dependency-type: direct:production\n'
    const document = parseCommit(text)
    assert.ok(document.blocks.every((block) => !/dependency|production/.test(block.text)), JSON.stringify(document.blocks.map((b) => b.text)))
    assert.ok(parseCommit('Fix x\n\nNote: this keeps prose.\nIt goes on here.\n').blocks.some((block) => /Note: this keeps prose/.test(block.text)))
  })

  it('does not take a lone Key: value paragraph after the subject as trailers', () => {
    const commit = parseCommitMessage('Merge branch x\nConflicts: a\n')
    assert.deepEqual(commit.trailers, [])
  })

  it('reads sign-offs with a maintainer note between them as trailers, as git does', () => {
    const text = 'Add remote info\n\nIt avoids a round trip.\n\nHelped-by: A <a@example.com>\nSigned-off-by: B <b@example.com>\n[jc: added the allow-list validation]\nSigned-off-by: C <c@example.com>\n'
    const commit = parseCommitMessage(text)
    assert.deepEqual(commit.trailers.map((t) => t.key), ['Helped-by', 'Signed-off-by', 'Signed-off-by'])
    assert.deepEqual(commit.bodyLines.map((line) => line.text), ['It avoids a round trip.'])
    assert.ok(parseCommit(text).blocks.every((block) => !/Helped|allow-list/.test(block.text)))
    // Without a line git writes itself, a paragraph that is not all trailers stays prose.
    const notes = 'Add remote info\n\nIt avoids a round trip.\n\nHelped-by: A <a@example.com>\nThe rest of this paragraph is prose.\n'
    assert.deepEqual(parseCommitMessage(notes).trailers, [])
    assert.ok(parseCommit(notes).blocks.some((block) => /rest of this paragraph/.test(block.text)))
  })

  it('keeps table rows out of prose, but not pipes in code spans', () => {
    const text = 'Raise the PID limit\n\nJob | 64k | 16k\n----|-----|----\nlinux | 19m 3s | 16m 0s\n\nRun `a | b | c` to see it.\n'
    const document = parseCommit(text)
    assert.ok(document.blocks.every((block) => !/64k|linux|----/.test(block.text)), JSON.stringify(document.blocks.map((b) => b.text)))
    assert.ok(document.blocks.some((block) => /to see it/.test(block.text)))
  })
})
