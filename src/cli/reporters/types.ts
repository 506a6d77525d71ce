import type {Finding} from '../../engine/api.js'

/** What was found in one input, as every reporter sees it. */
export interface FileResult {
  /** Absolute path, or the `--filename` given with `--stdin` (resolved), or `<stdin>`. */
  filePath: string
  /** The path as shown to people: relative to the working directory, with `/`. */
  displayPath: string
  /** Findings to show (`--quiet` keeps errors only). */
  messages: Finding[]
  /** Set when the file could not be read or fixed: an error for this file. */
  error?: string
  /** Set when the file was skipped on purpose (binary, too large, ignored): a note. */
  skipped?: string
}

export interface ReportContext {
  color: boolean
  /** Findings hidden by `--quiet`, so the summary can say so. */
  hidden: number
}
