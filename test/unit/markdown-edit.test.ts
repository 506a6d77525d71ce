// After an edit, parsing a Markdown document reuses what the last parse found for runs of chunks
// the edit did not touch, and the engine reuses the last chunking and line index. Warm results
// must equal a parse (and a lint) from empty caches. Property test over random edit sequences of
// corpus documents large enough to take the incremental paths.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {random as prng} from '../../scripts/lib/logreg.js'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import {clearMarkdownCache, parseMarkdown} from '../../src/engine/sources/markdown.js'
import {documentShape} from './block-shape.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')

const INSERTS = ['```\n', '<!--', '-->', '\n[ref]: https://example.com\n', '[ref]', '\n\n', '\n', '# ', '- ', '> ', '*', '_', '`', 'word', ' ', '<!-- whylint-disable -->\n', '---\n']


const DEFINITION = '\n[ref]: https://example.com\n'

function edit(random: () => number, text: string): string {
  // Adding or removing a definition changes the parse of every run that uses it.
  if (random() < 0.15) return text.includes(DEFINITION) ? text.replace(DEFINITION, '\n') : `${text}${DEFINITION}`
  const at = random() < 0.1 ? Math.floor(random() * 8) : Math.floor(random() * (text.length + 1))
  const removed = random() < 0.4 ? Math.floor(random() * (random() < 0.2 ? 300 : 5)) : 0
  const inserted = random() < 0.85 ? INSERTS[Math.floor(random() * INSERTS.length)]! : ''
  return text.slice(0, at) + inserted + text.slice(at + removed)
}

function documents(): string[] {
  const dir = join(SHARED, 'corpus', 'md')
  assert.ok(existsSync(dir), `no corpus at ${dir}`)
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .filter((text) => text.length > 6000)
}

describe('Markdown after an edit', () => {
  after(() => clearCaches())

  it('parses to what a cold parse gives over random edits of corpus documents', () => {
    const random = prng(99)
    const texts = documents()
    assert.ok(texts.length >= 5)
    for (const original of texts.slice(0, 8)) {
      // References to the definition the edits add and remove, spread over the document.
      let text = original
      for (let index = 0; index < 6; index++) {
        const at = text.indexOf(' ', Math.floor(random() * text.length))
        if (at >= 0) text = `${text.slice(0, at)} [ref]${text.slice(at)}`
      }
      clearMarkdownCache()
      parseMarkdown(text, 'markdown')
      for (let step = 0; step < 12; step++) {
        text = edit(random, text)
        const warm = documentShape(parseMarkdown(text, 'markdown'))
        clearMarkdownCache()
        const cold = documentShape(parseMarkdown(text, 'markdown'))
        assert.deepStrictEqual(warm, cold, `step ${step}`)
        // The cold parse is now the last one: the next warm parse reuses it.
      }
    }
  })

  it('lints to what a cold lint gives over random edits of a document', () => {
    const random = prng(5)
    const original = documents().sort((a, b) => a.length - b.length)[0]!
    let text = original
    clearCaches()
    analyze(text, {kind: 'markdown'})
    for (let step = 0; step < 5; step++) {
      text = edit(random, text)
      const warm = analyze(text, {kind: 'markdown'})
      clearCaches()
      assert.deepStrictEqual(warm, analyze(text, {kind: 'markdown'}), `step ${step}`)
    }
  })
})
