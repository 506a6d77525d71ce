// Cut Markdown into chunks at blank lines outside fenced code, HTML comments and raw HTML
// blocks, so each chunk can be parsed (and cached) on its own: an edit re-parses one chunk,
// not the whole document. Link reference definitions are collected so a chunk still resolves
// `[text][ref]` defined elsewhere.
//
// Hand-written on purpose: it is a line scanner with a few states, linear in the text, with no
// regular expression that can backtrack (each one is anchored and runs over one line).

import {editSince, unshared, versionOf, type Version} from '../lines.js'

export interface Chunk {
  /** Original offsets of the chunk: first non-blank line to the end of its last line. */
  start: number
  end: number
  /** 1-based line number of `start`. */
  line: number
  /** Nesting deeper than the parser can take (5,000 `>` or a list indented 2,000 deep). */
  tooDeep: boolean
}

export interface Chunking {
  chunks: Chunk[]
  /** The document's link reference definitions, one per line, to append to every chunk. */
  definitions: string
}

/** Deeper than this many block quotes or indentation columns is not parsed. */
export const MAX_QUOTE_DEPTH = 64
export const MAX_INDENT = 160

// Container prefix: block quote markers, list markers, spaces.
const CONTAINER_PREFIX = /^(?:[ \t]{0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]*/
const FENCE = /^(`{3,}|~{3,})/
const DEFINITION = /^ {0,3}\[[^\]\r\n]{1,999}\]:[ \t]*\S/
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i
const FRONT_MATTER = /^(---|\+\+\+)[ \t]*$/

export function chunkMarkdown(text: string): Chunking {
  const chunks: Chunk[] = []
  const definitions: Array<readonly string[]> = []
  scan(text, 0, 1, chunks, definitions, Infinity, () => false)
  return {chunks, definitions: definitions.flat().join('\n')}
}

const NONE: readonly string[] = []

interface Scanned {
  version: Version
  chunks: Chunk[]
  definitions: Array<readonly string[]>
  chunking: Chunking
}

let last: Scanned | undefined

/** Forget the last text chunked (cold-lint benchmarks). */
export function forgetLastChunking(): void {
  last = undefined
}

/** Index of the last chunk starting before `offset`, or -1. */
function chunkBefore(chunks: readonly Chunk[], offset: number): number {
  let lo = -1
  let hi = chunks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (chunks[mid]!.start < offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * `chunkMarkdown(text)`, reusing the chunks of the last text chunked when this text is an edit of
 * it: the scan restarts at the last chunk starting before the edit (the scanner's state is clean
 * at every chunk start after the first) and stops at the first chunk it would start past the edit
 * where the last text had a chunk too; the chunks after that are the last text's, shifted.
 */
export function chunkMarkdownEdited(text: string): Chunking {
  const previous = last
  const version = versionOf(text)
  if (previous?.version === version) return previous.chunking
  let chunks: Chunk[] = []
  let definitions: Array<readonly string[]> = []
  let restart = -1
  let prefix = 0
  let suffix = 0
  // Whether the chunks scanned again hold the same definitions as the ones they replace: then
  // the joined definitions are the last text's, not joined again from every chunk.
  let sameDefinitions = false
  const edit = editSince(previous?.version, version)
  if (edit) {
    ;({prefix, suffix} = edit)
    // The first chunk is left to a full scan: front matter is only recognised at offset 0.
    restart = chunkBefore(previous!.chunks, prefix)
  }
  if (!previous || restart < 1) {
    scan(text, 0, 1, chunks, definitions, Infinity, () => false)
  } else {
    const old = previous.chunks
    chunks = old.slice(0, restart)
    definitions = previous.definitions.slice(0, restart)
    const delta = text.length - previous.version.length
    let resumed = -1
    let lineDelta = 0
    const resync = (position: number, line: number) => {
      const index = chunkBefore(old, position - delta + 1)
      if (index < 0 || old[index]!.start !== position - delta) return false
      resumed = index
      lineDelta = line - old[index]!.line
      return true
    }
    const {start, line} = old[restart]!
    const resumedAt = scan(text, start, line, chunks, definitions, text.length - suffix, resync)
    sameDefinitions = sameLines(definitions, restart, definitions.length, previous.definitions, restart, resumedAt ? resumed : old.length)
    if (resumedAt) {
      // Sized once, not grown a push at a time (the smaller copies would be garbage).
      let to = chunks.length
      chunks.length = definitions.length = to + old.length - resumed
      for (let index = resumed; index < old.length; index++, to++) {
        const chunk = old[index]!
        chunks[to] = delta === 0 && lineDelta === 0 ? chunk : {start: chunk.start + delta, end: chunk.end + delta, line: chunk.line + lineDelta, tooDeep: chunk.tooDeep}
        definitions[to] = previous.definitions[index]!
      }
    }
  }
  let joined = sameDefinitions ? previous!.chunking.definitions : definitions.flat().join('\n')
  if (previous?.chunking.definitions === joined) joined = previous.chunking.definitions
  const chunking = {chunks, definitions: joined}
  last = {version, chunks, definitions, chunking}
  return chunking
}

/**
 * Whether chunks [aFrom, aTo) of `a` and [bFrom, bTo) of `b` hold the same definition lines in the
 * same order. Almost every chunk holds none: the walk skips them without copying the lists.
 */
function sameLines(a: ReadonlyArray<readonly string[]>, aFrom: number, aTo: number, b: ReadonlyArray<readonly string[]>, bFrom: number, bTo: number): boolean {
  let i = aFrom
  let j = bFrom
  let x = 0
  let y = 0
  for (;;) {
    while (i < aTo && x >= a[i]!.length) {
      i++
      x = 0
    }
    while (j < bTo && y >= b[j]!.length) {
      j++
      y = 0
    }
    if (i >= aTo || j >= bTo) return i >= aTo && j >= bTo
    if (a[i]![x] !== b[j]![y]) return false
    x++
    y++
  }
}

/**
 * The line scanner, from `position` (line `line`) with no fence, comment, raw HTML or front
 * matter open: the state at the start of every chunk after the first. Chunks go to `chunks`, the
 * definitions in each to `definitions`. Before starting a chunk at or after `resyncFrom` it asks
 * `resync`, and stops when that says the rest is known; it returns whether it stopped so.
 */
function scan(
  text: string,
  position: number,
  line: number,
  chunks: Chunk[],
  definitions: Array<readonly string[]>,
  resyncFrom: number,
  resync: (position: number, line: number) => boolean,
): boolean {
  let chunkStart = -1
  let chunkLine = 0
  let chunkEnd = 0
  let chunkDefinitions: string[] | undefined
  let tooDeep = false
  let fence: {char: string; length: number} | undefined
  let inComment = false
  let rawTag: string | undefined
  let frontMatter: string | undefined

  // A chunk holding a list item does not end at a blank line when the next line is indented:
  // that line continues the item ("1. Step\n\n    Note that …"), and parsed on its own it
  // would be an indented code block, its prose never read.
  let inList = false
  let blankAfterList = false

  const close = () => {
    if (chunkStart >= 0) {
      chunks.push({start: chunkStart, end: chunkEnd, line: chunkLine, tooDeep})
      definitions.push(chunkDefinitions ?? NONE)
    }
    chunkStart = -1
    chunkDefinitions = undefined
    tooDeep = false
    inList = false
    blankAfterList = false
  }

  while (position <= text.length) {
    // One pass over the line finds its end, whether it is blank, and whether it could be
    // anything but ordinary text: most lines start with a letter and hold no `<`, and those are
    // never sliced out or matched against a pattern.
    let lineEnd = position
    let firstContent = -1
    let hasAngle = false
    for (; lineEnd < text.length; lineEnd++) {
      const code = text.charCodeAt(lineEnd)
      if (code === 10 || code === 13) break
      if (firstContent < 0 && code !== 32 && code !== 9) firstContent = lineEnd
      if (code === 60) hasAngle = true
    }
    let next = lineEnd
    if (next < text.length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1
    const blank = firstContent < 0
    const first = blank ? 0 : text.charCodeAt(firstContent)
    const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
    if (blankAfterList && !blank) {
      blankAfterList = false
      if (firstContent === position) close()
    }
    if (letter && !hasAngle && firstContent - position < 4 && frontMatter === undefined && position > 0 && !inComment && !rawTag) {
      // Ordinary text, or the body of a fence: it continues the chunk and changes no state.
      if (chunkStart < 0) {
        if (position >= resyncFrom && resync(position, line)) return true
        chunkStart = position
        chunkLine = line
      }
      chunkEnd = lineEnd
      if (lineEnd === text.length) break
      position = next
      line++
      continue
    }
    const content = text.slice(position, lineEnd)

    if (position === 0 && FRONT_MATTER.test(content)) frontMatter = content.trim()
    else if (frontMatter !== undefined && (content.trim() === frontMatter || content.trim() === '...')) {
      frontMatter = undefined
      // The closing line belongs to the front matter chunk.
      chunkEnd = lineEnd
      position = next
      line++
      close()
      if (lineEnd === text.length) break
      continue
    }

    const inside = fence !== undefined || inComment || rawTag !== undefined || frontMatter !== undefined
    if (blank && !inside) {
      if (inList && chunkStart >= 0) blankAfterList = true
      else close()
    } else {
      if (chunkStart < 0) {
        if (position >= resyncFrom && resync(position, line)) return true
        chunkStart = position
        chunkLine = line
      }
      chunkEnd = lineEnd
      const prefix = CONTAINER_PREFIX.exec(content)![0]
      const rest = content.slice(prefix.length)
      if (fence) {
        const closing = FENCE.exec(rest)
        if (closing && closing[1]![0] === fence.char && closing[1]!.length >= fence.length && rest.slice(closing[1]!.length).trim() === '') fence = undefined
      } else if (inComment) {
        if (content.includes('-->')) inComment = false
      } else if (rawTag) {
        if (content.toLowerCase().includes(`</${rawTag}>`)) rawTag = undefined
      } else if (frontMatter === undefined) {
        const opening = FENCE.exec(rest)
        if (opening && !(opening[1]![0] === '`' && rest.slice(opening[1]!.length).includes('`'))) {
          fence = {char: opening[1]![0]!, length: opening[1]!.length}
        } else if (rest.includes('<!--') && !rest.slice(rest.indexOf('<!--') + 4).includes('-->')) {
          inComment = true
        } else {
          const raw = RAW_HTML_OPEN.exec(rest)
          if (raw && !rest.toLowerCase().includes(`</${raw[1]!.toLowerCase()}>`)) rawTag = raw[1]!.toLowerCase()
        }
        if (DEFINITION.test(content)) (chunkDefinitions ??= []).push(unshared(content.trim()))
        // The prefix holds only blanks, `>`, digits and list markers: `-*+.)` in it is a list item.
        if (!inList && /[-*+.)]/.test(prefix)) inList = true
        // Nesting: count quote markers and indentation columns of the prefix.
        let quotes = 0
        for (let index = 0; index < prefix.length; index++) if (prefix.charCodeAt(index) === 62) quotes++
        if (quotes > MAX_QUOTE_DEPTH || prefix.length > MAX_INDENT) tooDeep = true
      }
    }
    if (lineEnd === text.length) break
    position = next
    line++
  }
  close()
  return false
}
