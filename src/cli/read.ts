// Reading input files as text, without ever crashing on bad input: binary files and files over
// the size limit are skipped with a note, invalid UTF-8 is decoded with replacement characters
// (and noted), and a file that cannot be read is an error for that file only.

import {readFile, stat} from 'node:fs/promises'

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
const BINARY_SNIFF = 8192

export interface TextInput {
  ok: true
  text: string
  /** The bytes as read; `--fix` refuses to write when the file no longer holds them. */
  bytes: Uint8Array
  /** The file started with a UTF-8 byte order mark (not part of `text`, written back on fix). */
  bom: boolean
  /** Some bytes were not valid UTF-8 and became U+FFFD. */
  invalidUtf8: boolean
}

export interface Unread {
  ok: false
  /** `skip`: a note, not a failure; `error`: the file could not be read. */
  severity: 'skip' | 'error'
  reason: string
}

export type ReadResult = TextInput | Unread

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a directory'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}

/** Decode bytes as UTF-8 text, or say why they are not text. */
export function decode(bytes: Uint8Array): TextInput | Unread {
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return {ok: false, severity: 'skip', reason: 'skipped: binary file (a NUL byte in the first 8 KB)'}
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return {ok: true, text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(body), bytes, bom, invalidUtf8: false}
  } catch {
    return {ok: true, text: new TextDecoder('utf-8', {fatal: false, ignoreBOM: true}).decode(body), bytes, bom, invalidUtf8: true}
  }
}

export async function readInput(path: string, maxFileSize: number): Promise<ReadResult> {
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (info.isDirectory()) return {ok: false, severity: 'error', reason: 'is a directory'}
    if (info.size > maxFileSize) return tooLarge(info.size, maxFileSize)
    bytes = await readFile(path)
  } catch (error) {
    return {ok: false, severity: 'error', reason: describeError(error)}
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxFileSize) return tooLarge(bytes.length, maxFileSize)
  return decode(bytes)
}

function tooLarge(size: number, max: number): Unread {
  return {ok: false, severity: 'skip', reason: `skipped: ${size} bytes is over the ${max}-byte limit (\`maxFileSize\` in the config)`}
}
