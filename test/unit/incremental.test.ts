// Incremental lint: re-linting after an edit reuses cached parses and block results, and must
// give exactly what a lint from empty caches gives. Property test over seeded random edit
// sequences on corpus documents and synthetic Markdown, commit, review and code texts.
//
// Besides the registered rules (whatever they find today), a probe rule is registered for the
// duration of this suite: block-scoped, it reports long words at their offsets with a fix and
// publishes summed metrics, so a stale or misplaced cached block result always shows up as a
// difference, even before the real rules find anything in these texts.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root as NlcstRoot} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import {random as prng} from '../../scripts/lib/logreg.js'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import {defineRule, type AnyRule} from '../../src/engine/rule.js'
import {cold, registerDuringSuite} from './rule-probe.js'
import type {LintOptions} from '../../src/engine/types.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const SHARED = resolve(ROOT, process.env.WHYLINT_SHARED ?? '../shared')


let probeRuns = 0

const probe: AnyRule = defineRule<Record<string, never>>({
  id: 'incremental-probe',
  description: 'Test probe: long words, with offsets, fixes and metrics',
  defaultSeverity: 'info',
  targets: ['readme', 'markdown', 'commit', 'code', 'review'],
  fixable: true,
  scope: 'block',
  run({document, parse, report, metrics}) {
    for (const block of document.blocks) {
      probeRuns++
      const tree: NlcstRoot = parse(block)
      let words = 0
      visit(tree, 'WordNode', (node) => {
        words++
        const word = toString(node)
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (word.length < 8 || start === undefined || end === undefined) return
        const from = block.toOriginal(start, 'start')
        const to = block.toOriginal(end, 'end')
        report({
          message: `Long word \`${word}\` in a ${block.role}`,
          start: from,
          end: to,
          actual: word,
          fixes: [{title: 'Shorten', edits: [{offset: from, endOffset: to, text: word.slice(0, 7)}]}],
        })
      })
      metrics.probeWords = (metrics.probeWords ?? 0) + words
      metrics.probeBlocks = (metrics.probeBlocks ?? 0) + 1
    }
  },
  summarize(metrics) {
    if (metrics.probeBlocks) metrics.probeWordsPerBlock = (metrics.probeWords ?? 0) / metrics.probeBlocks
  },
})

interface Subject {
  name: string
  text: string
  options: LintOptions
}

const MARKDOWN = `---
title: Synthetic
---

# Widget cache

A cache for widgets, because rendering them from scratch takes seconds on large dashboards.
It keeps \`renderedWidget\` objects keyed by configuration; see https://example.com/docs/cache.

## Why

Dashboards stalled whenever somebody reopened them. Measurements showed rendering dominated.

- First item explaining installation, deliberately somewhat verbose and repetitive.
- Second item with **strong emphasis** and _emphasised explanation_ here.
  - A nested item referencing src/cache/index.ts and version 1.2.3.

> A blockquote that continues
> onto a second line with considerable commentary.

| option | meaning |
| --- | --- |
| maxEntries | Upper bound on remembered widgets before eviction starts. |
| ttlSeconds | Expiration interval, measured in seconds, for stale entries. |

<!-- whylint-disable-next-line incremental-probe -->
Suppressed paragraph containing extraordinarily lengthy vocabulary.

\`\`\`ts
const cache = new Map<string, Widget>() // comments in code are not prose here
\`\`\`

Closing paragraph: configuration, documentation, maintainability, and [the reference][ref].

[ref]: https://example.com/reference
`

const COMMIT = `Cache rendered widgets between dashboard navigations so reopening is instant

Reopening a dashboard re-rendered every widget, which took several seconds
on large dashboards. Rendering dominated the profile.

Keep rendered widgets keyed by configuration; invalidate on change.

    indented literal output, not prose whatsoever

# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored.
Signed-off-by: Somebody Example <somebody@example.com>
`

const REVIEW = `This is wrong. Why would anybody implement caching like this?

Consider invalidating entries when configuration changes; otherwise stale widgets appear.

**suggestion (non-blocking):** extract the eviction policy into a separate function, as [the reference][ref] does.
`

const TYPESCRIPT = `// Renders widgets once and remembers them, because rendering is expensive.
export class WidgetCache {
  /** Gets the widget. */
  getWidget(id: string): Widget | undefined {
    // eslint-disable-next-line no-console
    return this.entries.get(id) // lookup without recomputation
  }

  /*
   * Evicts everything; called whenever configuration changes.
   */
  clear(): void {}
}
`

const PYTHON = `def get_widget(widget_id):
    """Return the cached widget, rendering it first when necessary."""
    # type: ignore
    return CACHE.get(widget_id)  # lookup without recomputation
`

/** A prefix of about `limit` characters, cut at a blank line so no block is split. */
function prefix(text: string, limit: number): string {
  if (text.length <= limit) return text
  const cut = text.lastIndexOf('\n\n', limit)
  return text.slice(0, cut > 0 ? cut + 1 : limit)
}

function corpusSubjects(): Subject[] {
  const folder = join(SHARED, 'corpus/md')
  if (!existsSync(folder)) return []
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort((a, b) => statSync(join(folder, a)).size - statSync(join(folder, b)).size)
  // Three documents spread over the size range, each cut to its first few KB: real text, light test.
  const picked = [names[Math.floor(names.length * 0.15)], names[Math.floor(names.length * 0.5)], names[Math.floor(names.length * 0.85)]]
  return picked
    .filter((name): name is string => name !== undefined)
    .map((name) => ({
      name,
      text: prefix(readFileSync(join(folder, name), 'utf8'), 3000),
      options: {kind: /readme/i.test(name) ? 'readme' : 'markdown', filePath: name},
    }))
}

const SUBJECTS: Subject[] = [
  {name: 'synthetic README', text: MARKDOWN, options: {kind: 'readme', filePath: 'README.md'}},
  {name: 'synthetic commit', text: COMMIT, options: {kind: 'commit'}},
  {name: 'synthetic review', text: REVIEW, options: {kind: 'review'}},
  {name: 'synthetic TypeScript', text: TYPESCRIPT, options: {kind: 'code', languageId: 'typescript', filePath: 'cache.ts'}},
  {name: 'synthetic Python', text: PYTHON, options: {kind: 'code', languageId: 'python', filePath: 'cache.py'}},
  ...corpusSubjects(),
]

const TYPED = 'etaoinshrdlu      ,.\n#*`-_>[]()|0123456789'
const SNIPPETS = ['\n\n', '# ', '```\n', '<!-- whylint-disable -->', '- ', '> ', ' extraordinarily ', 'because ', '\n# comment\n', '| a | b |\n']

/** One random edit, described for the failure message. */
function randomEdit(text: string, random: () => number): {text: string; description: string} {
  const at = Math.floor(random() * (text.length + 1))
  const choice = random()
  if (choice < 0.35) {
    const char = TYPED[Math.floor(random() * TYPED.length)]!
    return {text: text.slice(0, at) + char + text.slice(at), description: `insert ${JSON.stringify(char)} at ${at}`}
  }
  if (choice < 0.65 && text.length > 0) {
    const from = Math.min(at, text.length - 1)
    return {text: text.slice(0, from) + text.slice(from + 1), description: `delete 1 at ${from}`}
  }
  if (choice < 0.75) {
    const length = 1 + Math.floor(random() * 20)
    return {text: text.slice(0, at) + text.slice(at + length), description: `delete ${length} at ${at}`}
  }
  if (choice < 0.9) {
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!
    return {text: text.slice(0, at) + snippet + text.slice(at), description: `insert ${JSON.stringify(snippet)} at ${at}`}
  }
  if (choice < 0.96) {
    // Remove or restore a link reference definition: blocks elsewhere that use it change how
    // they parse while their own text stays the same.
    const definition = '\n[ref]: https://example.com/reference\n'
    return text.includes(definition)
      ? {text: text.replace(definition, '\n'), description: 'remove the `[ref]` definition'}
      : {text: `${text}${definition}`, description: 'append the `[ref]` definition'}
  }
  // Move a line: blocks keep their text but change offsets and neighbours.
  const lines = text.split('\n')
  const from = Math.floor(random() * lines.length)
  const [line] = lines.splice(from, 1)
  const to = Math.floor(random() * (lines.length + 1))
  lines.splice(to, 0, line!)
  return {text: lines.join('\n'), description: `move line ${from + 1} to ${to + 1}`}
}

describe('incremental lint', () => {
  registerDuringSuite(probe)

  it('has documents to edit', () => {
    assert.ok(SUBJECTS.length >= 5)
    for (const subject of SUBJECTS) assert.ok(subject.text.length > 0, subject.name)
  })

  it('reuses block results: a warm re-lint after a small edit runs rules on fewer blocks', () => {
    const subject = SUBJECTS[0]!
    cold(subject.text, subject.options)
    probeRuns = 0
    cold(subject.text, subject.options)
    const coldRuns = probeRuns
    const edited = subject.text.replace('Closing paragraph', 'Closing paragraphs')
    probeRuns = 0
    analyze(edited, subject.options)
    assert.ok(coldRuns > 3, `the probe ran on ${coldRuns} blocks`)
    assert.equal(probeRuns, 1, 'only the edited block is analysed again')
  })

  it('reports a cached block at its new offset after text is inserted above it', () => {
    const subject = SUBJECTS[0]!
    const warmBefore = cold(subject.text, subject.options)
    const edited = `Inserted introduction paragraph.\n\n${subject.text.replace('---\ntitle: Synthetic\n---\n', '')}`
    const warm = analyze(edited, subject.options)
    assert.deepEqual(warm, cold(edited, subject.options))
    const probeFindings = warm.findings.filter((finding) => finding.ruleId === 'incremental-probe')
    assert.ok(probeFindings.length > 0 && warmBefore.findings.length > 0)
    for (const finding of probeFindings) {
      assert.equal(edited.slice(finding.offset, finding.endOffset).length, finding.endOffset - finding.offset)
      assert.match(finding.message, new RegExp(`\`${edited.slice(finding.offset, finding.endOffset).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\``))
    }
  })

  // 30 sequences of 20 edits, spread over the subjects. Each sequence lints every version in
  // order with warm caches (as the editor does), then re-lints each version from empty caches.
  const SEQUENCES = 30
  const EDITS = 20
  for (let sequence = 0; sequence < SEQUENCES; sequence++) {
    const subject = SUBJECTS[sequence % SUBJECTS.length]!
    it(`sequence ${sequence}: ${subject.name}, ${EDITS} edits, warm equals cold`, () => {
      const random = prng(0xc0ffee + sequence)
      const versions = [{text: subject.text, description: 'original'}]
      for (let edit = 0; edit < EDITS; edit++) versions.push(randomEdit(versions[versions.length - 1]!.text, random))
      clearCaches()
      const warm = versions.map((version) => analyze(version.text, subject.options))
      versions.forEach((version, step) => {
        const expected = cold(version.text, subject.options)
        assert.deepStrictEqual(warm[step], expected, `${subject.name}, sequence ${sequence}, step ${step} (${version.description}): warm lint differs from a cold lint`)
      })
      assert.ok(warm.some((analysis) => analysis.findings.length > 0), 'no findings at all: the comparison would prove nothing')
    })
  }
})
