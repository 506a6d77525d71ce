// Code comments on real text: every doc comment of the shared corpus, wrapped as a TSDoc block
// or a Python docstring, parses into one comment whose prose maps back inside it; and a large
// file scans in one linear pass.
import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseCode} from '../../src/engine/sources/code/index.js'

const SHARED = process.env['WHYLINT_SHARED'] ?? '../shared'
const CORPUS = join(SHARED, 'corpus', 'doccomments', 'doccomments.jsonl')

interface Item {
  lang: string
  text: string
}

function wrap(item: Item): {text: string; language: string} {
  if (item.lang === '.py') {
    const body = item.text
      .split('\n')
      .map((line) => (line ? `    ${line}` : ''))
      .join('\n')
    return {text: `def handler(request):\n    """${body.trimStart()}\n    """\n    return request\n`, language: 'python'}
  }
  const body = item.text
    .split('\n')
    .map((line) => ` * ${line}`.trimEnd())
    .join('\n')
  return {text: `/**\n${body}\n */\nexport function handler(request: Request): Response {}\n`, language: 'typescript'}
}

describe('sources/code: doc comment corpus', function () {
  it('parses every corpus doc comment into one comment with prose inside it', function () {
    if (!existsSync(CORPUS)) this.skip()
    const items = readFileSync(CORPUS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Item)
    assert.ok(items.length > 1000)
    let withProse = 0
    let tags = 0
    for (const item of items) {
      const {text, language} = wrap(item)
      const document = parseCode(text, language)
      assert.equal(document.comments!.length, 1, `${item.lang}: ${item.text.slice(0, 60)}`)
      const comment = document.comments![0]!
      assert.equal(comment.style, 'doc')
      assert.ok(comment.code !== null && /handler/.test(comment.code.text))
      const block = comment.prose
      if (block.text.length > 0) {
        withProse++
        assert.ok(block.origStart >= comment.offset && block.origEnd <= comment.endOffset, `prose outside the comment: ${item.text.slice(0, 60)}`)
      }
      for (let index = 0; index < block.text.length; index++) {
        const original = block.toOriginal(index)
        assert.ok(original >= comment.offset && original <= comment.endOffset)
        if (!block.touchesPlaceholder(index, index + 1)) assert.equal(text[original], block.text[index])
      }
      for (const tag of comment.tags) {
        assert.ok(tag.offset >= comment.offset && tag.offset < comment.endOffset)
        tags++
      }
    }
    // Most doc comments say something in words; a parser that drops them all would pass the above.
    assert.ok(withProse / items.length > 0.8, `only ${withProse} of ${items.length} have prose`)
    assert.ok(tags > 500)
  })
})

describe('sources/code: size', () => {
  it('scans a 1 MB file in one linear pass', () => {
    const chunk = [
      '/**',
      ' * Loads the user, since the cache may be cold after a deploy.',
      ' * @param id the user id',
      ' */',
      'export async function load(id: string): Promise<User> {',
      '  const url = `${base}/users/${id}?q=${encodeURIComponent("a // b")}` // the API wants it escaped',
      "  const re = /\\/\\*+/g; const half = total / 2 // round down",
      '  return fetch(url).then((r) => r.json()) /* one request */',
      '}',
      '',
    ].join('\n')
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length))
    parseCode(chunk, 'typescript')
    const start = performance.now()
    const document = parseCode(text, 'typescript')
    const elapsed = performance.now() - start
    const copies = text.length / chunk.length
    assert.equal(document.comments!.length, copies * 4)
    // Generous bound for a shared, busy machine; a quadratic scan takes seconds here.
    assert.ok(elapsed < 1500, `took ${elapsed.toFixed(0)} ms`)
  })

  it('scans pathological input without backtracking', () => {
    const inputs = ['/*'.repeat(100_000), '"'.repeat(200_000), '//'.repeat(100_000), '`${'.repeat(50_000), "r#'".repeat(50_000)]
    for (const input of inputs) {
      for (const language of ['typescript', 'rust', 'python', 'ruby', 'shellscript', 'php', 'csharp', 'swift']) {
        const start = performance.now()
        parseCode(input, language)
        assert.ok(performance.now() - start < 1500, `${language} on ${input.slice(0, 6)}…`)
      }
    }
  })
})
