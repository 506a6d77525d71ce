// Dogfood: whylint's own user-facing docs must pass whylint with no finding at all, hints and
// infos included. A project that nudges people to write clearly should read clearly itself.
// Each doc is linted as the CLI would lint it: kind from its name (or the config's `kinds`),
// config resolved from the doc's folder up to the repository root.
//
// One tolerated exception: a README section that the generated figures fill (between marker
// comments) may be empty until they are generated; `template-placeholder` reports it, and the
// test lets that finding through only while the section really is empty.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {nodeHost, kindOf} from '../../src/cli/configs.js'
import {resolveConfig} from '../../src/engine/config.js'
import {analyze} from '../../src/engine/lint.js'
import {RULES} from '../../src/engine/rules/index.js'
import type {Finding} from '../../src/engine/types.js'

const ROOT = resolve('.')

/** README sections whose body a script generates; they may be empty until it runs. */
const GENERATED_SECTIONS = ['How accurate is it?', 'How fast is it?']

function markdownIn(folder: string, skip: readonly string[] = []): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !skip.includes(name))
    .sort()
    .map((name) => `${folder}/${name}`)
}

function ruleDocs(): string[] {
  return readdirSync('src/engine/rules', {withFileTypes: true})
    .filter((entry) => entry.isDirectory() && existsSync(join('src/engine/rules', entry.name, 'README.md')))
    .map((entry) => `src/engine/rules/${entry.name}/README.md`)
    .sort()
}

const DOCS = [
  'README.md',
  'CHANGELOG.md',
  'src/cli/README.md',
  ...ruleDocs(),
  ...markdownIn('media/walkthrough'),
  // `docs/benchmarks.md` is generated from measurements, not written.
  ...markdownIn('docs', ['benchmarks.md']),
]

async function lintDoc(path: string): Promise<Finding[]> {
  const absolute = join(ROOT, path)
  const resolved = await resolveConfig(absolute, nodeHost, ROOT)
  const kind = kindOf(resolved, absolute)
  assert.ok(kind, `whylint cannot tell the kind of ${path}`)
  return analyze(readFileSync(absolute, 'utf8'), {kind, filePath: absolute, config: resolved.config}).findings
}

/** The 1-based line of each `## heading` whose section has nothing but comments and blanks. */
export function emptySections(markdown: string, headings: readonly string[]): Map<number, string> {
  const lines = markdown.split(/\r?\n/)
  const empty = new Map<number, string>()
  lines.forEach((line, index) => {
    const heading = /^##[ \t]+(.+?)[ \t#]*$/.exec(line)?.[1]
    if (heading === undefined || !headings.includes(heading)) return
    let end = index + 1
    while (end < lines.length && !/^#{1,2}[ \t]/.test(lines[end]!)) end++
    const body = lines.slice(index + 1, end).join('\n').replace(/<!--[^]*?-->/g, '')
    if (body.trim() === '') empty.set(index + 1, heading)
  })
  return empty
}

function show(path: string, findings: readonly Finding[]): string {
  return [`${path} does not lint clean:`, ...findings.map((f) => `  ${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`)].join('\n')
}

describe('dogfood: whylint lints its own docs clean', () => {
  it('covers the README, the changelog, the CLI docs, every rule doc and the walkthrough', () => {
    for (const rule of RULES) assert.ok(DOCS.includes(`src/engine/rules/${rule.id}/README.md`), `${rule.id} has no doc in the list`)
    assert.ok(DOCS.some((path) => path.startsWith('media/walkthrough/')), 'no walkthrough page found')
    for (const path of DOCS) assert.ok(existsSync(path), `${path} is missing`)
  })

  it('reports problems in a doc that has them (the check is not vacuous)', () => {
    const findings = analyze('# Notes\n\nIn order to lint a file, the hook probably has to be read first.\n', {kind: 'markdown', filePath: 'notes.md'}).findings
    assert.deepEqual([...new Set(findings.map((f) => f.ruleId))].sort(), ['hedge-words', 'passive-voice', 'wordy-phrase'])
  })

  it('tells an empty generated section from a filled one', () => {
    const text = '# x\n\n## How fast is it?\n\n<!-- bench:start -->\n<!-- bench:end -->\n\n## How accurate is it?\n\nVery.\n\n## Next\n'
    assert.deepEqual([...emptySections(text, GENERATED_SECTIONS)], [[3, 'How fast is it?']])
  })

  for (const path of DOCS) {
    it(path, async () => {
      const findings = await lintDoc(path)
      const empty = path === 'README.md' ? emptySections(readFileSync(path, 'utf8'), GENERATED_SECTIONS) : new Map<number, string>()
      const left = findings.filter((f) => !(f.ruleId === 'template-placeholder' && empty.has(f.line)))
      assert.equal(left.length, 0, show(path, left))
    })
  }
})

/** Source files of the project (not rule fixtures or test data, which are bad on purpose). */
function codeFiles(folder: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder, {withFileTypes: true})) {
    const path = `${folder}/${entry.name}`
    if (entry.isDirectory()) {
      if (entry.name !== 'fixtures' && entry.name !== 'data' && entry.name !== 'node_modules') out.push(...codeFiles(path))
    } else if (/\.(?:ts|mts|cts|js|mjs|cjs)$/.test(entry.name)) out.push(path)
  }
  return out.sort()
}

// The rules that ask for a why in code. Prose rules (passive voice, hedges) stay off here: a code
// comment is not held to a README's standard.
const WHY_RULES = new Set(['comment-missing-why', 'comment-restates-code', 'template-placeholder', 'suppression-without-reason'])

describe('dogfood: whylint\'s own code gives its why rules nothing to say', () => {
  const files = ['src', 'scripts', 'bench', 'test'].flatMap((folder) => codeFiles(folder))

  it('reads the whole code base', () => {
    assert.ok(files.length > 150, `${files.length} files`)
    assert.ok(files.includes('src/engine/lint.ts') && files.some((path) => path.startsWith('test/unit/')))
  })

  it('finds no comment that restates, no unexplained sleep or number, no placeholder, no bare suppression', async () => {
    const problems: string[] = []
    for (const path of files) {
      const findings = (await lintDoc(path)).filter((finding) => WHY_RULES.has(finding.ruleId))
      if (findings.length > 0) problems.push(show(path, findings))
    }
    assert.deepEqual(problems, [])
  })
})
