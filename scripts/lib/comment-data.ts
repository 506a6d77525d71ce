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
