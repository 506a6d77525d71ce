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
    const inputs = ['/*'.repeat(25_000), '"'.repeat(50_000), '//'.repeat(25_000), '`${'.repeat(15_000), "r#'".repeat(15_000), '<<EOF\n'.repeat(10_000), '((('.repeat(15_000)]
    for (const input of inputs) {
      for (const language of ['typescript', 'rust', 'python', 'ruby', 'shellscript', 'php', 'csharp', 'swift']) {
        const start = performance.now()
        parseCode(input, language)
        assert.ok(performance.now() - start < 1500, `${language} on ${input.slice(0, 6)}…`)
      }
    }
  })
})

describe('sources/code: cut anywhere', () => {
  // Every prefix of a text full of openers: each cut leaves something unterminated.
  const sample = [
    '#!/usr/bin/env x',
    '/** Doc {@link A} `b` */ const a = `t ${ "s" + `u ${v}` } w` // c',
    "const r = /[/*]\\//g; x = 1 / 2 /* d /* e */ f */ '\\'' \"\\\"\"",
    'let s = r#"raw "# q"#; R"x(raw)x" @"v""x" $"{a}" """t""" #"s"#',
    'def f():\n    """Doc.\n\n    :param x: y\n    """\n    s = rb\'\\\'\' # z',
    "cat <<-'EOF'\n\t# h\n\tEOF\n=begin\nb\n=end\n%w[a] <<~EOS\nx\nEOS\n<<<EOT\nq\nEOT;",
    '// whylint-disable-next-line a\n# noqa\n',
  ].join('\n')

  it('never throws and keeps comments ordered and inside the text', () => {
    for (const language of ['typescript', 'javascript', 'java', 'csharp', 'go', 'rust', 'c', 'cpp', 'kotlin', 'swift', 'php', 'python', 'ruby', 'shellscript']) {
      for (let cut = 0; cut <= sample.length; cut += 3) {
        const text = sample.slice(0, cut)
        const document = parseCode(text, language)
        let last = 0
        for (const comment of document.comments!) {
          assert.ok(comment.offset >= last && comment.offset < comment.endOffset && comment.endOffset <= text.length, `${language} at ${cut}`)
          assert.ok(comment.prose.origStart >= comment.offset || comment.prose.text === '')
          last = comment.endOffset
        }
        for (const [start, end] of document.codeRanges) assert.ok(start < end && end <= text.length)
      }
    }
  })
})
