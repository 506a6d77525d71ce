// A suppression (`eslint-disable-next-line`, `@ts-ignore`, `# type: ignore`, `#[allow(…)]`,
// `@SuppressWarnings`…) switches a check off where the author judged it wrong. Without a word on
// why, the next reader cannot tell a deliberate exception from a silenced bug.

import type {LanguageFamily} from '../../languages.js'
import {lineIndex} from '../../lines.js'
import {defineRule} from '../../rule.js'
import {literalRanges} from '../../sources/code/index.js'
import type {CodeComment, SourceDocument} from '../../sources/types.js'
import type {Fix} from '../../types.js'

export interface Options {
  minWords: number
}

/** How a marker's own comment may carry a reason. */
type ReasonStyle =
  /** Only after ` -- ` (ESLint parses anything else as rule names). */
  | 'dashes'
  /**
   * Only after ` - `: SwiftLint reads the words before it as rule names, and ` -- ` is not its
   * delimiter (`// swiftlint:disable:next nesting - Keep AnyChild inside the namespace`).
   */
  | 'dash'
  /** Anything after the marker and its arguments. */
  | 'rest'

interface CommentMarker {
  name: string
  /** Matches the marker and its arguments; linear (no nested quantifiers). */
  pattern: RegExp
  /** Must the marker open the comment? */
  anchored: boolean
  reason: ReasonStyle
  /** What the fix inserts: after the marker (` -- …`, ` - …`), as a trailing `// …`, or a comment line above. */
  fix: 'dashes' | 'dash' | 'slashes' | 'above'
  /** Language families whose tools read the marker; all when absent. */
  families?: readonly LanguageFamily[]
}

const COMMENT_MARKERS: CommentMarker[] = [
  {name: 'eslint-disable', pattern: /^eslint-disable(?:-next-line|-line)?(?![\w-])/, anchored: true, reason: 'dashes', fix: 'dashes'},
  {name: '@ts-ignore', pattern: /^@ts-(?:ignore|expect-error|nocheck)\b/, anchored: true, reason: 'rest', fix: 'dashes'},
  {name: 'type: ignore', pattern: /\btype:[ \t]*ignore\b(?:\[[^\]\n]*\])?/, anchored: false, reason: 'rest', fix: 'above', families: ['python']},
  {name: 'noqa', pattern: /\bnoqa\b(?::[ \t]*[A-Z]+\d+(?:[ \t]*,[ \t]*[A-Z]+\d+)*)?/i, anchored: false, reason: 'rest', fix: 'above', families: ['python']},
  {name: 'pylint: disable', pattern: /\bpylint:[ \t]*disable(?:-next)?=[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*/, anchored: false, reason: 'rest', fix: 'above', families: ['python']},
  {name: 'nolint', pattern: /^nolint(?::[\w-]+(?:,[\w-]+)*)?/, anchored: true, reason: 'rest', fix: 'slashes'},
  {name: 'NOLINT', pattern: /\bNOLINT(?:NEXTLINE|BEGIN)?(?:\([^)\n]*\))?/, anchored: false, reason: 'rest', fix: 'above', families: ['c-like']},
  {name: 'swiftlint:disable', pattern: /^swiftlint:disable(?::next|:this|:previous)?(?![\w-])/, anchored: true, reason: 'dash', fix: 'dash'},
  {
    name: 'rubocop:disable',
    pattern: /^rubocop:(?:disable|todo)(?:[ \t]+(?:all|[A-Z]\w*\/\w+|[A-Z]\w*)(?:[ \t]*,[ \t]*(?:[A-Z]\w*\/\w+|[A-Z]\w*))*)?/,
    anchored: true,
    reason: 'rest',
    fix: 'dashes',
  },
  {name: 'shellcheck disable', pattern: /^shellcheck[ \t]+disable=[\w,-]+/, anchored: true, reason: 'rest', fix: 'above'},
]

interface CodeMarker {
  name: string
  pattern: RegExp
  /** An argument that is itself the reason: Rust's `reason = "…"`, .NET's `Justification = "…"`. */
  inlineReason?: RegExp
  /** Lines written with the suppression as one group just above it, so a reason on or above them counts too. */
  group?: RegExp
}

// An argument list: nested parentheses one level deep, on one line. Linear: the two
// alternatives start with different characters.
const ARGS = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)?`

const CODE_MARKERS: CodeMarker[] = [
  {name: '@SuppressWarnings', pattern: new RegExp(String.raw`@SuppressWarnings\b(?:${ARGS})?`, 'g')},
  {name: '@Suppress', pattern: new RegExp(String.raw`@(?:file:)?Suppress\b(?:${ARGS})?`, 'g')},
  // Android Lint's own annotation, in Java and Kotlin: `@SuppressLint("ClickableViewAccessibility")`.
  {name: '@SuppressLint', pattern: new RegExp(String.raw`@(?:file:)?SuppressLint\b(?:${ARGS})?`, 'g')},
  {name: '#[allow]', pattern: new RegExp(String.raw`#!?\[(?:allow|expect)${ARGS}\]?`, 'g'), inlineReason: /\breason[ \t]*=[ \t]*"[^"\n]*"/},
  {name: 'SuppressMessage', pattern: new RegExp(String.raw`\[(?:assembly:[ \t]*)?SuppressMessage${ARGS}\]?`, 'g'), inlineReason: /\bJustification[ \t]*=[ \t]*"[^"\n]*"/},
  {name: '#pragma warning disable', pattern: /#pragma[ \t]+warning[ \t]*(?:disable\b|\([ \t]*disable)[^\n/]*/g},
  // Clang's and GCC's, in C, C++ and Objective-C: `#pragma clang diagnostic ignored
  // "-Wdeprecated-declarations"` before a call to `setStatusBarHidden:`. One comment often
  // explains a group: `#if defined(__clang__)`, `#pragma clang diagnostic push`, then two
  // `ignored` lines. So a comment on or above any line of the group counts.
  {
    name: '#pragma diagnostic ignored',
    pattern: /#pragma[ \t]+(?:clang|GCC)[ \t]+diagnostic[ \t]+ignored\b[^\n/]*/g,
    group: /^[ \t]*#[ \t]*(?:pragma[ \t]+(?:clang|GCC)[ \t]+diagnostic[ \t]+(?:push|ignored)\b|if(?:def)?[ \t]+(?:defined[ \t]*\(?)?__(?:clang|GNUC)__)/,
  },
]

/** One physical line of comment text, markers stripped. */
interface CommentLine {
  line: number
  /** Original offset of `text`. */
  start: number
  text: string
  /** No code before it on its line. */
  ownLine: boolean
  /** Doc comments and docstrings: prose about code, where only a marker that opens the line counts. */
  doc: boolean
}

const WORD = /[\p{L}][\p{L}'’-]*/gu

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/**
 * Python suppressions whose line says why: `from six.moves import map  # pylint:
 * disable=redefined-builtin` imports the builtin on purpose, an import out of place inside a
 * `try:` that catches `ImportError` is an optional one, and a star import re-exports. Bounded:
 * one line, and eight around it.
 */
function evidentInPython(marker: string, {code, around}: {code: string; around: string}): boolean {
  if (/redefined-builtin|W0622/.test(marker) && /^\s*from\s+(?:six\.moves|builtins|future\.builtins|past\.builtins|__builtin__)\s+import\b/.test(code)) return true
  // `from attr.converters import *  # noqa`: a star import re-exports a module, which is what
  // the unused-import and star-import checks object to.
  if (/^noqa\b(?!:)|F401|F403|F405|unused-import|wildcard-import|W0611|W0401/.test(marker) && /^\s*from\s+[\w.]+\s+import\s+\*/.test(code)) return true
  // Bounded: `around` is eight lines.
  if (/import-not-at-top|import-outside-toplevel|wrong-import-position|ungrouped-imports|C0415|C0413|E402/.test(marker) && /^\s+(?:import|from)\s/.test(code)) {
    return /^\s*try\s*:/m.test(around) && /^\s*except\s*\(?\s*(?:ImportError|ModuleNotFoundError)\b/m.test(around)
  }
  return false
}

// Names only Python 2 defines: `_long_type = long  # noqa` is undefined to a checker on Python 3.
const PYTHON2_NAME = /\b(?:long|unicode|xrange|basestring|raw_input|unichr|izip|imap|ifilter|izip_longest|reduce|execfile|reload|buffer|cmp|file)\b/
// The condition of a branch for one Python version: `if sys.version_info[0] < 3:`, `if PY2:`.
const VERSION_BRANCH = /^\s*(?:el)?if\b.*\b(?:version_info|PY2|PY3|PY_2|PY_3|python_version|sys\.version)\b/

/**
 * Whether line `index` sits in a block for one Python version: the nearest less indented line
 * above it tests the version, or is the `else:` of such a test. Bounded: 60 lines up.
 */
function inVersionBranch(text: string, starts: readonly number[], index: number): boolean {
  const lineAt = (at: number) => text.slice(starts[at], starts[at + 1] ?? text.length).replace(/\r?\n$/, '')
  const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length
  let indent = indentOf(lineAt(index))
  for (let at = index - 1; at >= 0 && at >= index - 60; at--) {
    const line = lineAt(at)
    if (line.trim() === '' || line.trimStart().startsWith('#') || indentOf(line) >= indent) continue
    if (VERSION_BRANCH.test(line)) return true
    // An `else:` belongs to the `if` above it at its own indentation.
    if (!/^\s*else\s*:/.test(line)) return false
    indent = indentOf(line) + 1
  }
  return false
}

// A version condition is a reason in two words or fewer: `# Python < 3.8` above a fallback that
// the type checker sees twice. Bounded: at most 31 characters of name from each start.
const VERSION_CONDITION = /\b[\p{L}][\p{L}\d.-]{0,30}[ \t]*(?:<=?|>=?|==|!=)[ \t]*v?\d+(?:\.\d+)*/u

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

function lineOf(starts: number[], offset: number): number {
  return lineIndex(starts, offset)
}

// Markers a comment line opens with.
const OPEN = /^[ \t]*(?:\/\/[/!]?|\/\*+!?|#+|\*+(?!\/)|"""|'''|=begin\b)?[ \t]*/

/** Length of `value` without trailing whitespace and a trailing block-comment or docstring closer. */
function contentLength(value: string): number {
  let end = value.trimEnd().length
  if (value.startsWith('*/', end - 2)) {
    end -= 2
    while (end > 0 && value[end - 1] === '*') end--
  } else if (value.startsWith('"""', end - 3) || value.startsWith("'''", end - 3)) end -= 3
  return value.slice(0, end).trimEnd().length
}

function commentLines(document: SourceDocument, comment: CodeComment, starts: number[]): CommentLine[] {
  const text = document.text
  const result: CommentLine[] = []
  let offset = comment.offset
  const raw = text.slice(comment.offset, comment.endOffset)
  for (const piece of raw.split(/\r\n|\r|\n/)) {
    const open = OPEN.exec(piece)![0].length
    const value = piece.slice(open, open + contentLength(piece.slice(open)))
    result.push({line: lineOf(starts, offset), start: offset + open, text: value, ownLine: offset !== comment.offset || !comment.trailing, doc: comment.style === 'doc'})
    offset += piece.length
    // Step over the line break that split this piece off.
    if (text[offset] === '\r' && text[offset + 1] === '\n') offset += 2
    else if (offset < comment.endOffset) offset += 1
  }
  return result
}

function findMarker(text: string, family: LanguageFamily | undefined, doc = false): {marker: CommentMarker; index: number; end: number} | undefined {
  for (const marker of COMMENT_MARKERS) {
    if (doc && !marker.anchored) continue
    if (marker.families && (!family || !marker.families.includes(family))) continue
    const match = marker.pattern.exec(text)
    if (!match || (marker.anchored && match.index !== 0)) continue
    // A marker quoted in prose (`# type: ignore` between backticks) is a mention, not a suppression.
    if (!marker.anchored && (text.slice(0, match.index).split('`').length - 1) % 2 === 1) continue
    return {marker, index: match.index, end: match.index + match[0].length}
  }
  return undefined
}

/** The reason written after a marker in its own comment, by the marker's convention. */
function reasonAfter(rest: string, style: ReasonStyle): string {
  if (style === 'dashes') {
    const dashes = /(?:^|\s)--(?:\s|$)/.exec(rest)
    return dashes ? rest.slice(dashes.index + dashes[0].length) : ''
  }
  if (style === 'dash') {
    const dash = rest.indexOf(' - ')
    return dash === -1 ? '' : rest.slice(dash + 3)
  }
  return rest.replace(/^[\s:#/*-]+/, '')
}

export default defineRule<Options>({
  id: 'suppression-without-reason',
  description: 'Say why a lint or type-check suppression is needed',
  defaultSeverity: 'warning',
  targets: ['code'],
  fixable: true,
  options: {
    minWords: {type: 'integer', description: 'Words a reason needs to count as one', default: 2, minimum: 1},
  },
  run({document, options, report}) {
    const text = document.text
    const starts = lineStarts(text)
    const lines = (document.comments ?? []).flatMap((comment) => commentLines(document, comment, starts))
    const byLine = new Map<number, CommentLine[]>()
    for (const line of lines) {
      const list = byLine.get(line.line)
      if (list) list.push(line)
      else byLine.set(line.line, [line])
    }
    const hashComments = document.language === 'python' || document.language === 'ruby' || document.language === 'shell'

    const explains = (comment: CommentLine) => !findMarker(comment.text, document.language as LanguageFamily | undefined) && (wordCount(comment.text) >= options.minWords || VERSION_CONDITION.test(comment.text))
    /**
     * Whether other comment text on `line`, or an own-line comment on the line above, explains it.
     * `below`: also one on the line below, between an attribute and the item it sits on
     * (`#[allow(dead_code)]`, then `// Check that … are not overridden`, then `fn assert_derives()`).
     */
    const explainedAround = (line: number, except?: CommentLine, below = false): boolean => {
      for (const other of byLine.get(line) ?? []) {
        if (other !== except && explains(other)) return true
      }
      for (const near of [...(byLine.get(line - 1) ?? []), ...(below ? (byLine.get(line + 1) ?? []) : [])]) {
        if (near.ownLine && explains(near)) return true
      }
      return false
    }

    /** Whether a line of the group of `pattern` lines right above `line` has a reason on or above it. */
    const groupExplained = (pattern: RegExp, line: number): boolean => {
      for (let above = line - 1; above >= 0 && pattern.test(text.slice(starts[above], starts[above + 1])); above--) {
        if (explainedAround(above)) return true
      }
      return false
    }

    /** The code a Python suppression is about, with the lines around it: its own line's code, or the next line's for a comment on its own line. */
    const codeLineOf = (comment: CommentLine): {code: string; around: string} => {
      const index = comment.ownLine ? comment.line + 1 : comment.line
      const from = starts[index] ?? text.length
      const to = starts[index + 1] ?? text.length
      const code = comment.ownLine ? text.slice(from, to) : text.slice(from, comment.start)
      // Three lines up and four down, for a `try:` and its `except ImportError:`.
      const around = text.slice(starts[Math.max(0, index - 3)] ?? 0, starts[index + 5] ?? text.length)
      return {code, around}
    }

    const aboveFix = (offset: number, what: string): Fix => {
      const line = lineOf(starts, offset)
      const lineStart = starts[line]!
      const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0]
      const eol = /\r\n/.test(text) ? '\r\n' : '\n'
      const prefix = hashComments ? '#' : '//'
      return {
        title: 'Add a comment saying why',
        edits: [
          {
            offset: lineStart,
            endOffset: lineStart,
            text: `${indent}${prefix} <why ${what} is needed here>${eol}`,
            snippet: `${indent}${prefix} \${1:why ${what} is needed here}${eol}`,
          },
        ],
      }
    }

    for (const line of lines) {
      const found = findMarker(line.text, document.language as LanguageFamily | undefined, line.doc)
      if (!found) continue
      const {marker} = found
      const reason = reasonAfter(line.text.slice(found.end), marker.reason)
      if (wordCount(reason) >= options.minWords || VERSION_CONDITION.test(reason) || explainedAround(line.line, line)) continue
      if (document.language === 'python' && evidentInPython(line.text.slice(found.index, found.end), codeLineOf(line))) continue
      if (document.language === 'python' && !line.ownLine && PYTHON2_NAME.test(text.slice(starts[line.line], line.start)) && inVersionBranch(text, starts, line.line)) continue
      const start = line.start + found.index
      const end = line.start + line.text.length
      const shown = line.text.slice(found.index, found.end)
      let fix: Fix
      if (marker.fix !== 'above') {
        const separator = marker.fix === 'dashes' ? ' --' : marker.fix === 'dash' ? ' -' : ' //'
        fix = {
          title: 'Add a reason after the suppression',
          edits: [{offset: end, endOffset: end, text: `${separator} <why this rule does not apply here>`, snippet: `${separator} \${1:why this rule does not apply here}`}],
        }
      } else fix = aboveFix(start, 'this suppression')
      report({
        message: `Unexpected \`${shown}\` without a reason, expected a few words on why the check does not apply here`,
        start,
        end,
        actual: shown,
        fixes: [fix],
      })
    }

    // Suppressions written as code: annotations, attributes, pragmas.
    if (document.kind !== 'code' || !document.language || document.language !== 'c-like') return
    const literals = literalRanges(document)
    const inside = (ranges: ReadonlyArray<readonly [number, number]>, offset: number) => {
      let lo = 0
      let hi = ranges.length - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const range = ranges[mid]!
        if (offset < range[0]) hi = mid - 1
        else if (offset >= range[1]) lo = mid + 1
        else return true
      }
      return false
    }
    for (const marker of CODE_MARKERS) {
      marker.pattern.lastIndex = 0
      let match: RegExpExecArray | null
      while ((match = marker.pattern.exec(text))) {
        const start = match.index
        if (!inside(document.codeRanges, start) || inside(literals, start)) continue
        // `reason = "…"` with words in it.
        const inline = marker.inlineReason?.exec(match[0])
        if (inline && wordCount(inline[0].slice(inline[0].indexOf('"'))) >= options.minWords) continue
        const shown = match[0].trimEnd()
        const line = lineOf(starts, start)
        if (explainedAround(line, undefined, true)) continue
        if (marker.group && groupExplained(marker.group, line)) continue
        // `#[allow(dead_code)] fn assert_send() {…}`: a function that only has to compile, a
        // check on types, never called; its name says so. Bounded: one line after the attribute.
        if (/dead_code/.test(shown) && /^\s*(?:pub(?:\([\w ]{1,30}\))?\s+)?(?:const\s+)?fn\s+_?assert_\w/.test(text.slice(start + match[0].length, start + match[0].length + 200))) continue
        report({
          message: `Unexpected \`${shown}\` without a reason, expected a comment on why the check does not apply here`,
          start,
          end: start + shown.length,
          actual: shown,
          fixes: [aboveFix(start, 'this suppression')],
        })
      }
    }
  },
})
