// What the engine keeps between lints must not grow with the number of edits: a cached result
// that holds a slice of one version of the document keeps that whole version alive, one more
// copy per keystroke, until the editor's worker runs out of heap.
import assert from 'node:assert/strict'
import {getHeapSpaceStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import type {LintOptions} from '../../src/engine/types.js'

/** V8's collector: `gc()` collects everything, `gc({type: 'minor'})` the young generation only. */
function collector(): (options?: {type: 'minor'}) => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as (options?: {type: 'minor'}) => void
}

/** The live heap after a full collection, in MB. */
function liveHeapMB(): number {
  const collect = collector()
  collect()
  collect()
  return process.memoryUsage().heapUsed / 1048576
}

/** Bytes in the old generation's space for large objects (where a long text goes once it survives). */
function oldLargeObjects(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'large_object_space')!.space_used_size
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

  it('lets each version of the document die young', () => {
    // Anything that holds a version of the text past the next young collection carries it into
    // the old generation, and a full collection every few keystrokes is what makes editing a
    // large document stutter under the worker's heap limit. Edits go in pairs between two young
    // collections: the second version is live, the first is not and must not be promoted.
    clearCaches()
    const options: LintOptions = {kind: 'markdown', filePath: 'notes.md', config: {rules: {'analysis-limit': ['info', {budgetMs: 600_000}]}}}
    const paragraphs = Array.from({length: 3000}, (_, n) => `Paragraph ${n} is probably a very long sentence that arguably says what the code does in a number of words.`)
    let text = `${paragraphs.join('\n\n')}\n`
    const collect = collector()
    analyze(text, options)
    analyze(text, options)
    collect()
    collect()
    const pairs = 10
    let promoted = 0
    for (let pair = 0; pair < pairs; pair++) {
      collect({type: 'minor'})
      const before = oldLargeObjects()
      for (const paragraph of [pair * 300, pair * 300 + 100]) {
        const at = text.indexOf(`Paragraph ${paragraph} `) + 'Paragraph'.length
        text = `${text.slice(0, at)}s${text.slice(at)}`
        assert.ok(analyze(text, options).findings.some((finding) => finding.ruleId === 'hedge-words'))
      }
      collect({type: 'minor'})
      promoted += (oldLargeObjects() - before) / text.length
    }
    // One version per pair; two when the first of the pair is kept too.
    assert.ok(promoted < 1.5 * pairs, `${promoted.toFixed(1)} versions of the text reached the old generation over ${pairs} pairs of edits`)
    clearCaches()
  })
})
