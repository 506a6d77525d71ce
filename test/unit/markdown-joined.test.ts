// A cold lint parses several runs of chunks in one parser call and cuts each run's result out of
// the joined tree. That must give exactly what parsing each run alone gives: an edit later
// re-parses one run alone, and the two must agree.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {clearMarkdownCache, parseMarkdown, setJoinedLength} from '../../src/engine/sources/markdown.js'
import {documentShape} from './block-shape.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')


/** The document parsed cold, runs joined up to `length` characters a call (0: each alone). */
function parsed(text: string, length: number): ReturnType<typeof documentShape> {
  const last = setJoinedLength(length)
  try {
    clearMarkdownCache()
    return documentShape(parseMarkdown(text, 'markdown'))
  } finally {
    setJoinedLength(last)
    clearMarkdownCache()
  }
}

// Lists whose items sit apart (one list across chunks), a list item's indented paragraph,
// reference definitions and footnotes used far from where they are defined, HTML comments
// and fences: what could make a run's nodes depend on the run before it.
const section = (index: number) => `## Part ${index}

Intro ${index} links to [the guide][guide] and a note[^n${index % 3}].

- first item of part ${index}

- second item, after a blank line

  with an indented paragraph of its own

1. Step one runs the build.

    Note that step one waits for the cache.

<!-- a comment
across lines -->

\`\`\`js
const part = ${index}
\`\`\`

[^n${index % 3}]: The note for part ${index}.
`

describe('markdown: runs parsed together', () => {
  it('gives what parsing each run alone gives, on lists, definitions, footnotes and HTML', () => {
    const text = `# Title\n\n${Array.from({length: 60}, (_, index) => section(index)).join('\n')}\n[guide]: https://example.com/guide\n`
    const alone = parsed(text, 0)
    assert.ok(alone.blocks.length > 300)
    assert.deepEqual(parsed(text, 16_384), alone)
    assert.deepEqual(parsed(text, 1_000_000), alone)
  })

  it('gives what parsing each run alone gives, on every document of the corpus', () => {
    const dir = join(SHARED, 'corpus', 'md')
    assert.ok(existsSync(dir), `no corpus at ${dir}`)
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8')
      // The two largest (400 KB and 1 MB) add ten seconds and no kind of Markdown the rest lack.
      if (text.length > 200_000) continue
      assert.deepEqual(parsed(text, 16_384), parsed(text, 0), name)
    }
  })
})
