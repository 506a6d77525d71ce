// The edit path on documents large enough for every incremental shortcut (rechunking around the
// edit, reused runs, the last lint's block records, the placeholder scan around the edit): a warm
// re-lint after each random edit must equal a lint from empty caches. `incremental.test.ts`
// covers small texts, where most of these shortcuts stay off.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {random as prng} from '../../scripts/lib/logreg.js'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import {clearMarkdownCache, parseMarkdown} from '../../src/engine/sources/markdown.js'
import {defineRule, type AnyRule} from '../../src/engine/rule.js'
import {cold, registerDuringSuite} from './rule-probe.js'
import type {LintOptions} from '../../src/engine/types.js'

const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')

// Block-scoped, reports every word of eight letters or more with a fix, and sums metrics: a block
// result placed at a stale offset or a metric summed twice shows up at once.
const probe: AnyRule = defineRule<Record<string, never>>({
  id: 'edit-large-probe',
  description: 'Test probe: long words and counts',
  defaultSeverity: 'info',
  targets: ['readme', 'markdown', 'review'],
  fixable: true,
  scope: 'block',
  run({document, report, metrics}) {
    for (const block of document.blocks) {
      for (const match of block.text.matchAll(/[A-Za-z]{8,}/g)) {
        const start = block.toOriginal(match.index, 'start')
        const end = block.toOriginal(match.index + match[0].length, 'end')
        report({message: `Long word \`${match[0]}\``, start, end, fixes: [{title: 'Cut', edits: [{offset: start, endOffset: end, text: match[0].slice(0, 4)}]}]})
      }
      metrics.probeBlocks = (metrics.probeBlocks ?? 0) + 1
      metrics.probeChars = (metrics.probeChars ?? 0) + block.text.length / 3
      // Set by some blocks only: a block that stops being a heading must stop counting.
      if (block.role === 'heading') metrics.probeHeadingChars = (metrics.probeHeadingChars ?? 0) + block.text.length / 7
    }
  },
})

const SECTION = (n: number) => `## Section ${n}

A paragraph explaining why section ${n} exists, because readers asked for it repeatedly.
It mentions \`codeSpan${n}\`, a [reference link][ref${n % 3}] and https://example.com/${n}.

- First item with **strong emphasis** and _summary_ left by a generator.
- Second item, TODO: describe the behaviour, and a tab stop \${1:value} left in place.
  - Nested item referencing src/section/${n}.ts and version 1.${n}.0.

> A quote that continues
> onto a second line with considerable commentary.

<!-- Describe the change in section ${n} -->

### Description

<!-- Explain your changes -->

| option | meaning |
| --- | --- |
| maxEntries | Upper bound on remembered entries, [description] included. |

\`\`\`js
const section = ${n} // _summary_ inside code is not a placeholder
\`\`\`

Another paragraph with a Description of the parameter left by a generator, and more words to read.
`

const SYNTHETIC = `# Large synthetic document

${Array.from({length: 24}, (_, n) => SECTION(n)).join('\n')}
[ref0]: https://example.com/zero
[ref1]: https://example.com/one
`

const TYPED = 'etaoinshrdlu      ,.\n#*`-_>[]()|${}:0123456789'
const SNIPPETS = ['\n\n', '# ', '```\n', '_summary_', '${2:x}', 'TODO: describe ', '<!-- Describe it -->', '\n## Testing\n\n', '- ', '> ', '[description]', ' because ']

function randomEdit(text: string, random: () => number): {text: string; description: string} {
  const at = Math.floor(random() * (text.length + 1))
  const choice = random()
  const heading = text.indexOf('\n#', at)
  if (choice < 0.05 && heading >= 0) {
    // A heading turned into a paragraph, or back: the same blocks, one with another role.
    return text[heading + 2] === '#'
      ? {text: text.slice(0, heading + 1) + text.slice(heading + 2), description: `remove a \`#\` at ${heading + 1}`}
      : {text: `${text.slice(0, heading + 1)}x${text.slice(heading + 1)}`, description: `unmake the heading at ${heading + 1}`}
  }
  if (choice < 0.4) {
    const char = TYPED[Math.floor(random() * TYPED.length)]!
    return {text: text.slice(0, at) + char + text.slice(at), description: `insert ${JSON.stringify(char)} at ${at}`}
  }
  if (choice < 0.65 && text.length > 0) {
    const from = Math.min(at, text.length - 1)
    return {text: text.slice(0, from) + text.slice(from + 1), description: `delete 1 at ${from}`}
  }
  if (choice < 0.75 && text.length > 0) {
    // Same length: everything after the edit stays where it was, lines may not.
    const from = Math.min(at, text.length - 1)
    const char = random() < 0.5 ? '\n' : TYPED[Math.floor(random() * TYPED.length)]!
    return {text: text.slice(0, from) + char + text.slice(from + 1), description: `replace 1 at ${from} with ${JSON.stringify(char)}`}
  }
  if (choice < 0.82) {
    const length = 1 + Math.floor(random() * 40)
    return {text: text.slice(0, at) + text.slice(at + length), description: `delete ${length} at ${at}`}
  }
  const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!
  return {text: text.slice(0, at) + snippet + text.slice(at), description: `insert ${JSON.stringify(snippet)} at ${at}`}
}

interface Subject {
  name: string
  text: string
  options: LintOptions
}

function corpusSubjects(): Subject[] {
  const folder = join(SHARED, 'corpus', 'md')
  if (!existsSync(folder)) return []
  const large = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && statSync(join(folder, name)).size > 12_000)
    .sort()
  return [large[0], large[Math.floor(large.length / 2)]]
    .filter((name): name is string => name !== undefined)
    .map((name) => ({name, text: readFileSync(join(folder, name), 'utf8').slice(0, 24_000), options: {kind: /readme/i.test(name) ? 'readme' : 'markdown', filePath: name}}))
}

const SUBJECTS: Subject[] = [
  {name: 'synthetic Markdown', text: SYNTHETIC, options: {kind: 'markdown', filePath: 'guide.md'}},
  {name: 'synthetic review', text: SYNTHETIC, options: {kind: 'review'}},
  ...corpusSubjects(),
]

describe('edits to large documents', () => {
  registerDuringSuite(probe)

  it('parses a paragraph typed in front of another as a cold parse does', () => {
    // One-word paragraphs: the new paragraph starts, after the edit, exactly as far from the
    // edit as an old paragraph started before it. The parse must not take it for the old one.
    const words = Array.from({length: 1500}, (_, n) => 'abcdefghij'.slice(n % 7, n % 7 + 1 + (n % 3)))
    const original = words.join('\n\n')
    const shape = (text: string) => {
      const document = parseMarkdown(text, 'markdown')
      return {blocks: document.blocks.map((block) => [block.text, block.origStart]), outline: document.outline, codeRanges: document.codeRanges}
    }
    let checked = 0
    for (let at = 0, n = 0; n < words.length; n++, at += words[n - 1]!.length + 2) {
      if (n % 37 !== 5) continue
      const typed = `${original.slice(0, at)}zz\n\n${original.slice(at)}`
      clearMarkdownCache()
      parseMarkdown(original, 'markdown')
      const warm = shape(typed)
      clearMarkdownCache()
      assert.deepStrictEqual(warm, shape(typed), `a paragraph typed before paragraph ${n}`)
      checked++
    }
    assert.ok(original.length > 4096 && checked > 30)
  })

  it('sums block metrics in block order, as adding them one by one does', () => {
    for (const subject of SUBJECTS) {
      let expectedChars: number | undefined
      let blocks = 0
      for (const block of parseMarkdown(subject.text, subject.options.kind!).blocks) {
        blocks++
        expectedChars = expectedChars === undefined ? block.text.length / 3 : expectedChars + block.text.length / 3
      }
      const metrics = cold(subject.text, subject.options).metrics
      assert.equal(metrics.probeBlocks, blocks, subject.name)
      assert.equal(metrics.probeChars, expectedChars, subject.name)
      // And again from warm caches, after an edit and back.
      analyze(`${subject.text}\n\nOne more paragraph.\n`, subject.options)
      assert.deepStrictEqual(analyze(subject.text, subject.options).metrics, metrics, subject.name)
    }
  })

  it('stops counting a heading typed into a paragraph', () => {
    const options: LintOptions = {kind: 'markdown'}
    const at = SYNTHETIC.indexOf('## Section 12')
    const edited = `${SYNTHETIC.slice(0, at)}x${SYNTHETIC.slice(at)}`
    cold(SYNTHETIC, options)
    const warm = analyze(edited, options)
    const expected = cold(edited, options)
    assert.ok(expected.metrics.probeHeadingChars! > 0)
    assert.deepStrictEqual(warm, expected)
  })

  it('uses documents past the incremental thresholds', () => {
    assert.ok(SUBJECTS.length >= 2)
    for (const subject of SUBJECTS) assert.ok(subject.text.length > 8192, `${subject.name}: ${subject.text.length} characters`)
  })

  it('finds placeholders the edit path must keep current', () => {
    const analysis = cold(SYNTHETIC, SUBJECTS[0]!.options)
    const placeholders = analysis.findings.filter((finding) => finding.ruleId === 'template-placeholder')
    assert.ok(placeholders.length >= 24 * 4, `${placeholders.length} placeholder findings`)
  })

  SUBJECTS.forEach((subject, index) => {
    it(`${subject.name}: warm re-lints after 25 edits equal cold lints`, () => {
      const random = prng(0xed17 + index)
      const versions = [{text: subject.text, description: 'original'}]
      for (let edit = 0; edit < 25; edit++) versions.push(randomEdit(versions[versions.length - 1]!.text, random))
      clearCaches()
      // Linted in order with warm caches, as the editor does, then each from empty caches.
      const warm = versions.map((version) => analyze(version.text, subject.options))
      versions.forEach((version, step) => {
        assert.deepStrictEqual(warm[step], cold(version.text, subject.options), `${subject.name}, step ${step} (${version.description}): warm lint differs from a cold lint`)
      })
    })
  })
})
