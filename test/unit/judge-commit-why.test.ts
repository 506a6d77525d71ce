import assert from 'node:assert/strict'
import {analyze} from '../../src/engine/lint.js'
import {applyEdits, preferredEdits} from '../../src/engine/fixes.js'
import {judge} from '../../src/engine/judge.js'
import {judgeCommitWhy} from '../../src/engine/models/commit-why/index.js'
import {commitExamples, fit, loadLabelled} from '../../scripts/train/commit-why.js'

const missing = (text: string) => judge(text, {detector: 'commit-why'}).label === 'missing'

describe('commit-why detector', () => {
  it('counts a named symptom as a why, without "because"', () => {
    assert.equal(missing('Fix NPE when config is missing'), false)
    assert.equal(missing('Fix crash on startup when the cache directory is read-only'), false)
  })

  it('reports what-only messages as missing', () => {
    assert.equal(missing('Update UserService.java'), true)
    assert.equal(missing('Refactor parser'), true)
    assert.equal(missing('chore: update eslint config'), true)
  })

  it('accepts a body that explains the problem', () => {
    assert.equal(missing('Change default port\n\nThe old port clashes with the dev proxy most of the team runs, so the\nserver failed to start on their machines.'), false)
  })

  it('exempts merges, reverts, autosquash and bumps, and says so', () => {
    for (const text of ["Merge branch 'main' into x", 'Revert "Add cache"\n\nThis reverts commit abc1234.', 'fixup! Add cache', 'Bump lodash from 4.17.20 to 4.17.21', 'chore(deps): update dependency react to v18.3.1', 'Release 1.2.3', 'v1.2.3', '10.9.0']) {
      const result = judgeCommitWhy(text)
      assert.ok(result.exempt, `${text} should be exempt`)
      assert.equal(result.label, 'present')
      assert.match(result.evidence[0]!, /^exempt/)
    }
    assert.equal(judgeCommitWhy('Bump lodash from 4.17.20 to 4.17.21', {exemptBumps: false}).exempt, undefined)
    assert.ok(judgeCommitWhy('WIP: sync', {exempt: ['^WIP']}).exempt)
  })

  it('judges a bumped setting: only a package and its version make a bump', () => {
    for (const text of ['Bump eslint to 8.57.0', 'Bump actions/checkout from 3 to 4', 'Update rust crate serde to 1.0.190', 'update actions/checkout action to v4']) assert.ok(judgeCommitWhy(text).exempt, `${text} should be exempt`)
    for (const text of ['Bump the retry count to 5', 'Bump timeout to 30s', 'Update the timeout to 30', 'Bump max connections to 200']) {
      const result = judgeCommitWhy(text)
      assert.equal(result.exempt, undefined, `${text} should be judged`)
      assert.equal(result.label, 'missing', result.evidence.join('; '))
    }
  })

  it('counts a purpose or a fact said in so many words, whatever the model says', () => {
    for (const text of ['Add index on users.email so the login lookup stops scanning', 'Lower the default pool size; the DB rejects more than 20 connections', 'Drop Python 3.8 support, it is end of life', 'Switch the build to esbuild to cut cold builds from 90s to 10s', 'feat(search): match accented letters\n\nUsers searching "cafe" did not find "café".', 'Split a long changelog sentence\n\nThe long-sentence rule flagged it.', 'Rename the config loader\n\nThe old name was reported as confusing.']) {
      const result = judgeCommitWhy(text)
      assert.equal(result.label, 'present', `${text}: ${result.evidence.join('; ')}`)
    }
    const said = judgeCommitWhy('Add caching layer\n\nCache product lookups in Redis, since the product pages hit the database 40 times per request.')
    assert.equal(said.label, 'present', said.evidence.join('; '))
    assert.equal(missing('Add caching layer\n\nCache product lookups in Redis.'), true)
  })

  it('counts a named fault, what a change does away with, and a pointer to earlier reasoning', () => {
    for (const text of ['fetch: fixup a misaligned comment', 'docs: remove stale link', 'path: extract format_path()\n\nThe formatting logic in rev-parse writes to stdout directly. Other\nbuiltins cannot reuse it.\n\nMove it into path.c.', 'config: read ignore_case from the repository\n\nReplace the global with a call on the repository. This step eliminates\nthe global state.', 'builtin/refs: add "update" subcommand\n\nAdd an "update" subcommand that mirrors git update-ref. This follows the\nsame reasoning as the preceding commit.']) {
      const result = judgeCommitWhy(text)
      assert.equal(result.label, 'present', `${text}: ${result.evidence.join('; ')}`)
    }
    assert.equal(missing('path: extract format_path()\n\nMove the formatting logic from rev-parse into path.c.'), true)
  })

  it('reads a leaked secret as the problem', () => {
    assert.equal(missing('Stop logging request bodies\n\nThey contain passwords on the login route.'), false)
  })

  it('gives evidence a person can check', () => {
    const result = judge('Update UserService.java', {detector: 'commit-why'})
    assert.ok(result.evidence.some((line) => line.includes('no body')))
    assert.ok(result.evidence.some((line) => /`update`/i.test(line)))
  })

  it('the rule fix keeps the subject and trailers and leaves only a non-fixable nudge', () => {
    const text = 'Refactor parser\n\nSigned-off-by: A <a@example.org>\n'
    const findings = analyze(text, {kind: 'commit', config: {rules: {'commit-missing-why': 'warning'}}}).findings.filter((f) => f.ruleId === 'commit-missing-why')
    assert.equal(findings.length, 1)
    const fixed = applyEdits(text, preferredEdits(findings)).text
    assert.ok(fixed.startsWith('Refactor parser\n\nWhy: '))
    assert.ok(fixed.includes('Signed-off-by: A <a@example.org>'))
    assert.ok(findings[0]!.fixes![0]!.edits[0]!.snippet!.includes('${1:'))
    const again = analyze(fixed, {kind: 'commit', config: {rules: {'commit-missing-why': 'warning'}}}).findings.filter((f) => f.ruleId === 'commit-missing-why')
    assert.equal(again.length, 1)
    assert.match(again[0]!.message, /^Fill in the why/)
    assert.equal(again[0]!.fixes, undefined)
    const filled = fixed.replace(/Why: \([^)]*\)/, 'Why: the parser recursed on nested lists and overflowed the stack')
    assert.deepEqual(analyze(filled, {kind: 'commit', config: {rules: {'commit-missing-why': 'warning'}}}).findings.filter((f) => f.ruleId === 'commit-missing-why'), [])
  })

  it('trains deterministically', () => {
    const small = commitExamples(loadLabelled(['test/data/commit-why/handwritten.jsonl']))
    assert.deepEqual(fit(small), fit(small))
  })
})

describe('commit-why: the editor snippet left unfilled', () => {
  it('still asks for the why when the prompt stands without its parentheses', async () => {
    const {lint} = await import('../../src/engine/lint.js')
    const findings = (await lint('Change timeout\n\nWhy: the problem this solves, or the need it meets\n', {kind: 'commit'})).filter((finding) => finding.ruleId === 'commit-missing-why')
    if (findings.length !== 1 || !/Fill in/.test(findings[0]!.message)) throw new Error(JSON.stringify(findings))
  })
})
