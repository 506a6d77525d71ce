// Lint the Markdown corpus (../shared/corpus/md, or $WHYLINT_SHARED/corpus/md) with the prose
// rules and print per-rule counts and a sample of findings, for tuning rule defaults.
//
//   node --import tsx scripts/corpus-prose.ts [rule-id] [samples]

import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {analyze} from '../src/engine/lint.js'

const shared = process.env.WHYLINT_SHARED ?? '../shared'
const dir = join(shared, 'corpus', 'md')
const only = process.argv[2]
const samples = Number(process.argv[3] ?? 0)
const RULES = ['readability', 'long-sentence', 'wordy-phrase', 'passive-voice', 'hedge-words']
const maxBytes = Number(process.env.MAX_BYTES ?? 200_000)

const counts = new Map<string, number>()
const phrases = new Map<string, number>()
const shown: string[] = []
let words = 0
let sentences = 0
let bytes = 0
const started = performance.now()
for (const name of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, name), 'utf8')
  if (text.length > maxBytes) continue
  bytes += text.length
  const kind = /readme/i.test(name) ? 'readme' : 'markdown'
  const rules = Object.fromEntries(RULES.map((id) => [id, only && id !== only ? 'off' : 'warning']))
  const {findings, metrics} = analyze(text, {kind, filePath: name, config: {rules: rules as never}})
  words += metrics.words ?? 0
  sentences += metrics.sentences ?? 0
  const grade = metrics.readabilityGrade
  if (!only) console.log(`${name.padEnd(56)} grade ${grade ?? '-'}  words ${metrics.words ?? 0}`)
  for (const finding of findings) {
    if (!RULES.includes(finding.ruleId)) continue
    counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1)
    const actual = text.slice(finding.offset, finding.endOffset).toLowerCase().replace(/\s+/g, ' ')
    if (finding.ruleId !== 'readability' && finding.ruleId !== 'long-sentence') phrases.set(`${finding.ruleId} ${actual}`, (phrases.get(`${finding.ruleId} ${actual}`) ?? 0) + 1)
    if (only && shown.length < samples) shown.push(`${name}:${finding.line}: ${finding.message}\n    ${text.slice(finding.offset, finding.endOffset).replace(/\s+/g, ' ').slice(0, 300)}`)
  }
}
console.log(`\n${(bytes / 1024).toFixed(0)} KB, ${words} words, ${sentences} sentences, ${(performance.now() - started).toFixed(0)} ms`)
for (const id of RULES) console.log(`${id.padEnd(16)} ${counts.get(id) ?? 0}`)
const top = [...phrases].sort((a, b) => b[1] - a[1]).slice(0, 40)
console.log(top.map(([phrase, n]) => `${n}\t${phrase}`).join('\n'))
for (const line of shown) console.log(line)
