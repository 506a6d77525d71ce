// What the engine keeps between lints must not grow with the number of edits: a cached result
// that holds a slice of one version of the document keeps that whole version alive, one more
// copy per keystroke, until the editor's worker runs out of heap.
import assert from 'node:assert/strict'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import type {LintOptions} from '../../src/engine/types.js'

/** The live heap after a full collection, in MB. */
function liveHeapMB(): number {
  setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as () => void
  collect()
  collect()
  return process.memoryUsage().heapUsed / 1048576
}

describe('memory across edits', function () {
  this.timeout(60_000)

  it('keeps no earlier version of the document alive', () => {
    clearCaches()
    const options: LintOptions = {kind: 'markdown', filePath: 'notes.md', config: {rules: {'analysis-limit': ['info', {budgetMs: 600_000}]}}}
    // Every paragraph is hard to read, a finding that quotes the document's text; curly quotes
    // make the text two bytes a character, so each version of it takes about 0.4 MB.
    const paragraphs = Array.from({length: 1200}, (_, n) => `Paragraph ${n} says “notwithstanding” considerable organizational heterogeneity, interdepartmental standardization initiatives necessitate comprehensive methodological documentation.`)
    let text = `${paragraphs.join('\n\n')}\n`
    assert.ok(text.length * 2 > 200_000)
    analyze(text, options)
    const before = liveHeapMB()
    for (let edit = 0; edit < 40; edit++) {
      // An edit in paragraph `edit`: its findings are made anew from this version of the text.
      const at = text.indexOf(`Paragraph ${edit} `) + 'Paragraph'.length
      text = `${text.slice(0, at)}s${text.slice(at)}`
      const findings = analyze(text, options).findings
      assert.ok(findings.some((finding) => finding.ruleId === 'readability'))
    }
    const growth = liveHeapMB() - before
    // Forty edits each keeping its version would add about 40 times the text's size.
    const version = (text.length * 2) / 1048576
    assert.ok(growth < 8 * version, `live heap grew ${growth.toFixed(1)} MB over 40 edits (one version of the text: ${version.toFixed(2)} MB)`)
    clearCaches()
  })
})
