// What a source hands to the rules: prose blocks with exact offsets, the structure rules need
// (Markdown tree, commit parts, comments with the code they document), and inline directives.

import type {Root as MdastRoot} from 'mdast'
import type {ProseBlock} from '../prose.js'
import type {Kind} from '../types.js'

/** `whylint-disable`, `whylint-enable`, `whylint-disable-next-line`, `whylint-disable-line`. */
export interface Directive {
  type: 'disable' | 'enable' | 'disable-next-line' | 'disable-line'
  /** Rule ids named; empty means every rule. */
  rules: string[]
  /** Original offsets of the directive's own comment. */
  offset: number
  endOffset: number
}

export interface CommitTrailer {
  key: string
  value: string
  offset: number
  endOffset: number
}

export interface CommitMessage {
  /** The subject line, trimmed; '' when the message has none. */
  subject: string
  subjectOffset: number
  subjectEndOffset: number
  /** Offset of the line break ending the subject line, or the text's end. */
  subjectLineEnd: number
  /** Whether a blank line separates subject and body (true when there is no body). */
  hasBlankAfterSubject: boolean
  /** Body lines (comments and the scissors part removed), trailers excluded. */
  bodyLines: Array<{text: string; offset: number; endOffset: number}>
  trailers: CommitTrailer[]
  /** Offset where the message's own text ends: before comment lines and the scissors line. */
  contentEnd: number
  /** The line break the message uses (`\n` or `\r\n`). */
  eol: string
}

export type CommentStyle = 'line' | 'block' | 'doc'

export interface CodeComment {
  style: CommentStyle
  /** Original range of the whole comment, markers included; for line comments, one run of consecutive lines. */
  offset: number
  endOffset: number
  /** The comment's prose (markers, leading `*` and doc tags stripped), mapped to the original. */
  prose: ProseBlock
  /** Raw text between the markers, markers stripped (for directive and suppression matching). */
  body: string
  /** Doc tags (`@param x the id`, `:param x:` …), structure not prose. */
  tags: Array<{tag: string; text: string; offset: number}>
  /** The code this comment documents: the next declaration or statement, or the same line for a trailing comment. */
  code: {text: string; offset: number; endOffset: number} | null
  /** True when code precedes the comment on its own line (`x = 1 // note`). */
  trailing: boolean
}

export interface OutlineNode {
  type: string
  /** Heading depth, 0 for other nodes. */
  depth: number
  offset: number
  endOffset: number
}

export interface SourceDocument {
  kind: Kind
  /** The original text, exactly as given. */
  text: string
  blocks: ProseBlock[]
  directives: Directive[]
  /** Markdown kinds (readme, markdown, review): the whole tree, built on first access. */
  markdown?: MdastRoot
  /**
   * Markdown kinds: the top-level nodes (type, heading depth, range) and every HTML node with
   * its value, in order. Cheap to keep current on each edit, unlike the whole tree.
   */
  outline?: OutlineNode[]
  html?: Array<{value: string; offset: number; endOffset: number}>
  commit?: CommitMessage
  /** Code kind. */
  comments?: CodeComment[]
  /** Code kind: the language family used (e.g. 'c-like', 'python'). */
  language?: string
  /** Original ranges that hold code (fences, inline code, HTML): nothing is reported inside. */
  codeRanges: Array<[number, number]>
  /** Blocks left out of analysis because they are past the size limit (set by the engine). */
  skippedBlocks?: ProseBlock[]
  /** Code kind: the marker of a generated file (`DO NOT EDIT`) in the comments above its code; no rule reads such a file. */
  generated?: string
  /** Parts of the text the source could not parse (too deeply nested, out of time). */
  skippedRanges?: Array<{offset: number; endOffset: number; reason: string}>
}
