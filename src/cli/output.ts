// Shared bits of output: colour decision, notes on stderr, exit codes, the progress line.

import {relative} from 'node:path'
import type {Finding} from '../engine/api.js'
import type {Io, Output} from './io.js'
import {toPosix} from './files.js'
import {printable} from './reporters/text.js'

export const EXIT_OK = 0
/** Error-level findings, more warnings than `--max-warnings`, or a file that could not be read or fixed. */
export const EXIT_FINDINGS = 1
/** Usage or config error, or an internal error. */
export const EXIT_USAGE = 2

/** Colours on a terminal only, never with `--no-color` or `NO_COLOR` set (https://no-color.org). */
export function useColor(flag: boolean, out: Output, env: Io['env']): boolean {
  return flag && out.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '')
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path)
  return toPosix(rel === '' ? path : rel)
}

/** `whylint: path: text` on stderr. */
export function note(io: Io, path: string | undefined, text: string): void {
  io.stderr.write(`whylint: ${path === undefined ? '' : `${printable(path)}: `}${printable(text)}\n`)
}

export function countBySeverity(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const counts = {error: 0, warning: 0, info: 0, hint: 0}
  for (const finding of findings) counts[finding.severity]++
  return counts
}

/** A `\r`-updated line on a terminal's stderr while many files are linted. */
export class Progress {
  private readonly enabled: boolean
  private shown = false

  constructor(private readonly io: Io, private readonly total: number) {
    this.enabled = io.stderr.isTTY === true && total > 20
  }

  update(done: number, path: string): void {
    if (!this.enabled) return
    const width = Math.max(20, (this.io.stderr.columns ?? 80) - 1)
    const line = printable(`whylint: ${done}/${this.total} ${path}`)
    this.io.stderr.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\u001b[K`)
    this.shown = true
  }

  clear(): void {
    if (this.shown) this.io.stderr.write('\r\u001b[K')
    this.shown = false
  }
}
