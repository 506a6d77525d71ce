// Generators and templates leave placeholders for a person to fill: docstring stubs
// (`_summary_`, `[description]`), snippet tab stops (`${1:…}`), PR templates' instructions
// (`<!-- Describe your changes -->`) and their headings. Left in place, they read as if the
// why was written when it was not.

import {editSince, unshared, versionOf, type Version} from '../../lines.js'
import {defineRule} from '../../rule.js'
import type {SourceDocument} from '../../sources/types.js'
import type {Fix} from '../../types.js'

export interface Options {
  emptyHeadings: boolean
}

export interface Placeholder {
  pattern: RegExp
  what: string
  needles: string[]
  lead?: number
}

// Placeholders as generators write them. Alternatives only; no nested quantifiers. `needles`:
// every match holds one of them at most `lead` characters after its start (compared as the
// pattern compares), so a pattern is tried only at the few places before a needle: on a megabyte
// document, five regex scans per keystroke cost more than everything else. Needles of one or two
// characters are the cheapest to look for.
export const PLACEHOLDERS: ReadonlyArray<Placeholder> = [
  {pattern: /(?<![\w`])_(?:summary|extended_summary|description|type|name|returns?)_(?![\w`])/g, what: 'docstring stub', needles: ['_']},
  {pattern: /\[(?:summary|extended_summary|description|type)\]/g, what: 'docstring stub', needles: ['[']},
  {pattern: /\bTODO:?[ \t]+(?:describe\b|add (?:a )?description\b|document (?:this|me)\b|write (?:a )?description\b)/gi, what: 'to-do stub', needles: ['todo']},
  {pattern: /\b(?:The )?[Dd]escription of the (?:parameter|return value|returned value|function|method|class|property)\b/g, what: 'generated description', needles: ['escription of the'], lead: 5},
  // bounded: a tab stop's default text is read for at most 500 characters, so a line of unclosed
  // `${1:` is not rescanned to its end from each one.
  {pattern: /\$\{\d+(?::[^}\n]{0,500})?\}/g, what: 'snippet tab stop', needles: ['${']},
]

// Before a JSDoc optional parameter's name: `@param {T} ` up to the `[`.
// bounded: tested only on the 200 characters before a `[`.
const OPTIONAL_PARAM = /@(?:param|arg|argument|property|prop|template)[ \t]+(?:\{[^}\n]*\}[ \t]*)?$/

// First words of template instructions left in HTML comments.
const INSTRUCTION = /^(?:describe|please|explain|add|list|provide|link|include|write|summari[sz]e|mention|tell|give|insert|replace|fill|remove|delete|attach|enter|reference|specify|outline|what|why|how|if|thanks?|thank you|before|make sure|ensure|check|put|use this|this section|e\.g\.)\b/i
// HTML comments that are tooling, not instructions.
const TOOLING = /^(?:whylint-|prettier-|markdownlint|eslint|textlint|vale |toc\b|lint|remark-|cspell|spell-?checker|ignore|end|begin|start|auto-?generated|generated|do not edit|tabs|include)/i
const LICENSE = /\b(?:licen[cs]e|copyright|spdx)\b/i
// `<!--list start-->`, `<!-- tocstop -->`, `<!-- ALL-CONTRIBUTORS-LIST:END -->`: a generator's marker.
// One or two words (the parts are disjoint, so the match is linear), the last ending the marker.
const MARKER_WORDS = /^[\w.:-]+(?:[ \t]+[\w.:-]+)?$/
const MARKER_END = /(?:start|end|begin|stop)$/i
// A note to the next maintainer stays: "has to be in sync with the monorepo readme", "`spread`
// is intentionally not documented", "If the previous section needs updating, also update it in …".
const MAINTAINER_NOTE = /\b(?:in[ -]sync|intentionally|on purpose|deliberately|up to date|do not (?:edit|change|remove|move|touch|translate)|don't (?:edit|change|remove|move|touch|translate)|also update|update (?:it|this|them) (?:too|as well)|keep (?:it|this|them|these) (?:consistent|aligned|in step))\b/i
// "Note:" heads an instruction ("Note: please list the tests you ran") as often as a remark.
const NOTE_LABEL = /^(?:note|nb|n\.b\.|important)\s*[:-]\s*/i

// The template itself holds its instructions on purpose: `.github/PULL_REQUEST_TEMPLATE.md`,
// `.github/ISSUE_TEMPLATE/bug_report.md`, `.gitlab/merge_request_templates/`, `docs/templates/`,
// `notes.template.md`. Asking to remove them there would empty the template.
const TEMPLATE_SEGMENT = /^(?:pull_request_template|issue_template|merge_request_templates?|issue_templates?|discussion_templates?|templates?)$/i

function isTemplateFile(path: string): boolean {
  const segments = path.split(/[\\/]/)
  const name = segments.pop() ?? ''
  return segments.some((segment) => TEMPLATE_SEGMENT.test(segment)) || TEMPLATE_SEGMENT.test(name.replace(/\.[^.]*$/, '')) || /\.template\.[a-z]+$/i.test(name)
}

// Headings of PR and issue templates; in plain Markdown only these count as template headings.
const TEMPLATE_HEADING = /^(?:description|summary|motivation(?: and context)?|context|changes(?: made)?|what(?:'s| is| does)?\b.*|why\b.*|how\b.*|testing|test plan|tests?|how (?:has this been|to) tested?.*|checklist|screenshots?.*|related (?:issues?|tickets?|prs?)|issues?|type of change|breaking changes?|notes?(?: for reviewers)?|additional (?:context|notes|information)|steps to reproduce|expected behaviou?r|actual behaviou?r|environment|possible solution|risks?|rollback(?: plan)?|alternatives(?: considered)?)\s*:?$/i

/** Whether a line prefix leaves a quote open: any of `quotes` (all three by default). */
function insideQuotes(prefix: string, quotes: readonly string[] = ["'", '"', '`']): boolean {
  return quotes.some((quote) => prefix.split(quote).length % 2 === 0)
}

/**
 * Ascending positions a match could start at: up to `lead` characters before each needle. Needles
 * of a pattern that ignores case are found the way the pattern compares (lower-casing the text
 * could change its length and so its offsets).
 */
function candidates(text: string, needles: readonly string[], lead: number, ignoreCase: boolean): number[] {
  const found: number[] = []
  const add = (at: number) => {
    for (let start = Math.max(0, at - lead); start <= at; start++) found.push(start)
  }
  if (ignoreCase) {
    const finder = new RegExp(needles.map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
    for (let match = finder.exec(text); match; match = finder.exec(text)) {
      add(match.index)
      finder.lastIndex = match.index + 1
    }
  } else {
    for (const needle of needles) for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) add(at)
  }
  return found.sort((a, b) => a - b)
}

const stickyPatterns = new Map<RegExp, RegExp>()

/**
 * The matches a global scan of `text` with the placeholder's pattern finds, trying the pattern
 * only where a match can start: the same matches, in the same non-overlapping left-to-right order.
 */
export function* placeholderMatches(text: string, {pattern, needles, lead = 0}: Placeholder): Generator<RegExpExecArray> {
  const starts = candidates(text, needles, lead, pattern.ignoreCase)
  let sticky = stickyPatterns.get(pattern)
  if (!sticky) {
    sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y')
    stickyPatterns.set(pattern, sticky)
  }
  let next = 0
  let previous = -1
  for (const start of starts) {
    if (start < next || start === previous) continue
    previous = start
    sticky.lastIndex = start
    const match = sticky.exec(text)
    if (!match) continue
    next = start + Math.max(match[0].length, 1)
    yield match
  }
}

/** A match of one placeholder pattern: where it starts and what it matched. */
export interface PlaceholderMatch {
  index: number
  value: string
}

function scanAll(text: string, placeholder: Placeholder, offset: number, into: PlaceholderMatch[]): void {
  // Kept across edits: a match's own copy, not a slice holding on to the whole text.
  for (const match of placeholderMatches(text, placeholder)) into.push({index: offset + match.index, value: unshared(match[0])})
}

let lastScan: {version: Version; matches: PlaceholderMatch[][]} | undefined

/** Forget the last text scanned (cold-lint benchmarks). */
export function forgetPlaceholderScan(): void {
  lastScan = undefined
}

/**
 * The matches of every placeholder pattern in the whole text, by pattern, as `placeholderMatches`
 * finds them. After an edit only the lines it touched are scanned again: no pattern matches or
 * looks past a line feed (a line feed reads as the end of the text to every lookaround and `\b`),
 * so the matches on other lines are the last text's, shifted after the edit.
 */
export function wholeTextMatches(text: string): PlaceholderMatch[][] {
  const previous = lastScan
  const version = versionOf(text)
  if (previous?.version === version) return previous.matches
  let matches: PlaceholderMatch[][]
  const edit = editSince(previous?.version, version)
  if (previous && edit) {
    const {prefix, suffix} = edit
    const from = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1
    const lineEnd = text.indexOf('\n', text.length - suffix)
    const to = lineEnd < 0 ? text.length : lineEnd
    const delta = text.length - previous.version.length
    const window = text.slice(from, to)
    matches = PLACEHOLDERS.map((placeholder, index) => {
      const old = previous.matches[index]!
      const found: PlaceholderMatch[] = []
      let at = 0
      for (; at < old.length && old[at]!.index < from; at++) found.push(old[at]!)
      scanAll(window, placeholder, from, found)
      for (; at < old.length && old[at]!.index <= to - delta; at++);
      for (; at < old.length; at++) found.push(delta === 0 ? old[at]! : {index: old[at]!.index + delta, value: old[at]!.value})
      return found
    })
  } else {
    matches = PLACEHOLDERS.map((placeholder) => {
      const found: PlaceholderMatch[] = []
      scanAll(text, placeholder, 0, found)
      return found
    })
  }
  lastScan = {version, matches}
  return matches
}

function overlaps(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [s, e] of ranges) if (start < e && s < end) return true
  return false
}

/**
 * The original ranges to look for placeholders in: comments in code; the message's own lines in
 * a commit (a `Key: value` line such as `TODO: describe` parses as a trailer); the whole text
 * elsewhere (code ranges are skipped by the caller). Blocks would not do for Markdown: the
 * underscores of `_summary_` are emphasis marks, outside the block's text.
 */
function regions(document: SourceDocument): Array<[number, number]> {
  if (document.kind === 'code') return (document.comments ?? []).map((comment) => [comment.offset, comment.endOffset])
  const commit = document.commit
  if (commit) {
    return [
      [commit.subjectOffset, commit.subjectEndOffset],
      ...commit.bodyLines.map((line): [number, number] => [line.offset, line.endOffset]),
      ...commit.trailers.map((trailer): [number, number] => [trailer.offset, trailer.endOffset]),
    ]
  }
  return [[0, document.text.length]]
}

/** Text of an HTML node when it is one comment, else undefined. */
function commentText(value: string): string | undefined {
  const match = /^<!--([\s\S]*?)-->$/.exec(value.trim())
  // `<!-- a --> <b> <!-- c -->` is more than one comment: removing it would take the HTML too.
  return match && !match[1]!.includes('-->') ? match[1]!.trim() : undefined
}

// What `instruction` made of each HTML value lately: the same value strings come back on every
// keystroke, and a megabyte of Markdown holds hundreds of HTML nodes.
const instructions = new Map<string, string | null>()

/** The first line of a template instruction an HTML node holds, or undefined. */
function instruction(value: string): string | undefined {
  let first = instructions.get(value)
  if (first === undefined) {
    const inner = commentText(value)
    first =
      inner === undefined || inner === '' || TOOLING.test(inner) || (MARKER_WORDS.test(inner) && MARKER_END.test(inner)) || LICENSE.test(inner) || MAINTAINER_NOTE.test(inner) || !INSTRUCTION.test(inner.replace(NOTE_LABEL, '')) || !/[a-z]{3}/i.test(inner)
        ? null
        : inner.split(/\r?\n/)[0]!.trim()
    // Far more HTML values than one document holds; a cap keeps a long session from growing it.
    if (instructions.size >= 5000) instructions.clear()
    instructions.set(value, first)
  }
  return first ?? undefined
}

/** Remove a comment that stands on its own line(s) with its line break; otherwise just the comment. */
function removal(text: string, start: number, end: number): Fix {
  let from = start
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--
  let to = end
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++
  const ownLine = (from === 0 || text[from - 1] === '\n' || text[from - 1] === '\r') && (to === text.length || text[to] === '\n' || text[to] === '\r')
  if (ownLine) {
    if (text[to] === '\r' && text[to + 1] === '\n') to += 2
    else if (to < text.length) to += 1
    return {title: 'Remove the template instruction', preferred: true, edits: [{offset: from, endOffset: to, text: ''}]}
  }
  return {title: 'Remove the template instruction', preferred: true, edits: [{offset: start, endOffset: end, text: ''}]}
}

function headingText(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/^#{1,6}[ \t]*/, '')
    .replace(/\n[=-]+\s*$/, '')
    .trim()
    .replace(/(?<!#)#+$/, '')
    .trim()
}

export default defineRule<Options>({
  id: 'template-placeholder',
  description: 'Fill in or remove placeholders left by generators and templates',
  defaultSeverity: 'warning',
  targets: ['code', 'markdown', 'readme', 'review', 'commit'],
  fixable: true,
  options: {
    emptyHeadings: {type: 'boolean', description: 'Report template headings with nothing under them', default: true},
  },
  run({document, options, report, file}) {
    if (isTemplateFile(file.path ?? '')) return
    const text = document.text
    // Read only when there is a match to check: a megabyte of Markdown has thousands of ranges.
    let skip: ReadonlyArray<readonly [number, number]> | undefined
    const codeRanges = () => (skip ??= document.kind === 'code' || document.kind === 'commit' ? [] : document.codeRanges)
    const seen = new Set<number>()
    const check = (placeholder: Placeholder, from: number, start: number, value: string) => {
      const end = start + value.length
      if (seen.has(start) || overlaps(codeRanges(), start, end)) return
      // `@param {string} [description]` names an optional parameter `description`.
      if (value.startsWith('[') && OPTIONAL_PARAM.test(text.slice(Math.max(from, start - 200), start))) return
      // `mime.extensions[type]`, `f(x)[description]`: an index, not a stub.
      if (value.startsWith('[') && /[\w$)]/.test(text[start - 1] ?? '')) return
      // `'--cheese [type]'` quoted in an example is a usage string, not a stub.
      if (value.startsWith('[') && insideQuotes(text.slice(Math.max(from, text.lastIndexOf('\n', start) + 1), start))) return
      // In a code comment or a commit message, a placeholder in backticks is quoted, as in this
      // rule's own comments (`${1:…}`): Markdown's code spans are skipped by `codeRanges` already.
      if ((document.kind === 'code' || document.kind === 'commit') && insideQuotes(text.slice(Math.max(from, text.lastIndexOf('\n', start) + 1), start), ['`'])) return
      if (document.kind !== 'code' && placeholder.what === 'docstring stub') {
        // In Markdown or a commit message, `_description_` inside a sentence is emphasis
        // (`a _term_ and _description_`); a stub stands on its own line. `[type]` is a link in
        // `[types][type]`, `[type](…)` and `[type]: https://…`, and alone when the document
        // defines it.
        if (value.startsWith('_')) {
          const lineStartAt = text.lastIndexOf('\n', start - 1) + 1
          const lineEndAt = text.indexOf('\n', end)
          const line = text.slice(lineStartAt, lineEndAt < 0 ? text.length : lineEndAt)
          if (line.replace(/^\s*(?:[-*+]|\d+[.)]|>)?\s*/, '').trim() !== value) return
        }
        if (text[start - 1] === ']' || /^[[(:]/.test(text.slice(end, end + 1))) return
        if (value.startsWith('[') && new RegExp(`^ {0,3}${value.replace(/[[\]]/g, '\\$&')}:`, 'im').test(text)) return
      }
      seen.add(start)
      report({
        message: `Unexpected ${placeholder.what} \`${value}\`, expected your own words`,
        start,
        end,
        actual: value,
      })
    }
    const whole = regions(document)
    if (whole.length === 1 && whole[0]![0] === 0 && whole[0]![1] === text.length) {
      const matches = wholeTextMatches(text)
      PLACEHOLDERS.forEach((placeholder, index) => {
        for (const match of matches[index]!) check(placeholder, 0, match.index, match.value)
      })
    } else {
      for (const [from, to] of whole) {
        const region = text.slice(from, to)
        for (const placeholder of PLACEHOLDERS) {
          for (const match of placeholderMatches(region, placeholder)) check(placeholder, from, from + match.index, match[0])
        }
      }
    }

    const outline = document.outline
    if (!outline) return
    // Instructions left in HTML comments, anywhere in the document.
    for (const node of document.html ?? []) {
      const first = instruction(node.value)
      if (first === undefined) continue
      const start = node.offset
      const end = node.endOffset
      const shown = first.length > 40 ? `${first.slice(0, 40).trimEnd()}…` : first
      report({
        message: `Unexpected template instruction \`${shown}\`, expected it answered and removed`,
        start,
        end,
        actual: first,
        fixes: [removal(text, start, end)],
      })
    }

    if (!options.emptyHeadings) return
    // Template headings with nothing under them but instructions.
    for (let index = 0; index < outline.length; index++) {
      const heading = outline[index]!
      if (heading.type !== 'heading') continue
      // Emptiness first: it rules out almost every heading without reading its text.
      let empty = true
      for (let next = index + 1; next < outline.length; next++) {
        const node = outline[next]!
        if (node.type === 'heading' && node.depth <= heading.depth) break
        if (node.type !== 'html') {
          empty = false
          break
        }
      }
      if (!empty) continue
      const name = headingText(text, heading.offset, heading.endOffset)
      if (document.kind !== 'review' && !TEMPLATE_HEADING.test(name)) continue
      // A document that is only headings is an outline, not a template left unfilled.
      if (outline.every((node) => node.type === 'heading')) continue
      report({
        message: `Unexpected empty section \`${name}\`, expected a few words under it or the heading removed`,
        start: heading.offset,
        end: heading.endOffset,
        actual: name,
      })
    }
  },
})
