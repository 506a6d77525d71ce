// Child process for the editor's memory limit: the same seeded one-character edits as the edit
// benchmark, through the built engine (`dist/api.cjs`, what the analysis worker runs), in a
// process started with the worker's heap limit. A small heap makes V8 collect more often: this
// is the re-lint latency a user of a capped worker sees. As in the benchmark, every file but the
// last is edited first, untimed, so the edit path's code is compiled (the editor's worker has
// seen edits before); the last file's edits are timed. Prints wall-clock and CPU p50/p95/max,
// peak RSS, and how much the heap grew over the timed edits, as JSON.
//
//   node --max-old-space-size=128 --expose-gc --import tsx bench/edit-heap.ts [warm-up…] file [--edits n]

import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename} from 'node:path'
import type {LintOptions} from '../src/engine/types.js'
import {cpuClock, median, oneCharEdit, prng, quantile} from './lib.js'

const require = createRequire(import.meta.url)
const {analyze} = require('../dist/api.cjs') as typeof import('../src/engine/api.js')

const argv = process.argv.slice(2)
const at = argv.indexOf('--edits')
const edits = at >= 0 ? Number(argv.splice(at, 2)[1]) : 200
const files = argv
if (files.length === 0) throw new Error('Usage: bench/edit-heap.ts [warm-up…] file [--edits n]')
const collect = (globalThis as {gc?: () => void}).gc
const heapMB = () => {
  collect?.()
  return process.memoryUsage().heapUsed / 1048576
}

const wall: number[] = []
const cpu: number[] = []
let growth = Number.NaN
for (const [index, file] of files.entries()) {
  const timed = index === files.length - 1
  // The time budget is lifted so the whole document is analysed, as in the rest of the bench.
  const options: LintOptions = {kind: 'markdown', filePath: basename(file), config: {rules: {'analysis-limit': ['info', {budgetMs: 3_600_000}]}}}
  let text = readFileSync(file, 'utf8')
  analyze(text, options)
  analyze(text, options)
  const before = timed ? heapMB() : 0
  const random = prng(0x5eed + statSync(file).size)
  for (let edit = 0; edit < edits; edit++) {
    text = oneCharEdit(text, random)
    const cpuStart = cpuClock()
    const wallStart = performance.now()
    analyze(text, options)
    if (!timed) continue
    cpu.push(cpuClock() - cpuStart)
    wall.push(performance.now() - wallStart)
  }
  if (timed) growth = heapMB() - before
}
const stats = (values: number[]) => ({p50: median(values), p95: quantile(values, 0.95), max: Math.max(...values)})
const file = basename(files[files.length - 1]!)
process.stdout.write(`${JSON.stringify({file, edits, wall: stats(wall), cpu: stats(cpu), maxRssMB: process.resourceUsage().maxRSS / 1024, heapGrowthMB: growth})}\n`)
