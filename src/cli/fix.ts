// `--fix`: apply preferred fixes until none is left (a few passes at most), then write the file
// atomically — a temporary file in the same folder renamed over the original — and only if the
// file still holds exactly the bytes that were linted.

import {randomBytes} from 'node:crypto'
import {chmod, readFile, realpath, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {analyze, applyEdits, preferredEdits, type Finding, type LintOptions} from '../engine/api.js'
import {describeError} from './read.js'

const MAX_PASSES = 10

export interface Fixed {
  text: string
  findings: Finding[]
  /** Whether any edit was applied. */
  changed: boolean
}

/** Lint and fix in memory until the text stops changing. */
export function fixText(text: string, options: LintOptions): Fixed {
  let current = text
  let findings = analyze(current, options).findings
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits = preferredEdits(findings)
    if (edits.length === 0) break
    const result = applyEdits(current, edits)
    if (result.applied === 0 || result.text === current) break
    current = result.text
    findings = analyze(current, options).findings
  }
  return {text: current, findings, changed: current !== text}
}

/**
 * Replace the file's content with `text`, atomically. Returns an error message instead of
 * writing when the file changed since `original` was read, or when writing fails.
 */
export async function writeAtomically(path: string, original: Uint8Array, text: string, bom: boolean, beforeWrite?: (path: string) => void | Promise<void>): Promise<string | undefined> {
  await beforeWrite?.(path)
  let target: string
  try {
    // Write through a symbolic link to the file it points at, keeping the link.
    target = await realpath(path)
    const current = await readFile(target)
    if (!Buffer.from(current).equals(Buffer.from(original))) return 'changed on disk since it was read; not fixed (run again)'
  } catch (error) {
    return `cannot fix: ${describeError(error)}`
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.whylint-tmp`)
  try {
    const {mode} = await stat(target)
    await writeFile(temporary, `${bom ? '\uFEFF' : ''}${text}`, {flag: 'wx', mode: 0o600})
    await chmod(temporary, mode & 0o7777)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true}).catch(() => undefined)
    return `cannot fix: ${describeError(error)}`
  }
  return undefined
}
