// Commit messages as git sees them: comment lines (`#` by default) and everything below the
// scissors line are not part of the message; the first line is the subject; a final paragraph
// of `Key: value` lines is trailers. Works with LF, CRLF and CR line ends.

import {addMasked, ProseBuilder, type ProseBlock} from '../prose.js'
import type {CommitMessage, CommitTrailer, SourceDocument} from './types.js'

interface Line {
  text: string
  offset: number
  end: number
  /** Offset after the line break. */
  next: number
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let index = 0; index <= text.length; index++) {
    const char = text.charCodeAt(index)
    if (index === text.length || char === 10 || char === 13) {
      let next = index + 1
      if (char === 13 && text.charCodeAt(index + 1) === 10) next++
      if (index === text.length) next = index
      lines.push({text: text.slice(start, index), offset: start, end: index, next})
      if (index === text.length) break
      index = next - 1
      start = next
    }
  }
  return lines
}

// `Signed-off-by: A <a@b>`, `Co-authored-by: …`, `Fixes: #12`, and GitHub's `Fixes #12`.
const TRAILER = /^([A-Za-z][A-Za-z0-9-]*)(?::\s*(\S.*)|\s+(#\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+))$/

/** A continuation: a folded trailer value goes on in an indented line. */
const CONTINUATION = /^\s+\S/

/**
 * Whether the last paragraph is trailers, as `git interpret-trailers` decides: every line a
 * trailer or a continuation, or a quarter of them trailers with one that git writes itself
 * (`Signed-off-by`, `(cherry picked from commit …)`). The second form lets a maintainer's note
 * such as `[jc: reworded]` sit between sign-offs.
 */
function isTrailerBlock(paragraph: readonly Line[]): boolean {
  if (paragraph.length === 0) return false
  let trailers = 0
  let written = false
  let all = true
  paragraph.forEach((line, index) => {
    if (TRAILER.test(line.text)) trailers++
    else if (!(index > 0 && CONTINUATION.test(line.text))) all = false
    if (/^Signed-off-by:|^\(cherry picked from commit /.test(line.text)) written = true
  })
  return all || (written && trailers * 4 >= paragraph.length)
}

export function parseCommitMessage(text: string, commentChar = '#'): CommitMessage {
  const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) && !/\n/.test(text) ? '\r' : '\n'
  const all = splitLines(text)
  const scissors = `${commentChar} ------------------------ >8 ------------------------`
  const lines: Line[] = []
  let contentEnd = text.length
  for (const line of all) {
    if (line.text === scissors) {
      contentEnd = line.offset
      break
    }
    if (line.text.startsWith(commentChar)) continue
    lines.push(line)
  }
  // The message ends at its last non-blank line.
  while (lines.length > 0 && lines[lines.length - 1]!.text.trim() === '') lines.pop()
  if (lines.length > 0) contentEnd = Math.min(contentEnd, lines[lines.length - 1]!.end)

  let first = 0
  while (first < lines.length && lines[first]!.text.trim() === '') first++
  const subjectLine = lines[first]
  const subject = subjectLine ? subjectLine.text.trim() : ''
  const subjectOffset = subjectLine ? subjectLine.offset + (subjectLine.text.length - subjectLine.text.trimStart().length) : 0
  const rest = subjectLine ? lines.slice(first + 1) : []
  const hasBlankAfterSubject = rest.length === 0 || rest[0]!.text.trim() === ''

  // Trailers: the last paragraph, when git would read it as trailers.
  let bodyLines = rest
  const trailers: CommitTrailer[] = []
  let paragraphStart = rest.length
  while (paragraphStart > 0 && rest[paragraphStart - 1]!.text.trim() !== '') paragraphStart--
  const last = rest.slice(paragraphStart)
  if (paragraphStart > 0 && isTrailerBlock(last)) {
    for (const line of last) {
      const match = TRAILER.exec(line.text)
      if (match) trailers.push({key: match[1]!, value: (match[2] ?? match[3] ?? '').trim(), offset: line.offset, endOffset: line.end})
      else if (trailers.length > 0 && CONTINUATION.test(line.text)) {
        const previous = trailers[trailers.length - 1]!
        previous.value += ` ${line.text.trim()}`
        previous.endOffset = line.end
      }
    }
    bodyLines = rest.slice(0, paragraphStart)
  }
  while (bodyLines.length > 0 && bodyLines[0]!.text.trim() === '') bodyLines = bodyLines.slice(1)
  while (bodyLines.length > 0 && bodyLines[bodyLines.length - 1]!.text.trim() === '') bodyLines = bodyLines.slice(0, -1)

  return {
    subject,
    subjectOffset,
    subjectEndOffset: subjectOffset + subject.length,
    subjectLineEnd: subjectLine ? subjectLine.end : 0,
    hasBlankAfterSubject,
    bodyLines: bodyLines.map((line) => ({text: line.text, offset: line.offset, endOffset: line.end})),
    trailers,
    contentEnd,
    eol,
  }
}

/**
 * Not prose: indented by four or more spaces or a tab (code, log output), quoted (`>`), a
 * machine-written `key-name: value` line (Dependabot's `dependency-name: mypy`), or a table row
 * (two pipes outside code spans: `Job | 64k | 16k`).
 */
function isLiteralLine(text: string): boolean {
  return (
    /^(?: {4}|\t)/.test(text) ||
    /^\s*>/.test(text) ||
    /^\s*(?:- )?[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+:(?:\s|$)/.test(text) ||
    /\|[^|]*\|/.test(text.replace(/`[^`]*`/g, ''))
  )
}

const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+/

export function parseCommit(text: string, commentChar = '#'): SourceDocument {
  const commit = parseCommitMessage(text, commentChar)
  const blocks: ProseBlock[] = []
  const codeRanges: Array<[number, number]> = []
  if (commit.subject) {
    const builder = new ProseBuilder('commit-subject')
    addMasked(builder, commit.subject, commit.subjectOffset)
    blocks.push(builder.build())
  }
  let builder: ProseBuilder | undefined
  const flush = () => {
    if (builder && builder.length > 0) blocks.push(builder.build())
    builder = undefined
  }
  for (const line of commit.bodyLines) {
    if (line.text.trim() === '') {
      flush()
      continue
    }
    if (isLiteralLine(line.text)) {
      flush()
      codeRanges.push([line.offset, line.endOffset])
      continue
    }
    const bullet = BULLET.exec(line.text)
    if (bullet) flush()
    if (builder) builder.add(' ', line.offset - 1 >= 0 ? line.offset - 1 : line.offset)
    builder ??= new ProseBuilder('commit-body')
    const skip = bullet ? bullet[0].length : line.text.length - line.text.trimStart().length
    addMasked(builder, line.text.slice(skip), line.offset + skip)
  }
  flush()
  for (const trailer of commit.trailers) codeRanges.push([trailer.offset, trailer.endOffset])
  return {kind: 'commit', text, blocks, directives: [], commit, codeRanges}
}
