// `--format json`: one entry per input, findings exactly as `lint()` returns them.

import type {Finding} from '../../engine/api.js'
import type {FileResult} from './types.js'

export interface JsonEntry {
  filePath: string
  messages: Finding[]
  /** Why the file could not be read or fixed. */
  error?: string
  /** Why the file was not linted (binary, too large, ignored by the config). */
  skipped?: string
}

export function formatJson(results: readonly FileResult[]): string {
  const entries: JsonEntry[] = results.map((result) => ({
    filePath: result.filePath,
    messages: result.messages,
    ...(result.error === undefined ? {} : {error: result.error}),
    ...(result.skipped === undefined ? {} : {skipped: result.skipped}),
  }))
  return `${JSON.stringify(entries)}\n`
}
