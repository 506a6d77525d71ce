// Chunking after an edit rescans only around the edit and reuses the other chunks. It must give
// exactly what chunking the new text from scratch gives. Property test over random edit sequences
// on corpus documents, with edits that open and close fences, HTML comments, raw HTML, front
// matter and link definitions, join and split chunks, and change line breaks.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {random as prng} from '../../scripts/lib/logreg.js'
import {chunkMarkdown, chunkMarkdownEdited} from '../../src/engine/sources/markdown-chunks.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')

const INSERTS = [
  '```\n', '```', '~~~~\n', '\n```js\n', '<!--', '-->', '\n<!-- note\n', '<pre>\n', '</pre>', '<script>', '</script>\n',
  '---\n', '+++\n', '...\n', '[ref]: https://example.com\n', '\n[Other Label]: /x "t"\n', '[ref]', '\n\n', '\n', '\r\n', '\r',
  '> ', '>>>>', '- ', '1. ', '    ', '\t', 'word', ' ', 'x',
]

function corpus(): string[] {
  const dir = join(SHARED, 'corpus', 'md')
  assert.ok(existsSync(dir), `no corpus at ${dir}`)
  return readdirSync(dir)
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .filter((text) => text.length > 5000)
}

function edit(random: () => number, text: string): string {
  const where = random()
  let at = Math.floor(random() * (text.length + 1))
  let removed = random() < 0.4 ? Math.floor(random() * (random() < 0.2 ? 400 : 6)) : 0
  if (where < 0.1) {
    // Near the start, where front matter lives.
    at = Math.floor(random() * 8)
  } else if (where < 0.4) {
    // At the start of a line, replacing its first characters: what decides a chunk's state.
    at = text.indexOf('\n', at) + 1
    removed = Math.floor(random() * 4)
  }
  const inserted = random() < 0.85 ? INSERTS[Math.floor(random() * INSERTS.length)]! : ''
  return text.slice(0, at) + inserted + text.slice(at + removed)
}

describe('chunking after an edit', () => {
  it('equals chunking from scratch over random edits of corpus documents', () => {
    const documents = corpus()
    assert.ok(documents.length >= 5, 'too few large corpus documents')
    const random = prng(2024)
    // Synthetic documents made of the edits' own pieces: structure on nearly every line.
    for (let index = 0; index < 6; index++) {
      let text = ''
      while (text.length < 6000) text += INSERTS[Math.floor(random() * INSERTS.length)]! + (random() < 0.3 ? 'Some words\n\n' : '')
      documents.push(text)
    }
    let steps = 0
    let reused = 0
    for (const original of documents) {
      for (let sequence = 0; sequence < 2; sequence++) {
        let text = sequence % 2 === 0 ? original : `---\ntitle: x\n---\n${original}`
        assert.deepEqual(chunkMarkdownEdited(text), chunkMarkdown(text))
        for (let step = 0; step < 20; step++) {
          const next = edit(random, text)
          const previousChunks = chunkMarkdownEdited(text).chunks
          const actual = chunkMarkdownEdited(next)
          assert.deepEqual(actual, chunkMarkdown(next), `edit ${step} of sequence ${sequence}`)
          // Chunks are carried over, not all rescanned.
          if (actual.chunks.some((chunk) => previousChunks.includes(chunk))) reused++
          steps++
          text = next
        }
      }
    }
    assert.ok(reused > steps / 2, `chunks reused on only ${reused} of ${steps} edits`)
  })
})
