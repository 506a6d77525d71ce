// The root rule test. For every rule in the registry and every fixture in its folder:
// - `not-ok-*` fixtures state their expected findings inline, as `whylint-expect rule-id@line`
//   (or `rule-id@line:column`) inside a comment of the host syntax (`<!-- -->`, `#` commit
//   comment lines, `//`/`#` code comments); the rule's findings must match them exactly.
// - `ok-*` fixtures must give the rule no finding.
// - A rule's `fixtures/options.json`, when there is one, holds the rule options every fixture
//   runs with, so fixtures can cover what a default option turns off.
// - Every message is stamped (ruleId, source, url), every range lies inside the text, and
//   applying every preferred fix then linting again leaves no fixable finding of the rule.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {analyzeWithMessages} from '../../src/engine/lint.js'
import {applyEdits, preferredEdits} from '../../src/engine/fixes.js'
import {RULES} from '../../src/engine/rules/index.js'
import type {Kind, LintOptions} from '../../src/engine/types.js'

const RULES_DIR = 'src/engine/rules'

/** Kind of a fixture, from its name: `*.commit` is a commit message, `*readme*.md` a README. */
export function fixtureOptions(name: string): LintOptions {
  const lower = name.toLowerCase()
  let kind: Kind | undefined
  if (lower.endsWith('.commit')) kind = 'commit'
  else if (lower.endsWith('.md')) kind = lower.includes('readme') ? 'readme' : lower.includes('review') ? 'review' : 'markdown'
  return {...(kind ? {kind} : {}), filePath: name}
}

function expectations(text: string, ruleId: string): string[] {
  const expected: string[] = []
  for (const match of text.matchAll(/whylint-expect((?:[ \t]+[a-z][a-z0-9-]*@\d+(?::\d+)?)+)/g)) {
    for (const item of match[1]!.trim().split(/\s+/)) {
      if (item.startsWith(`${ruleId}@`)) expected.push(item.slice(ruleId.length + 1))
    }
  }
  return expected.sort()
}

describe('rules', () => {
  it('has kebab-case, unique ids and a docs README per rule', () => {
    const ids = new Set<string>()
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
      assert.ok(!ids.has(rule.id), `duplicate rule id ${rule.id}`)
      ids.add(rule.id)
      assert.ok(existsSync(join(RULES_DIR, rule.id, 'README.md')), `${rule.id} has no README.md`)
      assert.ok(rule.url.endsWith(`/${rule.id}/README.md`))
    }
  })

  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(RULES_DIR, rule.id, 'fixtures')
      const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^(ok|not-ok)-/.test(name)) : []
      // `fixtures/options.json`: the rule's options for every fixture, to test behaviour that is off by default.
      const optionsFile = join(dir, 'options.json')
      const ruleOptions = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : undefined

      it('has ok and not-ok fixtures', () => {
        assert.ok(files.some((name) => name.startsWith('ok-')), 'no ok-* fixture')
        assert.ok(files.some((name) => name.startsWith('not-ok-')), 'no not-ok-* fixture')
      })

      for (const name of files) {
        it(name, () => {
          const text = readFileSync(join(dir, name), 'utf8')
          const options = fixtureOptions(name)
          const severity = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity
          const config = {rules: {[rule.id]: ruleOptions ? [severity, ruleOptions] : severity}} as LintOptions['config']
          const {analysis, messages} = analyzeWithMessages(text, {...options, ...(config ? {config} : {})})

          for (const message of messages) {
            if (message.ruleId !== rule.id) continue
            assert.equal(message.source, 'whylint')
            assert.equal(message.url, rule.url)
          }
          const own = analysis.findings.filter((finding) => finding.ruleId === rule.id)
          for (const finding of own) {
            assert.ok(finding.offset >= 0 && finding.offset <= finding.endOffset && finding.endOffset <= text.length, `range ${finding.offset}-${finding.endOffset} outside the text`)
            for (const fix of finding.fixes ?? []) {
              for (const edit of fix.edits) assert.ok(edit.offset >= 0 && edit.offset <= edit.endOffset && edit.endOffset <= text.length, `fix edit outside the text`)
            }
          }
          const expected = expectations(text, rule.id)
          if (name.startsWith('ok-')) {
            assert.deepEqual(own.map((f) => `${f.line}:${f.column} ${f.message}`), [], 'ok fixture must be silent')
          } else {
            assert.ok(expected.length > 0, 'not-ok fixture states no whylint-expect')
            assert.deepEqual(normalise(own, expected), expected, `findings: ${own.map((f) => `${f.line}:${f.column} ${f.message}`).join(' | ')}`)
          }

          if (rule.fixable) {
            const edits = preferredEdits(own)
            if (edits.length > 0) {
              const fixed = applyEdits(text, edits).text
              const again = analyzeWithMessages(fixed, {...options, ...(config ? {config} : {})}).analysis.findings
              const left = again.filter((finding) => finding.ruleId === rule.id && finding.fixes?.some((fix) => fix.preferred))
              assert.deepEqual(left.map((f) => `${f.line}:${f.column} ${f.message}`), [], 'a fixable finding remains after applying the preferred fixes')
            }
          }
        })
      }
    })
  }
})

/** Render findings in the form the expectations use (line, or line:column when stated). */
function normalise(findings: Array<{line: number; column: number}>, expected: string[]): string[] {
  const withColumn = expected.some((item) => item.includes(':'))
  return findings.map((finding) => (withColumn ? `${finding.line}:${finding.column}` : `${finding.line}`)).sort()
}
