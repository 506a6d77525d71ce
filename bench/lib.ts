// Helpers shared by the benchmark scripts: where the corpus is, a seeded PRNG, one-character
// edits, order statistics and a timer.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Kind} from '../src/engine/types.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The shared test data: `../shared` next to the repository, or `WHYLINT_SHARED`. */
export function sharedDir(): string {
  return resolve(ROOT, process.env.WHYLINT_SHARED ?? '../shared')
}

export interface Doc {
  name: string
  text: string
  /** Size in bytes (UTF-8), the unit of every per-KB figure. */
  bytes: number
  kind: Kind
}

/** The kind a corpus file is linted as, from its name (as the fixture runner does). */
export function kindOfName(name: string): Kind {
  return /readme/i.test(name) ? 'readme' : 'markdown'
}

export function readDocs(folder: string): Doc[] {
  if (!existsSync(folder)) throw new Error(`No corpus at ${folder}: set WHYLINT_SHARED`)
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const path = join(folder, name)
      return {name, text: readFileSync(path, 'utf8'), bytes: statSync(path).size, kind: kindOfName(name)}
    })
    .sort((a, b) => a.bytes - b.bytes)
}

export function readCommits(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as {text: string}).text)
}

/** The seeded PRNG the trainer uses (mulberry32): a run replays from its seed. */
export {random as prng} from '../scripts/lib/logreg.js'

// What a person types: mostly letters and spaces, sometimes Markdown punctuation or a line break.
const TYPED = 'etaoinshrdlucmfwyp     ,.\n#*`-_>[]()|0123456789'

/** Insert or delete one character at a random offset. */
export function oneCharEdit(text: string, random: () => number): string {
  const offset = Math.floor(random() * (text.length + 1))
  if (random() < 0.5 && text.length > 0) {
    const at = Math.min(offset, text.length - 1)
    return text.slice(0, at) + text.slice(at + 1)
  }
  const char = TYPED[Math.floor(random() * TYPED.length)]!
  return text.slice(0, offset) + char + text.slice(offset)
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** Linear-interpolated quantile, q in [0, 1]. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
}

/** Milliseconds of CPU this process has used (all threads): steady on a shared, busy machine. */
export function cpuClock(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

export function wallClock(): number {
  return performance.now()
}

export function time(run: () => void, clock: () => number = cpuClock): number {
  const start = clock()
  run()
  return clock() - start
}

/** Round to a few significant digits for tables. */
export function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return 'n/a'
  if (value === 0) return '0'
  const magnitude = Math.floor(Math.log10(Math.abs(value)))
  const decimals = Math.max(0, digits - 1 - magnitude)
  return value.toFixed(Math.min(decimals, 4))
}
