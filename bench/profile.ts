// Where a full lint spends its time: runs `bench/peak.ts` under `node --cpu-prof` (whylint,
// caches cleared before each of a few lints), then sums self time by function and by package,
// counting only samples taken inside `analyze`.
//
//   node --import tsx bench/profile.ts [file] [--repeat n] [--top n]
//   node --import tsx bench/profile.ts --from some.cpuprofile --repeat <lints in it>

import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fmt, ROOT, sharedDir} from './lib.js'

interface ProfileNode {
  id: number
  callFrame: {functionName: string; url: string; lineNumber: number}
  hitCount?: number
  children?: number[]
}

interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const argv = process.argv.slice(2)
let file = join(sharedDir(), 'corpus/scaling/book_0128k.md')
let repeat = 5
let top = 25
let from: string | undefined
for (let index = 0; index < argv.length; index++) {
  const arg = argv[index]!
  if (arg === '--repeat') repeat = Number(argv[++index])
  else if (arg === '--top') top = Number(argv[++index])
  else if (arg === '--from') from = argv[++index]
  else file = arg
}

/** Profile a fresh child, or summarise a `.cpuprofile` written elsewhere (`--from`). */
function record(): Profile {
  if (from) return JSON.parse(readFileSync(from, 'utf8')) as Profile
  const dir = mkdtempSync(join(tmpdir(), 'whylint-profile-'))
  try {
    const child = spawnSync(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', '--import', 'tsx', 'bench/peak.ts', '--repeat', String(repeat), file],
      {cwd: ROOT, encoding: 'utf8'},
    )
    if (child.status !== 0) throw new Error(`profiling failed: ${child.stderr}`)
    const name = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'))
    if (!name) throw new Error('no .cpuprofile written')
    return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Profile
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

const profile = record()

/** The package a frame belongs to: an npm package, a whylint source folder, or the runtime. */
function packageOf(frame: ProfileNode['callFrame']): string {
  const url = frame.url
  const modules = url.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  const source = /\/src\/(engine\/(?:rules|models|sources)\/[^/]+|engine\/[^/]+|[^/]+)/.exec(url)
  if (source) return `whylint ${source[1]!.replace(/\.ts$/, '')}`
  if (url.startsWith('node:')) return 'node'
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : 'V8 builtins'
  return url.replace(/^.*\//, '')
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

// V8 may inline `analyzeWithMessages` into `analyze`, and then the profile names only the caller.
const ANALYZE = new Set(['analyze', 'analyzeWithMessages'])
const inLint = new Map<number, boolean>()
function insideAnalyze(id: number): boolean {
  const known = inLint.get(id)
  if (known !== undefined) return known
  const node = byId.get(id)!
  const up = parent.get(id)
  const result = (ANALYZE.has(node.callFrame.functionName) && node.callFrame.url.endsWith('/src/engine/lint.ts')) || (up !== undefined && insideAnalyze(up))
  inLint.set(id, result)
  return result
}

// Self time per node from the sample intervals.
const self = new Map<number, number>()
let total = 0
let gc = 0
let lint = 0
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000
  total += ms
  const node = byId.get(id)!
  if (node.callFrame.functionName === '(garbage collector)') gc += ms
  if (!insideAnalyze(id)) return
  lint += ms
  self.set(id, (self.get(id) ?? 0) + ms)
})

/**
 * The lint stage a sample belongs to: parsing prose (shared by the rules through the tree
 * cache), parsing the source into blocks, one rule (its own code and the libraries it calls),
 * or the engine around them.
 */
function stageOf(id: number): string {
  let stage = 'engine (lint.ts: stamping, positions, findings)'
  let rule: string | undefined
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!.callFrame
    if (ANALYZE.has(frame.functionName) && frame.url.endsWith('/src/engine/lint.ts')) break
    if (frame.functionName === 'parseProse' && frame.url.endsWith('/src/engine/lint.ts')) return 'parse prose (retext-english, shared by rules)'
    if (frame.functionName === 'parseSource') return 'source: Markdown/commit/code → prose blocks'
    const match = /\/src\/engine\/rules\/([^/]+)\//.exec(frame.url)
    if (match) rule = match[1]
  }
  if (rule) stage = `rule ${rule}`
  return stage
}

const stages = new Map<string, number>()
for (const [id, ms] of self) stages.set(stageOf(id), (stages.get(stageOf(id)) ?? 0) + ms)

const functions = new Map<string, {name: string; where: string; pkg: string; ms: number}>()
const packages = new Map<string, number>()
for (const [id, ms] of self) {
  const frame = byId.get(id)!.callFrame
  const pkg = packageOf(frame)
  const where = frame.url ? `${frame.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${frame.lineNumber + 1}` : ''
  const key = `${frame.functionName}\u0000${where}`
  const label = frame.functionName.length > 60 ? `${frame.functionName.slice(0, 57)}...` : frame.functionName
  const entry = functions.get(key) ?? {name: label || '(anonymous)', where, pkg, ms: 0}
  entry.ms += ms
  functions.set(key, entry)
  packages.set(pkg, (packages.get(pkg) ?? 0) + ms)
}

const pct = (ms: number) => `${((100 * ms) / lint).toFixed(1)}%`
const out: string[] = []
out.push(`profile of ${from ? `${from.replace(/^.*\//, '')}, ${repeat} lint(s)` : `${repeat} cold full lint(s) of ${file.replace(/^.*\//, '')}`}: ${fmt(lint / repeat)} ms per lint inside analyze; process total ${fmt(total)} ms, garbage collector ${fmt(gc)} ms`)
out.push('', 'time inside analyze, by stage (inclusive):')
for (const [stage, ms] of [...stages].sort((a, b) => b[1] - a[1])) out.push(`  ${pct(ms).padStart(6)}  ${fmt(ms / repeat).padStart(8)} ms/lint  ${stage}`)
out.push('', 'self time inside analyze, by package:')
for (const [pkg, ms] of [...packages].sort((a, b) => b[1] - a[1])) out.push(`  ${pct(ms).padStart(6)}  ${fmt(ms / repeat).padStart(8)} ms/lint  ${pkg}`)
out.push('', `top ${top} functions by self time inside analyze:`)
for (const entry of [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top)) {
  out.push(`  ${pct(entry.ms).padStart(6)}  ${fmt(entry.ms / repeat).padStart(8)} ms/lint  ${entry.name}  (${entry.pkg}${entry.where ? `, ${entry.where}` : ''})`)
}
process.stdout.write(`${out.join('\n')}\n`)
