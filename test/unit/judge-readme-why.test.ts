import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {analyze} from '../../src/engine/lint.js'
import {applyEdits, preferredEdits} from '../../src/engine/fixes.js'
import {judge} from '../../src/engine/judge.js'
import {splitSections} from '../../src/engine/models/readme-why/sections.js'

const label = (text: string) => judge(text, {detector: 'readme-why'}).label
const data = (name: string) => readFileSync(`test/data/readme-why/${name}`, 'utf8')
const own = (text: string) => analyze(text, {kind: 'readme', config: {rules: {'readme-missing-why': 'warning'}}}).findings.filter((f) => f.ruleId === 'readme-missing-why')

describe('readme-why detector', () => {
  it('finds a why that lives in the intro paragraph', () => {
    assert.equal(label(data('why-intro.md')), 'present')
  })

  it('finds a why section', () => {
    assert.equal(label(data('why-section.md')), 'present')
  })

  it('reports a README with only install and usage', () => {
    assert.equal(label(data('nowhy-install.md')), 'missing')
    assert.equal(label(data('nowhy-api.md')), 'missing')
  })

  it('splits sections at headings, not inside code fences', () => {
    const sections = splitSections('intro\n\n# Title\n\n```\n# not a heading\n```\n\nSub\n---\n\ntext\n')
    assert.deepEqual(sections.map((section) => section.heading), ['', 'Title', 'Sub'])
  })

  it('the fix inserts a Why section after the intro and leaves only a non-fixable nudge', () => {
    const text = data('nowhy-install.md')
    const findings = own(text)
    assert.equal(findings.length, 1)
    const fixed = applyEdits(text, preferredEdits(findings)).text
    assert.ok(fixed.indexOf('## Why') > fixed.indexOf('# fastgrid'))
    assert.ok(fixed.indexOf('## Why') < fixed.indexOf('## Installation'))
    const again = own(fixed)
    assert.equal(again.length, 1)
    assert.match(again[0]!.message, /^Fill in/)
    assert.equal(again[0]!.fixes, undefined)
  })

  it('judges one README in about a millisecond', () => {
    const text = data('why-section.md')
    judge(text, {detector: 'readme-why'})
    const started = performance.now()
    for (let index = 0; index < 100; index++) judge(`${text}${index}`, {detector: 'readme-why'})
    assert.ok((performance.now() - started) / 100 < 1)
  })
})
