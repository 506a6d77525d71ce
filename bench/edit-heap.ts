// Child process for the editor's memory limit: the same seeded one-character edits as the edit
// benchmark, through the built engine (`dist/api.cjs`, what the analysis worker runs), in a
// process started with the worker's heap limit. A small heap makes V8 collect more often: this
// is the re-lint latency a user of a capped worker sees. Prints wall-clock and CPU p50/p95/max
// as JSON.
//
//   node --max-old-space-size=128 --import tsx bench/edit-heap.ts file [edits]

import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {basename} from 'node:path'
import type {LintOptions} from '../src/engine/types.js'
import {cpuClock, median, oneCharEdit, prng, quantile} from './lib.js'

const require = createRequire(import.meta.url)
const {analyze} = require('../dist/api.cjs') as typeof import('../src/engine/api.js')

const file = process.argv[2]
if (!file) throw new Error('Usage: bench/edit-heap.ts file [edits]')
const edits = Number(process.argv[3] ?? 200)
// The time budget is lifted so the whole document is analysed, as in the rest of the bench.
const options: LintOptions = {kind: 'markdown', filePath: basename(file), config: {rules: {'analysis-limit': ['info', {budgetMs: 3_600_000}]}}}
let text = readFileSync(file, 'utf8')
analyze(text, options)
analyze(text, options)
const random = prng(0x5eed + statSync(file).size)
const wall: number[] = []
const cpu: number[] = []
for (let edit = 0; edit < edits; edit++) {
  text = oneCharEdit(text, random)
  const cpuStart = cpuClock()
  const wallStart = performance.now()
  analyze(text, options)
  cpu.push(cpuClock() - cpuStart)
  wall.push(performance.now() - wallStart)
}
const stats = (values: number[]) => ({p50: median(values), p95: quantile(values, 0.95), max: Math.max(...values)})
process.stdout.write(`${JSON.stringify({file: basename(file), edits, wall: stats(wall), cpu: stats(cpu), maxRssMB: process.resourceUsage().maxRSS / 1024})}\n`)
