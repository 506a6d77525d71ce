// Reading labelled data for the comment and review detectors: the shared datasets (outside the
// repo, `../shared` or $WHYLINT_SHARED) and the project's own sets under `test/data/`.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'

export function sharedDir(): string {
  return process.env.WHYLINT_SHARED ?? '../shared'
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

export function dataset<T>(name: string): T[] {
  return readJsonl<T>(join(sharedDir(), 'datasets', name))
}

export interface DatasetRow {
  id: string
  text: string
  labels: string[]
  group: string
  class?: string
}

/** Print a fixed-width table. */
export function table(rows: Array<Array<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : cell.toFixed(3)) : cell)))
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)))
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')
}

/**
 * The lowest threshold whose precision on blunt is at least `precision` (so recall is as high as
 * it can be while a nudge stays right); the best-F1 one when none reaches it.
 */
export function precisionThreshold(pairs: Array<{score: number; actual: 0 | 1}>, precision: number): number {
  let fallback = {f1: -1, threshold: 0.5}
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100
    let tp = 0
    let fp = 0
    let fn = 0
    for (const pair of pairs) {
      const predicted = pair.score >= threshold
      if (predicted && pair.actual === 1) tp++
      else if (predicted) fp++
      else if (pair.actual === 1) fn++
    }
    const p = tp + fp === 0 ? 0 : tp / (tp + fp)
    const r = tp + fn === 0 ? 0 : tp / (tp + fn)
    if (tp > 0 && p >= precision) return threshold
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r)
    if (f1 > fallback.f1) fallback = {f1, threshold}
  }
  return fallback.threshold
}
