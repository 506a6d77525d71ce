// The prose of one comment: markers, leading `*`, indentation, doc tags and code examples
// stripped; what is left is copied one to one from the original, code-like words masked.

import {addMasked, ProseBuilder, type ProseBlock} from '../../prose.js'
import type {CodeComment} from '../types.js'

/** One line of comment content, markers already stripped. */
export interface ContentLine {
  /** Original offsets of the line's text, leading and trailing whitespace excluded. */
  start: number
  end: number
  /** Columns of whitespace before the text (after the marker or leading `*`). */
  indent: number
}

type Tag = CodeComment['tags'][number]

// Tags whose text is the description itself: the marker is structure, the text stays prose.
const DESCRIPTIVE = new Set(['fileoverview', 'overview', 'brief', 'short', 'details', 'description', 'desc', 'summary', 'remarks', 'remark', 'classdesc', 'note', 'warning', 'abstract'])

// Doxygen commands written with a backslash; `\n` or `\t` in prose are not tags.
const DOXYGEN = new Set([
  'brief', 'short', 'details', 'param', 'tparam', 'return', 'returns', 'result', 'retval', 'throw', 'throws', 'exception',
  'note', 'warning', 'see', 'sa', 'since', 'deprecated', 'author', 'date', 'file', 'class', 'struct', 'fn', 'var', 'def',
  'pre', 'post', 'todo', 'bug', 'example', 'ingroup', 'defgroup', 'addtogroup', 'name', 'version', 'copydoc', 'remark', 'remarks',
  'code', 'endcode', 'verbatim', 'endverbatim', 'namespace', 'enum', 'typedef', 'invariant', 'test', 'internal', 'overload',
])

// Google-style docstring sections whose indented content is structure.
const GOOGLE_SECTION = /^(?:Args|Arguments|Parameters|Params|Returns?|Yields?|Raises|Raise|Exceptions?|Attributes|Keyword Args|Keyword Arguments|Other Parameters|Examples?|See Also|References|Methods|Warns|Todo|Type Parameters):$/
// Numpy-style section names whose content stays prose.
const PROSE_SECTIONS = new Set(['notes', 'note', 'warning', 'warnings', 'extended summary'])
// reST directives whose content stays prose.
const PROSE_DIRECTIVES = new Set(['note', 'warning', 'admonition', 'tip', 'important', 'attention', 'caution', 'danger', 'hint', 'seealso', 'rationale'])

// Comments that talk to tools, not people: lint and format pragmas, build tags, encodings.
// Only a reason written after ` -- ` in them is prose.
const PRAGMA = /^(?:eslint(?:-disable|-enable|-env)?\b|globals?\s|jshint\b|jslint\b|istanbul\s|c8\s|v8\s|prettier-ignore|biome-ignore|deno-lint-ignore|deno-fmt-ignore|tslint:|go:[a-z]|\+build\s|nolint\b|NOLINT|NOSONAR|swiftlint:|rubocop:|shellcheck\s|type:\s*ignore|noqa\b|pylint:|mypy:|pyright:|fmt:\s*(?:off|on|skip)|isort:|-\*-|frozen_string_literal:|(?:en)?coding[:=]|#?(?:end)?region\b|<reference\s|webpackChunkName|cspell:|spell-checker:|markdownlint-|SPDX-License-Identifier:|vim?:\s|clang-format\s|pragma\s)/

// Inline structure: `{@link X}`, reST roles, code spans, HTML tags. Every repetition is over a
// class the next part cannot match, and is bounded where many starts could share one line: an
// inline tag's text is read for at most 500 characters.
const INLINE = /\{@[A-Za-z]+(?:[ \t][^}\n]{0,500})?\}|<c>[^<\n]*<\/c>|<(?:see|seealso|paramref|typeparamref)\b[^<>\n]{0,120}\/>|:[\w.-]+(?::[\w.-]+)?:`[^`\n]*`|``[^`\n]+``|`[^`\n]+`|<\/?[A-Za-z][^<>\n]{0,80}>/g

export interface CommentProse {
  prose: ProseBlock
  tags: Tag[]
}

/** Turn the content lines of one comment into its prose block and doc tags. */
export function commentProse(text: string, lines: ContentLine[], docstring: boolean): CommentProse {
  const builder = new ProseBuilder('comment')
  const tags: Tag[] = []
  const nonBlank = lines.filter((line, index) => line.end > line.start && !(docstring && index === 0))
  const base = nonBlank.length > 0 ? Math.min(...nonBlank.map((line) => line.indent)) : 0

  let fence = ''
  let blankBefore = true
  let lastWasCode = false
  let pendingBreak = false
  let lastEnd = -1
  // A tag or section whose continuation lines belong to it.
  let tag: Tag | undefined
  // Lines indented past this column belong to the open section (Google, reST), -1 when none.
  let sectionIndent = -1
  let sectionIsCode = false
  let numpySection = false
  let literalAfter = -1

  // C# XML doc: the closing tag that ends the open `<param>`/`<returns>`/`<code>` element.
  let xmlClose = ''
  let xmlIsCode = false

  const addProse = (start: number, end: number) => {
    if (builder.length > 0) builder.gap(pendingBreak ? '\n\n' : '\n', lastEnd)
    pendingBreak = false
    addInline(builder, text, start, end, tags)
    lastEnd = end
  }

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const value = text.slice(line.start, line.end)
    const blank = value.length === 0
    const indent = line.indent - base
    if (blank) {
      blankBefore = true
      pendingBreak = builder.length > 0
      continue
    }
    const wasBlank = blankBefore
    blankBefore = false

    // Fenced code (Markdown in TSDoc, Rust docs) and Doxygen/Javadoc code blocks.
    const fenceMatch = /^(`{3,}|~{3,})/.exec(value)
    if (fence) {
      if (fenceMatch && value.startsWith(fence)) fence = ''
      lastWasCode = true
      continue
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!
      lastWasCode = true
      continue
    }
    if (/^[@\\](?:code|verbatim)\b/.test(value) || /^<pre\b/i.test(value)) {
      fence = value.startsWith('<') ? '</pre>' : value[0] === '@' ? '@end' : '\\end'
      if (value.includes(fence)) fence = ''
      lastWasCode = true
      continue
    }

    // C# XML doc elements that are structure (`<param>`, `<returns>`…) or code (`<code>`).
    if (xmlClose) {
      if (!xmlIsCode && tag) tag.text = `${tag.text} ${value.replace(xmlClose, '')}`.trim()
      if (value.includes(xmlClose)) xmlClose = ''
      lastWasCode = xmlIsCode
      continue
    }
    const xml = /^<(param|typeparam|returns|exception|value|permission|include|example|code)\b[^>]*>/.exec(value)
    if (xml) {
      const name = xml[1]!
      xmlIsCode = name === 'code' || name === 'example'
      const close = `</${name}>`
      const inner = value.slice(xml[0].length).replace(close, '').trim()
      if (!xmlIsCode) tags.push({tag: `<${name}>`, text: (/\bname="([^"]*)"/.exec(xml[0])?.[1] ?? '') + (inner ? ` ${inner}` : ''), offset: line.start})
      tag = xmlIsCode ? undefined : tags[tags.length - 1]
      if (!value.includes(close) && !xml[0].endsWith('/>')) xmlClose = close
      else tag = undefined
      lastWasCode = xmlIsCode
      continue
    }

    // Open sections swallow their indented lines.
    if (sectionIndent >= 0) {
      if (line.indent > sectionIndent) {
        if (tag && !sectionIsCode) tag.text = tag.text ? `${tag.text} ${value}` : value
        if (tag || sectionIsCode) continue
        // A prose section (reST note): fall through as prose.
      } else {
        sectionIndent = -1
        sectionIsCode = false
        tag = undefined
      }
    }
    if (literalAfter >= 0) {
      if (line.indent > literalAfter) {
        lastWasCode = true
        continue
      }
      literalAfter = -1
    }

    // Doctest lines and indented code after a blank line.
    if (docstring && /^(?:>>>|\.\.\.)(?:\s|$)/.test(value)) {
      lastWasCode = true
      continue
    }
    if (indent >= 4 && (wasBlank || lastWasCode) && !tag && !numpySection) {
      lastWasCode = true
      continue
    }
    lastWasCode = false

    // Numpy sections: a name underlined with dashes.
    const underline = lines[index + 1]
    if (docstring && underline && /^-{3,}$/.test(text.slice(underline.start, underline.end)) && /^[A-Z][A-Za-z ]+$/.test(value)) {
      const name = value.toLowerCase()
      index++
      if (PROSE_SECTIONS.has(name)) {
        tag = undefined
        numpySection = false
      } else {
        tag = {tag: value, text: '', offset: line.start}
        tags.push(tag)
        numpySection = true
      }
      pendingBreak = builder.length > 0
      continue
    }
    if (numpySection && tag) {
      tag.text = tag.text ? `${tag.text} ${value}` : value
      continue
    }

    // Block tags: `@param id the user`, `\brief …`, `:param id: …`, `.. versionadded:: 2.0`, `Args:`.
    const at = /^([@\\])([A-Za-z][\w-]*)/.exec(value)
    if (at && (at[1] === '@' || DOXYGEN.has(at[2]!))) {
      const name = at[2]!
      const rest = value.slice(at[0].length)
      tag = {tag: at[0], text: rest.trim(), offset: line.start}
      tags.push(tag)
      if (DESCRIPTIVE.has(name.toLowerCase())) {
        tag = undefined
        const skip = at[0].length + (rest.length - rest.trimStart().length)
        if (line.start + skip < line.end) addProse(line.start + skip, line.end)
      }
      continue
    }
    const field = docstring ? /^:([A-Za-z]+)(?:[ \t][^:\n]*)?:(?=\s|$)/.exec(value) : null
    if (field) {
      tag = {tag: `:${field[1]}`, text: value.slice(field[1]!.length + 1).trim(), offset: line.start}
      tags.push(tag)
      sectionIndent = line.indent
      continue
    }
    const directive = /^\.\.[ \t]+([\w-]+)::/.exec(value)
    if (directive) {
      const name = directive[1]!.toLowerCase()
      const rest = value.slice(directive[0].length).trim()
      tags.push({tag: `.. ${directive[1]}::`, text: rest, offset: line.start})
      sectionIndent = line.indent
      if (PROSE_DIRECTIVES.has(name)) {
        tag = undefined
        sectionIsCode = false
        if (rest && name !== 'admonition') addProse(line.start + value.indexOf(rest), line.end)
      } else {
        tag = tags[tags.length - 1]
        sectionIsCode = /code|source|literal|doctest/.test(name)
      }
      continue
    }
    if (docstring && GOOGLE_SECTION.test(value)) {
      tag = {tag: value, text: '', offset: line.start}
      tags.push(tag)
      sectionIndent = line.indent
      continue
    }
    if (tag && !docstring) {
      // Javadoc/JSDoc: block tags run to the next tag or the end of the comment.
      tag.text = tag.text ? `${tag.text} ${value}` : value
      continue
    }
    tag = undefined

    // Tool pragmas: only a ` -- reason` in them is prose.
    if (PRAGMA.test(value)) {
      const dashes = /\s--\s+(?=\S)/.exec(value)
      if (dashes) addProse(line.start + dashes.index + dashes[0].length, line.end)
      continue
    }
    // Lines with only markup (`<summary>`, `<p>`) carry no prose.
    if (/^(?:<\/?[A-Za-z][^<>\n]{0,80}>[ \t]*)+$/.test(value)) continue
    // Lines with no word in them are decoration (`-----`, `*****`, `====`).
    if (!/[\p{L}\p{N}]/u.test(value)) {
      pendingBreak = builder.length > 0
      continue
    }
    // Markdown headings in doc comments: the words are prose, the `#` are not.
    let start = line.start
    const heading = /^#{1,6}[ \t]+/.exec(value)
    if (heading) start += heading[0].length
    addProse(start, line.end)
    // reST: a paragraph ending in `::` introduces an indented literal block.
    if (docstring && value.endsWith('::')) literalAfter = line.indent
  }
  return {prose: builder.build(), tags}
}

/** Add one line of prose: inline tags and code spans become placeholders, the rest is masked. */
function addInline(builder: ProseBuilder, text: string, start: number, end: number, tags: Tag[]): void {
  const value = text.slice(start, end)
  INLINE.lastIndex = 0
  let cursor = 0
  let match: RegExpExecArray | null
  while ((match = INLINE.exec(value))) {
    if (match.index > cursor) addMasked(builder, value.slice(cursor, match.index), start + cursor)
    const token = match[0]
    // Markup tags are layout (a space); `<c>x</c>` and `<see cref="X"/>` stand for a name.
    if (token.startsWith('<') && !/^<(?:c>|see\b|seealso\b|paramref\b|typeparamref\b)/.test(token)) builder.gap(' ', start + match.index)
    else {
      if (token.startsWith('{@')) {
        const name = /^\{(@[A-Za-z]+)/.exec(token)![1]!
        tags.push({tag: name, text: token.slice(name.length + 1, -1).trim(), offset: start + match.index})
      }
      builder.placeholder(start + match.index, start + match.index + token.length)
    }
    cursor = match.index + token.length
  }
  if (cursor < value.length) addMasked(builder, value.slice(cursor), start + cursor)
}
