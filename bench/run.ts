// The benchmark: whylint against remark-parse, remark + retext-english, alex, write-good and
// markdownlint, in one process on one machine, plus re-lint latency after one-character edits,
// commit messages, peak memory, activation time and bundle sizes. Prints the target table and
// writes docs/benchmarks.md and docs/benchmarks.svg from the run.
//
//   npm run bench                 full run (a few minutes on 2 cores)
//   npm run bench -- --quick      fewer runs and edits, for a quick look
//   npm run bench -- --no-write   print only

import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {cpus, release, tmpdir, totalmem, type as osType} from 'node:os'
import {join, relative} from 'node:path'
import {pathToFileURL} from 'node:url'
import {gzipSync} from 'node:zlib'
import {analyze, clearCaches, type Analysis} from '../src/engine/lint.js'
import type {Config, Kind} from '../src/engine/types.js'
import {WORKER_HEAP_MB} from '../src/extension/protocol.js'
import {cpuClock, fmt, median, oneCharEdit, prng, quantile, readCommits, readDocs, ROOT, sharedDir, time, wallClock, type Doc} from './lib.js'
import {logLogPlot} from './svg.js'
import {judgeTimings} from './judge.js'
import {FULL_LINT, TOOLS, type Tool} from './tools.js'

const args = new Set(process.argv.slice(2))
const QUICK = args.has('--quick')
const WRITE = !args.has('--no-write')
/** CPU time by default: the figures stay meaningful when other work shares the machine. */
const WALL = args.has('--wall')
const CLOCK = WALL ? wallClock : cpuClock
const CLOCK_NAME = WALL ? 'wall-clock time' : 'CPU time of the benchmark process'

const SETTINGS = QUICK
  ? {budgetMs: 250, warmups: 1, minRuns: 2, maxRuns: 5, edits: 40, editSeconds: 20, commitWarmup: 500, activations: 3}
  : {budgetMs: 400, warmups: 3, minRuns: 3, maxRuns: 7, edits: 200, editSeconds: 75, commitWarmup: Infinity, activations: 7}
/** A run slower than this counts as a sample straight away (the JIT was warmed on smaller docs). */
const SLOW_MS = 2000

const started = Date.now()
const log = (line: string) => process.stderr.write(`${line}\n`)
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`

// --- timing the tools on one document ------------------------------------------------------

/**
 * Median time of each tool on one document. Tools take turns run by run, so a change in the
 * machine's load hits every tool alike. The first run of each is a warm-up and an estimate; the
 * number of timed runs follows from it (fast tools get more, slow ones fewer).
 */
function measureDoc(doc: Doc): Map<string, number> {
  const once = (tool: Tool) => {
    tool.prepare?.()
    return time(() => tool.run(doc.text, doc.kind, doc.name), CLOCK)
  }
  const plans = TOOLS.map((tool) => {
    const first = once(tool)
    const slow = first > SLOW_MS
    // Fast runs get extra warm-up runs; a run of a tenth of a second warms the JIT by itself.
    if (first < 100) for (let warm = 1; warm < SETTINGS.warmups; warm++) once(tool)
    const runs = slow ? (QUICK ? 1 : 2) : Math.min(SETTINGS.maxRuns, Math.max(SETTINGS.minRuns, Math.floor(SETTINGS.budgetMs / Math.max(first, 0.01))))
    return {tool, runs, samples: slow ? [first] : ([] as number[])}
  })
  for (;;) {
    const pending = plans.filter((plan) => plan.samples.length < plan.runs)
    if (pending.length === 0) break
    for (const plan of pending) plan.samples.push(once(plan.tool))
  }
  return new Map(plans.map((plan) => [plan.tool.name, median(plan.samples)]))
}

type Table = Map<string, Map<string, number>>

function measureAll(docs: Doc[], label: string): Table {
  const table: Table = new Map()
  for (const doc of docs) {
    const row = measureDoc(doc)
    table.set(doc.name, row)
    log(`  ${label} ${doc.name} (${(doc.bytes / 1024).toFixed(0)} KB): ${TOOLS.map((t) => `${t.name} ${fmt(row.get(t.name)!)} ms`).join(', ')}  [${elapsed()}]`)
  }
  return table
}

// --- re-lint after one-character edits ------------------------------------------------------

interface Relinter {
  via: string
  lint(text: string, doc: Doc): Promise<void>
}

interface WorkerCoreModule {
  createWorkerCore(post: (message: {type: string; id: number; analysis?: Analysis; error?: string; cancelled?: boolean}) => void, defer: (callback: () => void) => void): {
    onMessage(message: Record<string, unknown>): void
  }
}

/**
 * The extension's worker logic when it is there (the handler the worker thread runs, called in
 * process: config lookup, kind, analyze); otherwise `analyze` with warm caches, which is what
 * the worker does.
 */
async function relinter(): Promise<Relinter> {
  const core = join(ROOT, 'src/extension/worker-core.ts')
  if (existsSync(core)) {
    try {
      const module = (await import(pathToFileURL(core).href)) as WorkerCoreModule
      if (typeof module.createWorkerCore === 'function') {
        let settle: ((message: {error?: string; cancelled?: boolean; analysis?: Analysis}) => void) | undefined
        const handler = module.createWorkerCore(
          (message) => {
            // Config lookup: the bench workspace holds one `.whylintrc.json`, the same config
            // as the in-process lints (default rules, time budget lifted).
            if (message.type === 'readFile') {
              const path = (message as {path?: string}).path ?? ''
              const text = path.endsWith('/.whylintrc.json') ? JSON.stringify(FULL_LINT) : undefined
              queueMicrotask(() => handler.onMessage(text === undefined ? {type: 'file', id: message.id} : {type: 'file', id: message.id, text}))
            }
            else if (message.type === 'lint') settle?.(message)
          },
          (callback) => callback(),
        )
        let version = 0
        let id = 0
        return {
          via: 'the extension worker\'s handler (`createWorkerCore`), in process',
          async lint(text, doc) {
            const reply = new Promise<{error?: string; cancelled?: boolean; analysis?: Analysis}>((resolve) => (settle = resolve))
            handler.onMessage({
              type: 'lint',
              id: ++id,
              uri: `file:///bench/${doc.name}`,
              version: ++version,
              text,
              languageId: 'markdown',
              path: `/bench/${doc.name}`,
              root: '/bench',
              kind: doc.kind,
              targets: ['readme', 'markdown', 'commit', 'code', 'review'] satisfies Kind[],
            })
            const result = await reply
            if (result.error) throw new Error(`Worker lint failed: ${result.error}`)
            if (!result.analysis) throw new Error('Worker returned no analysis')
          },
        }
      }
    } catch (error) {
      log(`  worker handler unusable (${(error as Error).message.split('\n')[0]}), using analyze`)
    }
  }
  return {
    via: '`analyze` with warm caches',
    async lint(text, doc) {
      analyze(text, {kind: doc.kind, filePath: doc.name, config: FULL_LINT})
    },
  }
}

interface Spread {
  p50: number
  p95: number
  max: number
}

const spread = (values: number[]): Spread => ({p50: median(values), p95: quantile(values, 0.95), max: Math.max(...values)})

/**
 * Re-lint latency. The figure is wall-clock time: what the user waits for. CPU time is shown
 * beside it; it also counts V8's garbage-collection helper threads (concurrent marking, parallel
 * scavenging), which run on another core while the lint goes on.
 */
interface EditStats {
  doc: string
  kb: number
  edits: number
  wall: Spread
  cpu: Spread
}

async function editLatency(docs: Doc[], relint: Relinter): Promise<EditStats[]> {
  const stats: EditStats[] = []
  for (const doc of docs) {
    const random = prng(0x5eed + doc.bytes)
    clearCaches()
    let text = doc.text
    await relint.lint(text, doc)
    await relint.lint(text, doc)
    const cpu: number[] = []
    const wall: number[] = []
    // Stop early when re-lints are slow, so the run stays within minutes; the count is reported.
    const deadline = performance.now() + SETTINGS.editSeconds * 1000
    for (let edit = 0; edit < SETTINGS.edits && performance.now() < deadline; edit++) {
      text = oneCharEdit(text, random)
      const cpuStart = cpuClock()
      const wallStart = performance.now()
      await relint.lint(text, doc)
      cpu.push(cpuClock() - cpuStart)
      wall.push(performance.now() - wallStart)
    }
    const stat: EditStats = {doc: doc.name, kb: doc.bytes / 1024, edits: wall.length, wall: spread(wall), cpu: spread(cpu)}
    stats.push(stat)
    log(`  edits ${doc.name}: ${wall.length} edits, wall clock p50 ${fmt(stat.wall.p50)} ms, p95 ${fmt(stat.wall.p95)} ms; CPU p95 ${fmt(stat.cpu.p95)} ms  [${elapsed()}]`)
  }
  return stats
}

// --- commit messages -------------------------------------------------------------------------

function commitLatency(messages: string[]): {count: number; p50: number; p95: number; max: number} {
  const config: Config = FULL_LINT
  // The editor's worker lints commit messages again and again: measure it warmed up, with the
  // JIT having seen every kind of message (the file is ordered by project, so the first few
  // hundred are all from one), each lint still cold (caches cleared before it).
  for (const message of messages.slice(0, SETTINGS.commitWarmup)) {
    clearCaches()
    analyze(message, {kind: 'commit', config})
  }
  const samples: number[] = []
  for (const message of messages) {
    clearCaches()
    samples.push(time(() => analyze(message, {kind: 'commit', config}), CLOCK))
  }
  return {count: samples.length, p50: median(samples), p95: quantile(samples, 0.95), max: Math.max(...samples)}
}

// --- child processes: memory and activation --------------------------------------------------

interface Peak {
  tool: string
  file?: string
  ms?: number
  maxRssMB: number
}

function peak(toolName: string | undefined, file: string | undefined): Peak {
  const argv = ['--import', 'tsx', 'bench/peak.ts', ...(toolName ? ['--tool', toolName] : []), ...(file ? [file] : [])]
  const child = spawnSync(process.execPath, argv, {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20})
  if (child.status !== 0) throw new Error(`bench/peak.ts failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Peak
}

/**
 * Peak RSS of the built engine, in a child with the same old-generation heap limit the editor
 * gives its analysis worker: what linting costs where whylint runs.
 */
function peakBundle(file: string | undefined): Peak {
  const argv = [`--max-old-space-size=${WORKER_HEAP_MB}`, 'bench/peak-bundle.cjs', ...(file ? [file] : [])]
  const child = spawnSync(process.execPath, argv, {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20})
  if (child.status !== 0) throw new Error(`bench/peak-bundle.cjs failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Peak
}

/** The commit measured, and whether the tree had uncommitted changes to tracked files. */
function revision(): string | undefined {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: ROOT, encoding: 'utf8'})
  if (head.status !== 0) return undefined
  // The benchmark's own outputs from an earlier run change nothing it measures.
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)docs/benchmarks.*'], {cwd: ROOT, encoding: 'utf8'})
  return `${head.stdout.trim()}${dirty.stdout.trim() ? ' with uncommitted changes' : ''}`
}

function build(): string | undefined {
  const child = spawnSync(process.execPath, ['scripts/build.mjs'], {cwd: ROOT, encoding: 'utf8'})
  return child.status === 0 ? undefined : (child.stderr || child.stdout).trim().split('\n').slice(0, 3).join(' ')
}

interface Activation {
  requireMs: number
  activateMs: number
  totalMs: number
  /** CPU time of require + activate (all threads). */
  cpuMs: number
}

function activation(): Activation | string {
  const entry = join(ROOT, 'dist/extension.js')
  if (!existsSync(entry)) return 'n/a (no dist/extension.js)'
  const runs: Activation[] = []
  for (let run = 0; run < SETTINGS.activations; run++) {
    // A child that hangs fails this row after 30 s instead of stalling the whole benchmark.
    const child = spawnSync(process.execPath, ['bench/activate.cjs', entry], {cwd: ROOT, encoding: 'utf8', timeout: 30000})
    const line = child.stdout?.trim().split('\n').pop()
    if (!line) return `n/a (activation child failed: ${(child.stderr ?? '').split('\n')[0]})`
    const result = JSON.parse(line) as Activation & {error?: string}
    if (result.error) return `n/a (activate threw: ${result.error.split('\n')[0]})`
    runs.push(result)
  }
  return {
    requireMs: median(runs.map((r) => r.requireMs)),
    activateMs: median(runs.map((r) => r.activateMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
  }
}

function bundleSizes(): Array<{file: string; bytes: number; gzip: number}> {
  const dist = join(ROOT, 'dist')
  if (!existsSync(dist)) return []
  const out: Array<{file: string; bytes: number; gzip: number}> = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push({file: relative(ROOT, path), bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length})
    }
  }
  walk(dist)
  return out
}

// --- the run ---------------------------------------------------------------------------------

const shared = sharedDir()
const corpus = readDocs(join(shared, 'corpus/md'))
const scaling = readDocs(join(shared, 'corpus/scaling'))
const commits = readCommits(join(shared, 'corpus/commits/commits.jsonl'))
const kb = (doc: Doc) => doc.bytes / 1024
const sizeOf = new Map([...corpus, ...scaling].map((doc) => [doc.name, doc]))

log(`whylint bench${QUICK ? ' (quick)' : ''}: ${corpus.length} corpus docs, ${scaling.length} scaling docs, ${commits.length} commit messages`)
log('warming up every tool on the small corpus docs')
for (const doc of corpus.slice(0, 8)) for (const tool of TOOLS) for (let run = 0; run < 3; run++) tool.run(doc.text, doc.kind, doc.name)

log('corpus')
const corpusTable = measureAll(corpus, 'corpus')
log('scaling')
const scalingTable = measureAll(scaling, 'scaling')

log('one-character edits')
const relint = await relinter()
const editDocs = scaling.filter((doc) => /_(0128|1024)k\.md$/.test(doc.name))
const edits = await editLatency(editDocs, relint)

log('commit messages')
const commitStats = commitLatency(commits)
log(`  p50 ${fmt(commitStats.p50)} ms, p95 ${fmt(commitStats.p95)} ms  [${elapsed()}]`)

log('judging one item with each detector')
const judgeStats = judgeTimings(shared, commits)
for (const t of judgeStats) log(`  ${t.detector}: ${t.items} items, mean ${fmt(t.meanMs)} ms, p95 ${fmt(t.p95Ms)} ms  [${elapsed()}]`)

log('peak memory (child processes)')
const megabyte = scaling[scaling.length - 1]!
const megabytePath = join(shared, 'corpus/scaling', megabyte.name)
const bundlePeaks: Peak[] = [peakBundle(undefined), peakBundle(megabytePath)]
const peaks: Peak[] = [...bundlePeaks, peak(undefined, undefined), peak('whylint', megabytePath), peak('remark-parse', megabytePath)]
if (!QUICK) peaks.push(peak('alex', megabytePath))
for (const p of peaks) log(`  ${p.tool}${p.file ? ` on ${p.file}` : ' (empty child)'}: ${fmt(p.maxRssMB)} MB`)

log('build, activation, bundle sizes')
const buildError = build()
if (buildError) log(`  build failed: ${buildError}`)
const activated = activation()
const bundles = bundleSizes()
log(`  activation: ${typeof activated === 'string' ? activated : `${fmt(activated.totalMs)} ms`}  [${elapsed()}]`)

log(`one-character edits in the built engine under the worker's ${WORKER_HEAP_MB} MB heap (child process)`)
const cappedEdits = editsUnderHeapLimit(
  editDocs.filter((doc) => doc !== megabyte).map((doc) => join(shared, 'corpus/scaling', doc.name)),
  megabytePath,
)
log(`  wall clock p50 ${fmt(cappedEdits.wall.p50)} ms, p95 ${fmt(cappedEdits.wall.p95)} ms; CPU p95 ${fmt(cappedEdits.cpu.p95)} ms; peak RSS ${fmt(cappedEdits.maxRssMB)} MB, heap growth ${fmt(cappedEdits.heapGrowthMB)} MB  [${elapsed()}]`)

log(`many documents in the built engine under the worker's ${WORKER_HEAP_MB} MB heap (child process)`)
const VARIANTS = 6
const manyDocs = manyDocuments([...corpus, ...scaling].map((doc) => join(shared, corpus.includes(doc) ? 'corpus/md' : 'corpus/scaling', doc.name)))
log(`  ${manyDocs.documents} documents, ${fmt(manyDocs.chars / 1e6)} M characters: live heap at most ${fmt(manyDocs.maxLiveMB)} MB, peak RSS ${fmt(manyDocs.maxRssMB)} MB  [${elapsed()}]`)

interface ManyDocs {
  documents: number
  chars: number
  maxLiveMB: number
  finalLiveMB: number
  maxRssMB: number
}

/** Every corpus document, then `VARIANTS` different documents the size of the last, in one capped process. */
function manyDocuments(files: string[]): ManyDocs {
  const argv = [`--max-old-space-size=${WORKER_HEAP_MB}`, '--expose-gc', 'bench/many-docs.cjs', String(VARIANTS), ...files]
  const child = spawnSync(process.execPath, argv, {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20})
  if (child.status !== 0) throw new Error(`bench/many-docs.cjs failed: ${child.stderr.split('\n').slice(0, 3).join(' ')}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ManyDocs
}

interface CappedEdits {
  edits: number
  wall: Spread
  cpu: Spread
  maxRssMB: number
  /** Live heap after the timed edits minus before them (both after a full collection). */
  heapGrowthMB: number
}

/** As in this process, the documents before the 1 MB one are edited first: here, untimed. */
function editsUnderHeapLimit(warmUp: string[], file: string): CappedEdits {
  const argv = [`--max-old-space-size=${WORKER_HEAP_MB}`, '--expose-gc', '--import', 'tsx', 'bench/edit-heap.ts', ...warmUp, file, '--edits', String(SETTINGS.edits)]
  const child = spawnSync(process.execPath, argv, {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20})
  if (child.status !== 0) throw new Error(`bench/edit-heap.ts failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as CappedEdits
}

// --- figures ---------------------------------------------------------------------------------

const perKB = (table: Table, doc: Doc, tool: string) => table.get(doc.name)!.get(tool)! / kb(doc)
const toolMedianPerKB = (tool: string) => median(corpus.map((doc) => perKB(corpusTable, doc, tool)))
const ratioFullParse = median(corpus.filter((doc) => doc.bytes >= 8 * 1024).map((doc) => corpusTable.get(doc.name)!.get('whylint')! / corpusTable.get(doc.name)!.get('remark-parse')!))
const ratioAlex = median(corpus.map((doc) => corpusTable.get(doc.name)!.get('alex')! / corpusTable.get(doc.name)!.get('whylint')!))
const scale32 = scaling.find((doc) => /_0032k\.md$/.test(doc.name))!
const scaleRatio = perKB(scalingTable, megabyte, 'whylint') / perKB(scalingTable, scale32, 'whylint')
const editMB = edits.find((e) => e.doc === megabyte.name)
const whylintPeak = bundlePeaks[1]!

interface Target {
  name: string
  figure: number
  unit: string
  limit: string
  pass: boolean
}

const targets: Target[] = [
  {name: 'full lint ÷ remark-parse alone (median, corpus docs ≥ 8 KB)', figure: ratioFullParse, unit: '×', limit: '≤ 2.5', pass: ratioFullParse <= 2.5},
  {name: 'alex ÷ whylint per document (median)', figure: ratioAlex, unit: '×', limit: '≥ 3', pass: ratioAlex >= 3},
  {name: 'whylint per-KB cost at 1 MB ÷ at 32 KB', figure: scaleRatio, unit: '×', limit: '≤ 1.2', pass: scaleRatio <= 1.2},
  {name: `one-character edit on the 1 MB doc, p95 wall clock (${editMB?.edits ?? 0} edits)`, figure: editMB?.wall.p95 ?? Number.NaN, unit: 'ms', limit: '≤ 10 ms', pass: (editMB?.wall.p95 ?? Infinity) <= 10},
  {name: `the same edits, built engine under the worker's ${WORKER_HEAP_MB} MB heap, p95 wall clock`, figure: cappedEdits.wall.p95, unit: 'ms', limit: '≤ 10 ms', pass: cappedEdits.wall.p95 <= 10},
  {name: `commit message p50 (${commitStats.count} messages)`, figure: commitStats.p50, unit: 'ms', limit: '≤ 0.3 ms', pass: commitStats.p50 <= 0.3},
  {name: 'commit message p95', figure: commitStats.p95, unit: 'ms', limit: '≤ 2 ms', pass: commitStats.p95 <= 2},
  {name: `peak RSS linting the 1 MB doc (dist/api.cjs, ${WORKER_HEAP_MB} MB heap as in the editor worker)`, figure: whylintPeak.maxRssMB, unit: 'MB', limit: '≤ 150 MB', pass: whylintPeak.maxRssMB <= 150},
  ...judgeStats.map((t): Target => ({name: `judge() one item, mean: ${t.detector} (${t.items} items)`, figure: t.meanMs, unit: 'ms', limit: '≤ 1 ms', pass: t.meanMs <= 1})),
  {
    name: 'extension require + activate()',
    figure: typeof activated === 'string' ? Number.NaN : WALL ? activated.totalMs : activated.cpuMs,
    unit: 'ms',
    limit: '≤ 20 ms',
    pass: typeof activated !== 'string' && (WALL ? activated.totalMs : activated.cpuMs) <= 20,
  },
]

const figureText = (t: Target) => (Number.isFinite(t.figure) ? `${fmt(t.figure)}${t.unit === '×' ? '×' : ` ${t.unit}`}` : 'n/a')
const verdict = (t: Target) => (Number.isFinite(t.figure) ? (t.pass ? 'pass' : 'FAIL') : 'n/a')

const nameWidth = Math.max(...targets.map((t) => t.name.length))
const lines = [
  `${'target'.padEnd(nameWidth)}  ${'figure'.padStart(10)}  ${'limit'.padEnd(9)}  result`,
  ...targets.map((t) => `${t.name.padEnd(nameWidth)}  ${figureText(t).padStart(10)}  ${t.limit.padEnd(9)}  ${verdict(t)}`),
]
process.stdout.write(`\n${lines.join('\n')}\n`)
process.stdout.write(`\ntimes: ${CLOCK_NAME}, re-lint latencies wall-clock; re-lint path: ${relint.via}; total ${elapsed()}\n`)

// --- report ----------------------------------------------------------------------------------

const REFERENCE: Record<string, string> = {
  'remark-parse': '0.64',
  'remark+retext-english': '0.83',
  alex: '4.5',
  'write-good': '0.8',
  markdownlint: '1.2',
}

function markdownReport(): string {
  const cpu = cpus()[0]
  const md: string[] = []
  const row = (cells: Array<string | number>) => md.push(`| ${cells.join(' | ')} |`)
  md.push('# Benchmarks', '')
  md.push(
    'Generated by `npm run bench` (`bench/run.ts`) from one run on one machine; every figure below',
    'comes from that run. Documents are the corpus in `../shared/corpus` (real Markdown from public',
    'repositories, see its MANIFEST); per-document times are medians of warm runs, and each whylint',
    'run starts from empty caches, so it is a cold full lint with the default rules (the lint time',
    'budget of `analysis-limit` is lifted so no lint is cut short).',
    '',
    `Times are ${CLOCK_NAME}${WALL ? '' : ' (`process.cpuUsage()`): CPU time is what a lint costs whatever else runs on the machine; pass `--wall` for wall-clock time'}, except re-lint latencies after an edit, which are wall-clock time with CPU time beside them (see that section).`,
    '',
  )
  md.push(`- Date: ${new Date().toISOString().slice(0, 10)}${QUICK ? ' (quick run: fewer runs and edits)' : ''}`)
  md.push(`- Machine: ${cpu?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB memory, ${osType()} ${release()}`)
  md.push(`- Node ${process.version}`)
  const measured = revision()
  if (measured) md.push(`- Commit: ${measured}`)
  md.push(`- Wall-clock time of the whole run: ${elapsed()}`, '')
  md.push('## Targets', '')
  row(['target', 'figure', 'limit', 'result'])
  row(['---', '---:', '---', '---'])
  for (const t of targets) row([t.name, figureText(t), t.limit, verdict(t)])
  md.push('')
  md.push('## Tools', '')
  row(['tool', 'what runs', 'median ms/KB over the corpus', 'reference ms/KB (corpus README)'])
  row(['---', '---', '---:', '---:'])
  for (const tool of TOOLS) row([tool.name, tool.description, fmt(toolMedianPerKB(tool.name)), REFERENCE[tool.name] ?? '—'])
  md.push('')
  md.push('For reference, the corpus README measures the naive pipeline (remark-parse, retext-english and six retext plugins) at 5.1 ms/KB.', '')
  md.push('## Per document (ms/KB)', '')
  row(['document', 'KB', ...TOOLS.map((t) => t.name), 'alex ÷ whylint'])
  row(['---', '---:', ...TOOLS.map(() => '---:'), '---:'])
  for (const doc of corpus) {
    const cells = TOOLS.map((t) => fmt(perKB(corpusTable, doc, t.name)))
    row([`\`${doc.name}\``, fmt(kb(doc)), ...cells, fmt(corpusTable.get(doc.name)!.get('alex')! / corpusTable.get(doc.name)!.get('whylint')!)])
  }
  md.push('')
  md.push('## Scaling (ms/KB by document size)', '')
  md.push('Prefixes of one long text (`corpus/scaling`). A flat row means cost grows linearly with size.', '')
  row(['tool', ...scaling.map((doc) => `${fmt(kb(doc))} KB`)])
  row(['---', ...scaling.map(() => '---:')])
  for (const tool of TOOLS) row([tool.name, ...scaling.map((doc) => fmt(perKB(scalingTable, doc, tool.name)))])
  md.push('')
  md.push('![ms per document against document size, log-log, per tool](benchmarks.svg)', '')
  md.push('## Re-lint after a one-character edit', '')
  md.push(
    `Seeded random edits (insert or delete one character at a random offset), applied one after another; each re-lint goes through ${relint.via}. Up to ${SETTINGS.edits} edits per document, fewer when re-lints are so slow that ${SETTINGS.editSeconds} s run out.`,
    '',
  )
  const megabyteEdits = edits.find((e) => e.doc === megabyte.name)
  md.push(
    `Latency is wall-clock time, what the user waits for. CPU time of the process is beside it: it also counts the helper threads V8 runs its garbage collector on (concurrent marking, parallel scavenging), which work on another core while the lint goes on${megabyteEdits ? ` (here, on the 1 MB document, CPU p95 ${fmt(megabyteEdits.cpu.p95)} ms against wall-clock p95 ${fmt(megabyteEdits.wall.p95)} ms)` : ''}. The machine ran nothing else during the benchmark.`,
    '',
  )
  row(['document', 'KB', 'edits', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'CPU p95 ms'])
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const e of edits) row([`\`${e.doc}\``, fmt(e.kb), e.edits, fmt(e.wall.p50), fmt(e.wall.p95), fmt(e.wall.max), fmt(e.cpu.p50), fmt(e.cpu.p95)])
  md.push('')
  md.push(
    `The same edits to \`${megabyte.name}\` in a child process started with the heap limit the editor gives its analysis worker (\`node --max-old-space-size=${WORKER_HEAP_MB} --expose-gc --import tsx bench/edit-heap.ts\`), through the built engine, after the same untimed edits to the smaller document as above: the benchmark process above runs with no heap limit, and a small heap makes V8 collect more often. Peak RSS of that child: ${fmt(cappedEdits.maxRssMB)} MB. Its live heap after the timed edits, against before them (each after a full collection): ${cappedEdits.heapGrowthMB >= 0 ? '+' : ''}${fmt(cappedEdits.heapGrowthMB)} MB.`,
    '',
  )
  row(['document', 'edits', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50 ms', 'CPU p95 ms'])
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:'])
  row([`\`${megabyte.name}\`, ${WORKER_HEAP_MB} MB heap`, cappedEdits.edits, fmt(cappedEdits.wall.p50), fmt(cappedEdits.wall.p95), fmt(cappedEdits.wall.max), fmt(cappedEdits.cpu.p50), fmt(cappedEdits.cpu.p95)])
  md.push('')
  md.push('## Commit messages', '')
  md.push(`The ${commitStats.count} messages of \`corpus/commits/commits.jsonl\` through \`analyze(text, {kind: 'commit'})\`, caches cleared before each, after ${Number.isFinite(SETTINGS.commitWarmup) ? `${SETTINGS.commitWarmup} messages` : 'one pass over all of them'} to warm the JIT up.`, '')
  row(['messages', 'p50 ms', 'p95 ms', 'max ms'])
  row(['---:', '---:', '---:', '---:'])
  row([commitStats.count, fmt(commitStats.p50), fmt(commitStats.p95), fmt(commitStats.max)])
  md.push('')
  md.push('## Judging one item', '')
  md.push('`judge(text, {detector})` as the API and the CLI call it: one pass over the items to warm the JIT up, then each item timed on its own, in wall-clock time (an item takes well under a millisecond, finer than CPU time resolves). The target is a mean of at most 1 ms.', '')
  row(['detector', 'items', 'mean ms', 'p95 ms', 'max ms'])
  row(['---', '---', '---:', '---:', '---:'])
  for (const t of judgeStats) row([`\`${t.detector}\``, `${t.items}: ${t.data}`, fmt(t.meanMs), fmt(t.p95Ms), fmt(t.maxMs)])
  md.push('')
  md.push('## Peak memory', '')
  md.push(`\`process.resourceUsage().maxRSS\` of a child process after one full lint. The first two rows run the built engine (\`node --max-old-space-size=${WORKER_HEAP_MB} bench/peak-bundle.cjs\`), with the heap limit the editor gives its analysis worker: that is the target figure. The others run the sources under the TypeScript loader (\`node --import tsx bench/peak.ts\`), with no limit; their empty child loads nothing but the loader.`, '')
  row(['tool', 'document', 'peak RSS MB', 'lint ms (cold process)'])
  row(['---', '---', '---:', '---:'])
  for (const p of peaks) row([p.file ? p.tool : '(empty child)', p.file ? `\`${p.file}\`` : '—', fmt(p.maxRssMB), p.ms === undefined ? '—' : fmt(p.ms)])
  md.push('')
  md.push(
    `Many documents in one capped process, as an editor session opens them: the built engine lints every corpus and scaling document, then ${VARIANTS} different documents the size of the largest (\`node --max-old-space-size=${WORKER_HEAP_MB} --expose-gc bench/many-docs.cjs\`). The result caches are bounded by the text they hold, so the live heap stays bounded however many documents pass through.`,
    '',
  )
  row(['documents', 'characters', 'largest live heap MB', 'live heap at the end MB', 'peak RSS MB'])
  row(['---:', '---:', '---:', '---:', '---:'])
  row([manyDocs.documents, manyDocs.chars, fmt(manyDocs.maxLiveMB), fmt(manyDocs.finalLiveMB), fmt(manyDocs.maxRssMB)])
  md.push('')
  md.push('## Extension activation and bundles', '')
  if (buildError) md.push(`The build failed: ${buildError}`, '')
  if (typeof activated === 'string') md.push(`Activation: ${activated}.`, '')
  else {
    md.push(`\`require('dist/extension.js')\` and \`activate()\` with a stand-in \`vscode\` module, in a fresh process, median of ${SETTINGS.activations}:`, '')
    row(['require ms', 'activate() ms', 'total ms (wall clock)', 'total CPU ms'])
    row(['---:', '---:', '---:', '---:'])
    row([fmt(activated.requireMs), fmt(activated.activateMs), fmt(activated.totalMs), fmt(activated.cpuMs)])
    md.push('')
  }
  if (bundles.length > 0) {
    row(['file', 'KB', 'gzip KB'])
    row(['---', '---:', '---:'])
    for (const b of bundles) row([`\`${b.file}\``, fmt(b.bytes / 1024), fmt(b.gzip / 1024)])
    md.push('')
  }
  return `${md.join('\n')}`
}

if (WRITE) {
  mkdirSync(join(ROOT, 'docs'), {recursive: true})
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), `${markdownReport()}\n`)
  const svg = logLogPlot(
    TOOLS.map((tool) => ({name: tool.name, points: scaling.map((doc) => [kb(sizeOf.get(doc.name)!), scalingTable.get(doc.name)!.get(tool.name)!] as [number, number])})),
    {title: 'Lint time against document size (log-log)', xLabel: 'document size', yLabel: WALL ? 'ms per document (median, wall clock)' : 'CPU time per document (median)'},
  )
  writeFileSync(join(ROOT, 'docs/benchmarks.svg'), svg)
  log('wrote docs/benchmarks.md and docs/benchmarks.svg')
  // The README shows a PNG of the plot: the extension marketplace refuses SVG images there.
  const png = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'whylint-bench-'))}`, '--window-size=760,480', `--screenshot=${join(ROOT, 'docs/benchmarks.png')}`, pathToFileURL(join(ROOT, 'docs/benchmarks.svg')).href], {encoding: 'utf8'})
  log(png.status === 0 ? 'wrote docs/benchmarks.png' : 'docs/benchmarks.png not written: Chromium did not run')
}
