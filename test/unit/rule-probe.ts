// Shared by the tests that compare a warm re-lint with a cold one: register a probe rule for the
// duration of a suite, and lint from empty caches.
import {analyze, clearCaches, type Analysis} from '../../src/engine/lint.js'
import type {AnyRule} from '../../src/engine/rule.js'
import {RULES} from '../../src/engine/rules/index.js'
import type {LintOptions} from '../../src/engine/types.js'

/** Add `rule` to the registry before the suite's tests and take it out after them. */
export function registerDuringSuite(rule: AnyRule): void {
  before(() => {
    RULES.push(rule)
  })
  after(() => {
    const index = RULES.indexOf(rule)
    if (index >= 0) RULES.splice(index, 1)
    clearCaches()
  })
}

/** A lint from empty caches: what every warm result must equal. */
export function cold(text: string, options: LintOptions): Analysis {
  clearCaches()
  return analyze(text, options)
}
