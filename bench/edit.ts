// Re-lint latency after one-character edits to one document, through the extension worker's
// handler as `npm run bench` measures it (same warm-up, same seeded edits), without the rest of
// the benchmark: a quick loop for work on the edit path.
//
//   node --import tsx bench/edit.ts [file] [--edits n] [--seed n] [--repeat n] [--cold]
//
// As in the benchmark, where the 128 KB document's edits run just before the 1 MB one's, the
// 128 KB document is edited first (untimed), so the edit path's code is compiled and warm;
// `--cold` skips that. Prints CPU-time and wall-clock p50/p95/max per repeat; CPU time is what a
// lint costs whatever else shares the machine.

import {readFileSync, statSync} from 'node:fs'
import {basename, join} from 'node:path'
import {clearCaches, type Analysis} from '../src/engine/lint.js'
import {createWorkerCore} from '../src/extension/worker-core.js'
import type {FromWorker} from '../src/extension/protocol.js'
import type {Kind} from '../src/engine/types.js'
import {cpuClock, fmt, kindOfName, median, oneCharEdit, prng, quantile, sharedDir} from './lib.js'
import {FULL_LINT} from './tools.js'

const argv = process.argv.slice(2)
let file = join(sharedDir(), 'corpus/scaling/book_1024k.md')
let edits = 200
let seed: number | undefined
let repeat = 1
let warm = true
for (let index = 0; index < argv.length; index++) {
  const arg = argv[index]!
  if (arg === '--cold') warm = false
  else if (arg === '--edits') edits = Number(argv[++index])
  else if (arg === '--seed') seed = Number(argv[++index])
  else if (arg === '--repeat') repeat = Number(argv[++index])
  else file = arg
}

const name = basename(file)
const original = readFileSync(file, 'utf8')
const bytes = statSync(file).size

let settle: ((message: FromWorker) => void) | undefined
const handler = createWorkerCore(
  (message) => {
    if (message.type === 'readFile') {
      const text = message.path.endsWith('/.whylintrc.json') ? JSON.stringify(FULL_LINT) : undefined
      queueMicrotask(() => handler.onMessage(text === undefined ? {type: 'file', id: message.id} : {type: 'file', id: message.id, text}))
    } else if (message.type === 'lint') settle?.(message)
  },
  (callback) => callback(),
)
let version = 0

async function lint(text: string, doc = name): Promise<Analysis> {
  const reply = new Promise<FromWorker>((resolve) => (settle = resolve))
  handler.onMessage({
    type: 'lint',
    id: version + 1,
    uri: `file:///bench/${doc}`,
    version: ++version,
    text,
    languageId: 'markdown',
    path: `/bench/${doc}`,
    root: '/bench',
    kind: kindOfName(doc),
    targets: ['readme', 'markdown', 'commit', 'code', 'review'] satisfies Kind[],
  })
  const result = (await reply) as {error?: string; analysis?: Analysis}
  if (result.error) throw new Error(`Worker lint failed: ${result.error}`)
  if (!result.analysis) throw new Error('Worker returned no analysis')
  return result.analysis
}

if (warm) {
  const warmFile = join(sharedDir(), 'corpus/scaling/book_0128k.md')
  const warmName = basename(warmFile)
  const random = prng(0x5eed + statSync(warmFile).size)
  let text = readFileSync(warmFile, 'utf8')
  clearCaches()
  await lint(text, warmName)
  await lint(text, warmName)
  for (let edit = 0; edit < 200; edit++) await lint((text = oneCharEdit(text, random)), warmName)
}

for (let round = 0; round < repeat; round++) {
  // The benchmark's seed for this document, so the edits are the ones it times.
  const random = prng(seed ?? 0x5eed + bytes)
  clearCaches()
  let text = original
  await lint(text)
  await lint(text)
  const cpu: number[] = []
  const wall: number[] = []
  let findings = 0
  for (let edit = 0; edit < edits; edit++) {
    text = oneCharEdit(text, random)
    const cpuStart = cpuClock()
    const wallStart = performance.now()
    findings = (await lint(text)).findings.length
    cpu.push(cpuClock() - cpuStart)
    wall.push(performance.now() - wallStart)
  }
  const line = (values: number[]) => `p50 ${fmt(median(values))} ms, p95 ${fmt(quantile(values, 0.95))} ms, max ${fmt(Math.max(...values))} ms`
  process.stdout.write(`${name} (${(bytes / 1024).toFixed(0)} KB), ${edits} edits, ${findings} findings: CPU ${line(cpu)}; wall ${line(wall)}\n`)
}
