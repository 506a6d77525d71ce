// Code comments → prose. A lexer per language family finds the comments (skipping strings,
// templates, regexes, raw strings and heredocs); consecutive line comments merge into one; each
// comment gets its prose (markers, tags and examples stripped), its doc tags, and the line of
// code it documents. `whylint-…` comments are directives or test markers, never prose.

import {languageFor, type LanguageFamily} from '../../languages.js'
import {lineIndex, lineStarts} from '../../lines.js'
import type {ProseBlock} from '../../prose.js'
import {parseDirective} from '../directives.js'
import type {CodeComment, CommentStyle, Directive, SourceDocument} from '../types.js'
import {commentProse, type ContentLine} from './prose.js'
import {DIALECTS, scanCLike, scanPython, scanRuby, scanShell, type RawComment, type ScanResult} from './scan.js'

export type {RawComment} from './scan.js'

// String, regex and heredoc literals per parsed document, for rules that look at code
// (an `@SuppressWarnings` inside a string is not one).
const literalsByDocument = new WeakMap<SourceDocument, Array<[number, number]>>()

/** The literal (string, template, regex, heredoc) ranges of a parsed code document. */
export function literalRanges(document: SourceDocument): ReadonlyArray<[number, number]> {
  return literalsByDocument.get(document) ?? []
}

/** Scan `text` for raw comments with the lexer for a language (TypeScript when unknown). */
export function scanComments(text: string, languageId?: string, filePath?: string): ScanResult & {family: LanguageFamily} {
  const language = languageFor(languageId, filePath)
  const family = language?.family ?? 'c-like'
  switch (family) {
    case 'python':
      return {...scanPython(text), family}
    case 'ruby':
      return {...scanRuby(text), family}
    case 'shell':
      return {...scanShell(text), family}
    case 'c-like':
      return {...scanCLike(text, DIALECTS[language?.id ?? 'typescript'] ?? DIALECTS['typescript']!), family}
  }
}

interface Lines {
  starts: number[]
  /** 0-based line of an offset. */
  of(offset: number): number
  /** Offset where line `index` ends, before its line break. */
  end(index: number): number
}

function linesOf(text: string): Lines {
  const starts = lineStarts(text)
  return {
    starts,
    of(offset) {
      return lineIndex(starts, offset)
    },
    end(index) {
      if (index + 1 >= starts.length) return text.length
      const next = starts[index + 1]!
      return text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1
    },
  }
}

function isBlankCode(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 13 || code === 10 || code === 0xfeff
}

/** Trim whitespace off an original range. */
function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && isBlankCode(text.charCodeAt(s))) s++
  while (e > s && isBlankCode(text.charCodeAt(e - 1))) e--
  return [s, e]
}

/**
 * For every line, the range of code on it (comments and surrounding whitespace excluded), or
 * undefined for a line with only comments or nothing. One pass over lines and comments.
 */
function codePerLine(text: string, lines: Lines, comments: RawComment[]): Array<[number, number] | undefined> {
  const result: Array<[number, number] | undefined> = new Array(lines.starts.length)
  let k = 0
  for (let line = 0; line < lines.starts.length; line++) {
    const lineStart = lines.starts[line]!
    const lineEnd = lines.end(line)
    let first = -1
    let last = -1
    let pos = lineStart
    while (pos < lineEnd) {
      while (k < comments.length && comments[k]!.end <= pos) k++
      const comment = comments[k]
      if (comment && comment.start <= pos) {
        pos = comment.end
        continue
      }
      const stop = comment ? Math.min(comment.start, lineEnd) : lineEnd
      const [s, e] = trimRange(text, pos, stop)
      if (e > s) {
        if (first < 0) first = s
        last = e
      }
      pos = stop
    }
    result[line] = first >= 0 ? [first, last] : undefined
  }
  return result
}

// Lines that only annotate the declaration below them: `@Override`, `@Test()`, `#[derive(Debug)]`, `[Fact]`.
const ANNOTATION_LINE = /^(?:@[A-Za-z][\w.]*(?:\([^()\n]*\))?\s*)+$|^#!?\[[^\n]*\]$|^\[[A-Z][\w.]*(?:\([^()\n]*\))?\]$/

function styleOf(raw: RawComment): CommentStyle {
  if (raw.kind === 'docstring') return 'doc'
  if (raw.marker === '///' || raw.marker === '//!' || raw.marker === '/**' || raw.marker === '/*!') return 'doc'
  return raw.kind === 'block' ? 'block' : 'line'
}

/** The content lines of a comment unit (one block, one docstring, or a run of line comments). */
function contentLines(text: string, unit: RawComment[]): ContentLine[] {
  const lines: ContentLine[] = []
  const first = unit[0]!
  if (first.kind === 'line') {
    for (const raw of unit) {
      let start = raw.contentStart
      // `////` and `##`: extra marker characters are decoration.
      const extra = raw.marker[0]!
      while (start < raw.contentEnd && text[start] === extra) start++
      lines.push(contentLine(text, start, raw.contentEnd, false))
    }
    return lines
  }
  // Block comments and docstrings: split the content into lines.
  const star = first.kind === 'block' && first.marker !== '=begin'
  let start = first.contentStart
  const end = first.contentEnd
  while (start <= end) {
    let stop = start
    while (stop < end && text.charCodeAt(stop) !== 10 && text.charCodeAt(stop) !== 13) stop++
    let lineEnd = stop
    // A block's last line: `****/` closing decoration.
    if (star && stop === end) while (lineEnd > start && text[lineEnd - 1] === '*') lineEnd--
    lines.push(contentLine(text, start, lineEnd, star))
    if (stop >= end) break
    start = stop + (text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10 ? 2 : 1)
  }
  return lines
}

function contentLine(text: string, start: number, end: number, star: boolean): ContentLine {
  let s = start
  let indent = 0
  while (s < end && (text[s] === ' ' || text[s] === '\t')) s++
  if (star && text[s] === '*') {
    while (s < end && text[s] === '*') s++
  } else indent = s - start
  if (star && s > start && text[s - 1] === '*') {
    const after = s
    while (s < end && (text[s] === ' ' || text[s] === '\t')) s++
    // The space after `*` is the margin; more is indentation (code examples).
    indent = Math.max(0, s - after - 1)
  }
  const [ts, te] = trimRange(text, s, end)
  return {start: ts, end: Math.max(ts, te), indent}
}

export function parseCode(text: string, languageId?: string, filePath?: string): SourceDocument {
  const {comments: raws, literals, family} = scanComments(text, languageId, filePath)
  const lines = linesOf(text)
  const codeLines = codePerLine(text, lines, raws)
  // The next line holding code at or after each line, skipping annotation-only lines.
  const nextCode: number[] = new Array(lines.starts.length + 1).fill(-1)
  for (let line = lines.starts.length - 1; line >= 0; line--) nextCode[line] = codeLines[line] ? line : nextCode[line + 1]!

  const isWhylint = (raw: RawComment) => /^[\s*/#!]*whylint-/.test(text.slice(raw.contentStart, Math.min(raw.contentEnd, raw.contentStart + 40)))

  // Group runs of own-line line comments on consecutive lines, same marker.
  const units: RawComment[][] = []
  let previousLine = -2
  for (const raw of raws) {
    const line = lines.of(raw.start)
    const ownLine = codeLines[line] === undefined || codeLines[line]![0] > raw.start
    const last = units[units.length - 1]
    const lastRaw = last?.[last.length - 1]
    if (
      raw.kind === 'line' &&
      ownLine &&
      last &&
      lastRaw!.kind === 'line' &&
      lastRaw!.marker === raw.marker &&
      previousLine === line - 1 &&
      !isWhylint(raw) &&
      !isWhylint(last[0]!) &&
      (codeLines[previousLine] === undefined || codeLines[previousLine]![0] > lastRaw!.start)
    ) {
      last.push(raw)
    } else units.push([raw])
    previousLine = lines.of(raw.end)
  }

  const comments: CodeComment[] = []
  const directives: Directive[] = []
  for (const unit of units) {
    const first = unit[0]!
    const last = unit[unit.length - 1]!
    const body = unit.map((raw) => text.slice(raw.contentStart, raw.contentEnd)).join('\n')
    if (isWhylint(first)) {
      const directive = parseDirective(body.replace(/^[\s*/#!]*/, ''), first.start, 'body', last.end)
      if (directive) directives.push(directive)
      continue
    }
    const {prose, tags} = commentProse(text, contentLines(text, unit), first.kind === 'docstring')
    const startLine = lines.of(first.start)
    const before = codeLines[startLine]
    const trailing = first.kind !== 'docstring' && before !== undefined && before[0] < first.start
    let code: CodeComment['code'] = null
    if (first.kind === 'docstring') {
      if (first.header) {
        const [s, e] = trimRange(text, first.header[0], first.header[1])
        code = {text: text.slice(s, e), offset: s, endOffset: e}
      }
    } else if (trailing) {
      const [s, e] = trimRange(text, lines.starts[startLine]!, first.start)
      code = {text: text.slice(s, e), offset: s, endOffset: e}
    } else {
      // A comment that ends mid-line documents the code after it; otherwise the next code line.
      const endLine = lines.of(Math.max(last.end - 1, last.start))
      const rest = codeLines[endLine]
      let target: [number, number] | undefined = rest && rest[1] > last.end ? [Math.max(rest[0], last.end), rest[1]] : undefined
      let line = endLine + 1
      while (!target && line < lines.starts.length) {
        const found = nextCode[line]!
        if (found < 0) break
        const range = codeLines[found]!
        line = found + 1
        if (ANNOTATION_LINE.test(text.slice(range[0], range[1])) && nextCode[line] !== undefined && nextCode[line]! >= 0) continue
        target = range
      }
      if (target) {
        const [s, e] = trimRange(text, target[0], target[1])
        code = {text: text.slice(s, e), offset: s, endOffset: e}
      }
    }
    comments.push({style: styleOf(first), offset: first.start, endOffset: last.end, prose, body, tags, code, trailing})
  }
  directives.sort((a, b) => a.offset - b.offset)

  const blocks: ProseBlock[] = comments.map((comment) => comment.prose).filter((block) => block.text.length > 0)
  const codeRanges: Array<[number, number]> = []
  let cursor = 0
  for (const comment of comments) {
    if (comment.offset > cursor) codeRanges.push([cursor, comment.offset])
    cursor = Math.max(cursor, comment.endOffset)
  }
  if (cursor < text.length) codeRanges.push([cursor, text.length])
  const document: SourceDocument = {kind: 'code', text, blocks, directives, comments, language: family, codeRanges}
  const marker = generatedMarker(text, comments, codeLines)
  if (marker !== undefined) document.generated = marker
  literalsByDocument.set(document, literals)
  return document
}

// What generators write at the top of a file: Go's `// Code generated … DO NOT EDIT.`, protoc's
// `DO NOT EDIT!`, `@generated`, "auto-generated". Bounded: each pattern is a word or two.
const GENERATED = /\bDO NOT EDIT\b|@generated\b|\bauto-?generated\b|\bautomatically generated\b|^\s*Code generated\b/im

// Lines that open a file before its code proper: PHP's `<?php`, `'use strict'`, a package clause.
const OPENER = /^\s*(?:<\?(?:php)?|['"]use strict['"];?|package\s+[\w.]+;?)\s*$/

const MINIFIED_MIN_LENGTH = 1000
const MINIFIED_LINE_LENGTH = 110
const SOURCE_MAP = /^\/[*/][#@] source(?:Mapping)?URL=/m

/** The generator's marker when a comment above the first line of code has one: nobody edits such a file by hand. */
function generatedMarker(text: string, comments: readonly CodeComment[], codeLines: ReadonlyArray<[number, number] | undefined>): string | undefined {
  // A minifier's output or a bundle: lines over 110 characters long on average (GitHub's
  // Linguist uses the same cut for JavaScript and CSS). Short texts are left to the rules.
  if (text.length >= MINIFIED_MIN_LENGTH && codeLines.length > 0 && text.length / codeLines.length > MINIFIED_LINE_LENGTH) return 'minified'
  // A compiler's output names its source map on one of its last two lines.
  if (SOURCE_MAP.test(text.slice(-2000).split('\n').slice(-3).join('\n'))) return 'a source map reference'
  const firstCode = codeLines.find((range) => range !== undefined && !OPENER.test(text.slice(range[0], range[1])))?.[0] ?? text.length
  for (const comment of comments) {
    if (comment.offset >= firstCode) break
    const found = GENERATED.exec(comment.body.slice(0, 2000))
    if (found) return found[0].trim()
  }
  return undefined
}
