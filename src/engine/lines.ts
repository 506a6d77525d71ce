// Line starts of a text (LF, CRLF and CR all end a line) and the line holding an offset.

export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

/** 0-based index of the line holding `offset`, by binary search over `lineStarts`. */
export function lineIndex(starts: readonly number[], offset: number): number {
  return lastAtOrBefore(starts, offset, starts.length)
}

/** Index of the last of the first `count` ascending `values` at or before `value` (0 when none is). */
export function lastAtOrBefore(values: readonly number[], value: number, count: number): number {
  let lo = 0
  let hi = count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (values[mid]! <= value) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Where two texts differ: the length of their common prefix and of their common suffix. */
export interface TextEdit {
  prefix: number
  /** Never overlaps the prefix in either text. */
  suffix: number
}

/**
 * The common prefix and suffix of two texts. Compared a halving range at a time, so the engine's
 * native string comparison does the work (a character loop costs a millisecond per megabyte).
 */
export function textEdit(previous: string, next: string): TextEdit {
  const shorter = Math.min(previous.length, next.length)
  let lo = 0
  let hi = shorter
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (previous.slice(lo, mid) === next.slice(lo, mid)) lo = mid
    else hi = mid - 1
  }
  const prefix = lo
  lo = 0
  hi = shorter - prefix
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (previous.slice(previous.length - mid, previous.length - lo) === next.slice(next.length - mid, next.length - lo)) lo = mid
    else hi = mid - 1
  }
  return {prefix, suffix: lo}
}

/**
 * A text the engine was given, as what it keeps between lints knows it. The line index, the
 * chunks, the parse and the findings of the last lint each record the version they were made
 * from, not its text: only the latest text is kept here, with the edit that made it from the
 * one before. Were each of them to keep the text it was made from until its own turn in the
 * next lint, the earlier text would outlive most of that lint, and a young collection then
 * carries it into the old generation: two megabytes a keystroke on a megabyte of curly quotes,
 * and a full collection every few keystrokes under the editor's worker's heap limit.
 */
export interface Version {
  readonly length: number
}

let latest: {text: string; version: Version} | undefined
let step: {from: Version; to: Version; edit: TextEdit} | undefined

/** The version of `text`: the latest one if it is the latest text, else a new latest one. */
export function versionOf(text: string): Version {
  if (latest?.text === text) return latest.version
  const version: Version = {length: text.length}
  step = latest ? {from: latest.version, to: version, edit: textEdit(latest.text, text)} : undefined
  latest = {text, version}
  return version
}

/**
 * Where the text of version `to` differs from that of `from`, known when `from` came right
 * before it; undefined otherwise (another text came between, and what was built on `from` is
 * built again).
 */
export function editBetween(from: Version, to: Version): TextEdit | undefined {
  if (from === to) return {prefix: from.length, suffix: 0}
  return step !== undefined && step.from === from && step.to === to ? step.edit : undefined
}

/**
 * The edit that made `version` from the version `previous` was built on, when building on it is
 * worth it: both texts longer than `INCREMENTAL_FROM` characters (smaller ones are cheaper to
 * scan again than to patch) and `previous` the version just before.
 */
export function editSince(previous: Version | undefined, version: Version): TextEdit | undefined {
  if (!previous || previous.length <= INCREMENTAL_FROM || version.length <= INCREMENTAL_FROM) return undefined
  return editBetween(previous, version)
}

const INCREMENTAL_FROM = 4096

/**
 * `lineStarts(text)` computed from the line starts of an earlier version of the text: only the
 * lines around the edit are scanned, the rest are copied (shifted after the edit).
 */
export function lineStartsAfterEdit(previous: string, previousStarts: readonly number[], text: string): number[] {
  return updateLineStarts(previous.length, previousStarts.slice(), text, textEdit(previous, text))
}

let lastLines: {version: Version; starts: number[]} | undefined

/** Forget the last text's line starts and the texts seen (cold-lint benchmarks). */
export function forgetLastLines(): void {
  lastLines = undefined
  latest = undefined
  step = undefined
}

/**
 * `lineStarts(text)`, reusing the last text's line starts when this text is an edit of it. The
 * array returned is the engine's own: the next call updates it in place (a megabyte of text has
 * tens of thousands of lines, and a new array per keystroke is garbage the size of the index).
 */
export function lineStartsOfEdited(text: string): number[] {
  const last = lastLines
  const version = versionOf(text)
  if (last?.version === version) return last.starts
  const edit = editSince(last?.version, version)
  const starts = edit ? updateLineStarts(last!.version.length, last!.starts, text, edit) : lineStarts(text)
  lastLines = {version, starts}
  return starts
}

/** `lineStartsAfterEdit`, done to `starts` itself, from the edit that made `text` from a text `previousLength` long. */
function updateLineStarts(previousLength: number, starts: number[], text: string, {prefix, suffix}: TextEdit): number[] {
  const from = Math.max(prefix, 1)
  const kept = lineIndex(starts, from - 1) + 1
  const to = text.length - suffix
  const middle: number[] = []
  for (let index = from; index <= to; index++) {
    const code = text.charCodeAt(index - 1)
    if (code === 10 || (code === 13 && text.charCodeAt(index) !== 10)) middle.push(index)
  }
  const delta = text.length - previousLength
  const tailFrom = previousLength - suffix + 1
  const tail = lineIndex(starts, tailFrom - 1) + 1
  const tailLength = starts.length - tail
  const target = kept + middle.length
  if (target !== tail) {
    if (target > tail) {
      // Grow first, then move the tail up; moving down needs no room.
      starts.length = target + tailLength
      starts.copyWithin(target, tail, tail + tailLength)
    } else {
      starts.copyWithin(target, tail, tail + tailLength)
      starts.length = target + tailLength
    }
  }
  for (let index = 0; index < middle.length; index++) starts[kept + index] = middle[index]!
  if (delta !== 0) for (let index = target; index < target + tailLength; index++) starts[index]! += delta
  return starts
}

/**
 * `value` as a string of its own. A slice of a long text can share the text's memory (V8 keeps a
 * pointer to the whole), so a cache that keeps a paragraph sliced from a megabyte document keeps
 * the megabyte; after a few hundred keystrokes, a few hundred of them. Prepending a character
 * makes the engine copy the characters once, and the slice after it shares only that copy.
 */
export function unshared(value: string): string {
  // V8 copies the characters of shorter slices and joins (its minimum for both is 13).
  return value.length < 13 ? value : (' ' + value).slice(1)
}
