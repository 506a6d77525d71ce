// `analyze` builds findings straight from rule reports; `analyzeWithMessages` goes through VFile
// messages, as the fixture runner needs. Both must give the same findings, cold and warm.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {analyze, analyzeWithMessages, clearCaches} from '../../src/engine/lint.js'
import type {LintOptions} from '../../src/engine/types.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')

describe('lint paths', () => {
  const samples: Array<[string, string, LintOptions]> = [
    ['commit', 'Fixed the parser\nIt was broken in order to be nice.\n\nSigned-off-by: A <a@b.c>\n', {kind: 'commit'}],
    ['review', 'This is wrong. Obviously you should just use a map. Did you even test this?\n', {kind: 'review'}],
    ['code', '/** Gets the user. */\nfunction getUser() {}\n// eslint-disable-next-line\nsleep(3000)\n', {kind: 'code', languageId: 'typescript'}],
    ['crlf', '# Title\r\n\r\nIt is utilized in order to make things happen, which is probably kind of fine.\r\n', {kind: 'readme'}],
  ]
  const corpus = join(SHARED, 'corpus', 'md')
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).sort().slice(0, 12)) samples.push([name, readFileSync(join(corpus, name), 'utf8'), {kind: /readme/i.test(name) ? 'readme' : 'markdown'}])
  }

  for (const [name, text, options] of samples) {
    it(`gives the same findings both ways: ${name}`, () => {
      clearCaches()
      const viaMessages = analyzeWithMessages(text, options).analysis
      const direct = analyze(text, options)
      assert.deepEqual(direct.findings, viaMessages.findings)
      assert.deepEqual(direct.metrics, viaMessages.metrics)
      clearCaches()
      assert.deepEqual(analyze(text, options).findings, viaMessages.findings)
    })
  }
})
