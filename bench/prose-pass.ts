// How the prose rules weigh in a full lint: for every corpus document of 8 KB or more, the
// full lint (default rules, caches cleared) against remark-parse alone, and each prose rule's
// own cost (a lint with only that rule on, minus a lint with every rule off). With `--alex`,
// alex's time over whylint's per document; with `--scaling`, whylint's per-KB cost on the
// scaling prefixes, relative to the 32 KB one.
//
//   node --import tsx bench/prose-pass.ts [--runs n] [--min-kb n] [--alex] [--scaling] [--no-rules]

import {join} from 'node:path'
import {RULES} from '../src/engine/rules/index.js'
import {analyze, clearCaches} from '../src/engine/lint.js'
import type {Config} from '../src/engine/types.js'
import {cpuClock, fmt, median, readDocs, sharedDir, time} from './lib.js'
import {TOOLS, WHYLINT} from './tools.js'

const argv = process.argv.slice(2)
let runs = 5
let minKb = 8
for (let index = 0; index < argv.length; index++) {
  if (argv[index] === '--runs') runs = Number(argv[++index])
  else if (argv[index] === '--min-kb') minKb = Number(argv[++index])
}
const ALEX = argv.includes('--alex')
const SCALING = argv.includes('--scaling')
const RULES_TOO = !argv.includes('--no-rules')

const PROSE_RULES = ['readability', 'wordy-phrase', 'passive-voice', 'hedge-words', 'long-sentence']
const remark = TOOLS.find((tool) => tool.name === 'remark-parse')!
const alex = TOOLS.find((tool) => tool.name === 'alex')!
const docs = readDocs(join(sharedDir(), 'corpus/md')).filter((doc) => doc.bytes >= minKb * 1024)

/** Every rule off but `only` (and the time budget lifted). */
function onlyRule(only: string | undefined): Config {
  const rules: NonNullable<Config['rules']> = {}
  for (const rule of RULES) rules[rule.id] = rule.id === only ? rule.defaultSeverity : 'off'
  rules['analysis-limit'] = ['off', {budgetMs: 3_600_000}]
  return {rules}
}

function measure(run: () => void, prepare?: () => void): number {
  prepare?.()
  run()
  const samples: number[] = []
  for (let index = 0; index < runs; index++) {
    prepare?.()
    samples.push(time(run, cpuClock))
  }
  return median(samples)
}

const ratios: number[] = []
const alexRatios: number[] = []
const perRule = new Map<string, number[]>()
const lines: string[] = []
for (const doc of docs) {
  const full = measure(() => void WHYLINT.run(doc.text, doc.kind, doc.name), WHYLINT.prepare)
  const parse = measure(() => void remark.run(doc.text, doc.kind, doc.name))
  const slower = ALEX ? measure(() => void alex.run(doc.text, doc.kind, doc.name)) / full : Number.NaN
  if (ALEX) alexRatios.push(slower)
  const none = RULES_TOO ? measure(() => void analyze(doc.text, {kind: doc.kind, filePath: doc.name, config: onlyRule(undefined)}), clearCaches) : 0
  const costs = (RULES_TOO ? PROSE_RULES : []).map((id) => {
    const ms = measure(() => void analyze(doc.text, {kind: doc.kind, filePath: doc.name, config: onlyRule(id)}), clearCaches) - none
    perRule.set(id, [...(perRule.get(id) ?? []), ms / (doc.bytes / 1024)])
    return `${id} ${fmt(ms)}`
  })
  ratios.push(full / parse)
  lines.push(`${doc.name.padEnd(48)} ${fmt(doc.bytes / 1024).padStart(6)} KB  full ${fmt(full).padStart(6)} ms  remark ${fmt(parse).padStart(6)} ms  ratio ${fmt(full / parse)}${ALEX ? `  alex÷whylint ${fmt(slower)}` : ''}  | ${costs.join(', ')}`)
  process.stderr.write(`${lines[lines.length - 1]}\n`)
}
process.stdout.write(`\nmedian full lint ÷ remark-parse over ${docs.length} docs ≥ ${minKb} KB: ${fmt(median(ratios))}\n`)
for (const [id, values] of perRule) process.stdout.write(`  ${id}: median ${fmt(median(values))} ms/KB\n`)
if (ALEX) process.stdout.write(`alex ÷ whylint: min ${fmt(Math.min(...alexRatios))}, median ${fmt(median(alexRatios))}\n`)
if (SCALING) {
  const prefixes = readDocs(join(sharedDir(), 'corpus/scaling'))
  const perKb = prefixes.map((doc) => measure(() => void WHYLINT.run(doc.text, doc.kind, doc.name), WHYLINT.prepare) / (doc.bytes / 1024))
  const base = perKb[prefixes.findIndex((doc) => doc.name.includes('0032k'))]!
  prefixes.forEach((doc, index) => process.stdout.write(`  ${doc.name}: ${fmt(perKb[index]!)} ms/KB, ${fmt(perKb[index]! / base)} × the 32 KB cost\n`))
}
