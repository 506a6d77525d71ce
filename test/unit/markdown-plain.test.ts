// Plain paragraphs skip the Markdown parser. The shortcut must give exactly what remark gives:
// the same blocks (text, role, offset map), outline, HTML, directives and code ranges.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {chunkMarkdown} from '../../src/engine/sources/markdown-chunks.js'
import {isPlainParagraph, parsedChunk, parseMarkdown, type ChunkResult} from '../../src/engine/sources/markdown.js'
import {blockShape} from './block-shape.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')

function shape(result: ChunkResult) {
  return {
    blocks: result.blocks.map(blockShape),
    outline: result.outline,
    html: result.html,
    directives: result.directives,
    codeRanges: result.codeRanges,
  }
}

function plainResult(value: string): ChunkResult {
  // Through the public path: one chunk, parsed by parseMarkdown with the shortcut.
  const document = parseMarkdown(value, 'markdown')
  return {blocks: document.blocks, outline: document.outline ?? [], html: document.html ?? [], directives: document.directives, codeRanges: document.codeRanges.flat()}
}

describe('plain paragraphs', () => {
  it('are told apart from anything with syntax', () => {
    assert.equal(isPlainParagraph('Some words here.\nAnd more words.'), true)
    for (const text of ['Some *emphasis*.', 'A `code` span.', 'See http://x.y now.', 'Mail a@b.co now.', 'A line  \nwith a hard break.', '  Indented start.', 'Title\n=====', '- list', 'A | table', 'An &amp; entity.', 'Escaped \\* star.', 'Visit www.example.com today.', '']) {
      assert.equal(isPlainParagraph(text), false, text)
    }
  })

  it('give what remark gives, on every plain chunk of the corpus', () => {
    const dir = join(SHARED, 'corpus', 'md')
    assert.ok(existsSync(dir), `no corpus at ${dir}`)
    let plain = 0
    let total = 0
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8')
      const {chunks} = chunkMarkdown(text)
      for (const chunk of chunks) {
        const value = text.slice(chunk.start, chunk.end)
        total++
        if (!isPlainParagraph(value)) continue
        plain++
        assert.deepEqual(shape(plainResult(value)), shape(parsedChunk(value, '')), `${name} at ${chunk.start}: ${JSON.stringify(value.slice(0, 80))}`)
      }
    }
    // The shortcut must matter: a good share of real chunks are plain.
    assert.ok(plain > total / 10, `${plain} of ${total} chunks plain`)
  })
})
