// The result caches are bounded by what they hold: two generations, the old one dropped when the
// young one fills, an entry read from the old one kept.
import assert from 'node:assert/strict'
import {ENTRY_COST, GenerationalCache} from '../../src/engine/cache.js'
import {analyze, setCacheBudget} from '../../src/engine/lint.js'
import {defineRule, type AnyRule} from '../../src/engine/rule.js'
import {registerDuringSuite} from './rule-probe.js'

describe('generational cache', () => {
  // Room for three entries of ten-character keys per generation.
  const budget = 3 * (10 + ENTRY_COST)
  const key = (n: number) => `key-${String(n).padStart(6, '0')}`

  it('keeps two generations and drops the older one when the young one fills', () => {
    const cache = new GenerationalCache<number>(budget)
    for (let n = 0; n < 6; n++) cache.set(key(n), n)
    assert.equal(cache.size, 6)
    cache.set(key(6), 6)
    // Entries 0–2 were the old generation: gone; 3–5 are old now, 6 is young.
    assert.equal(cache.get(key(0)), undefined)
    assert.equal(cache.get(key(2)), undefined)
    assert.equal(cache.get(key(3)), 3)
    assert.equal(cache.size, 4)
  })

  it('moves an entry read from the old generation back to the young one', () => {
    const cache = new GenerationalCache<number>(budget)
    for (let n = 0; n < 3; n++) cache.set(key(n), n)
    cache.set(key(3), 3)
    // 0–2 old, 3 young; reading 0 brings it to the young generation.
    assert.equal(cache.get(key(0)), 0)
    for (let n = 4; n < 7; n++) cache.set(key(n), n)
    // The young generation (3, 0) filled and aged; the old one (1, 2) went; 0 survived.
    assert.equal(cache.get(key(0)), 0)
    assert.equal(cache.get(key(1)), undefined)
  })

  it('replaces a value without counting its key twice', () => {
    const cache = new GenerationalCache<number>(budget)
    for (let round = 0; round < 10; round++) cache.set(key(1), round)
    cache.set(key(2), 2)
    cache.set(key(3), 3)
    assert.equal(cache.get(key(1)), 9)
    assert.equal(cache.size, 3)
  })

  describe('in the engine', () => {
    // Counts the blocks it runs on: a block found in the caches is not run again.
    let runs = 0
    const probe: AnyRule = defineRule<Record<string, never>>({
      id: 'cache-probe',
      description: 'Test probe: counts the blocks it runs on',
      defaultSeverity: 'info',
      targets: ['markdown'],
      fixable: false,
      scope: 'block',
      run({document}) {
        runs += document.blocks.length
      },
    })
    registerDuringSuite(probe)
    afterEach(() => setCacheBudget())

    it('gives the same findings once other documents have pushed a document out', () => {
      // Room for about twenty paragraphs per generation.
      setCacheBudget(20 * (80 + ENTRY_COST))
      const text = '# Guide\n\nIt is utilized by the team in order to ship. The build was broken by it.\n'
      const cold = analyze(text, {kind: 'markdown'}).findings
      const first = runs
      for (let n = 0; n < 3; n++) {
        const other = Array.from({length: 30}, (_, p) => `Paragraph ${p} of document ${n} says something plain about topic ${p * n}.`).join('\n\n')
        analyze(other, {kind: 'markdown'})
      }
      const before = runs
      assert.deepEqual(analyze(text, {kind: 'markdown'}).findings, cold)
      // Its paragraphs were gone from the caches: the rules ran on them again.
      assert.equal(runs - before, 2)
      assert.ok(first > 0 && before > first)
    })
  })
})
