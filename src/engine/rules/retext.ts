// Report messages found in prose blocks (by the shared prose pass, in the shape retext plugins
// give them) under whylint's own rule ids, at offsets in the original document: each block's
// offset map turns block offsets back into document offsets.

import type {Root as NlcstRoot} from 'nlcst'
import {LICENCE_HEADER, type ProseBlock} from '../prose.js'
import type {Report, RuleContext} from '../rule.js'
import type {CodeComment, SourceDocument} from '../sources/types.js'

/** One message about a block, in block offsets, as a retext plugin would give it. */
export interface BlockMessage {
  start: number
  end: number
  reason: string
  actual: string | undefined
  expected: string[] | undefined
  /** The third-party rule id (retext-simplify: the matched phrase). */
  pluginRuleId: string | undefined
}

export interface RetextRunOptions {
  /**
   * Drop findings whose range touches a placeholder: true for phrase plugins (the finding would
   * be about masked code), false for sentence-level ones such as readability.
   */
  dropOnPlaceholder: boolean
  /** Turn one plugin message into a whylint report; return undefined to drop it. */
  toReport?: (message: BlockMessage, block: ProseBlock, start: number, end: number) => Omit<Report, 'start' | 'end'> | undefined
}

// The rules run once per block with the same options object: build each ignore list's set once.
const ignoreSets = new WeakMap<readonly string[], ReadonlySet<string>>()

/** An ignore option as a set of lower-cased phrases (kept per list). */
export function ignoreSet(list: readonly string[]): ReadonlySet<string> {
  let set = ignoreSets.get(list)
  if (!set) {
    set = new Set(list.map((phrase) => phrase.toLowerCase()))
    ignoreSets.set(list, set)
  }
  return set
}

// The prose of a document's licence comments, found once per document (its comment list), not
// once per block: block-scoped rules ask for every block.
const licences = new WeakMap<readonly CodeComment[], ReadonlySet<ProseBlock>>()

function licenceBlocks(comments: readonly CodeComment[]): ReadonlySet<ProseBlock> {
  let found = licences.get(comments)
  if (!found) {
    found = new Set(comments.filter((comment) => LICENCE_HEADER.test(comment.body.slice(0, 2000))).map((comment) => comment.prose))
    licences.set(comments, found)
  }
  return found
}

// The words of a licence's grant or disclaimer, as READMEs quote them in their "License"
// section: legal text copied word for word, not the author's prose to restyle.
const LICENCE_TEXT = /\b(?:permission is hereby granted|the software is provided "?as is|substantial portions of the software|redistribution and use in source and binary forms|licensed under the apache license|without warranties or conditions of any kind|this program is free software|permission to use, copy, modify)/i
const licenceText = new WeakMap<ProseBlock, boolean>()

function isLicenceText(block: ProseBlock): boolean {
  let found = licenceText.get(block)
  if (found === undefined) {
    // Bounded: the phrases sit near the start of their paragraph.
    found = LICENCE_TEXT.test(block.text.slice(0, 1000))
    licenceText.set(block, found)
  }
  return found
}

/** The prose a document offers: its blocks, or for code the prose of its comments. */
export function proseBlocks(document: SourceDocument): ProseBlock[] {
  if (document.kind !== 'code' && document.kind !== 'commit' && document.blocks.some(isLicenceText)) return document.blocks.filter((block) => !isLicenceText(block))
  // A licence header is legal text ("provided that the following conditions are met"): not the
  // author's prose to restyle. Its words sit at the start; a bounded slice keeps the test linear.
  // Block-scoped rules see one block at a time in `blocks`; `comments` holds them all.
  if (document.kind === 'code' && document.comments) {
    const skip = licenceBlocks(document.comments)
    if (skip.size > 0) return document.blocks.filter((block) => !skip.has(block))
  }
  if (document.blocks.length > 0 || !document.comments) return document.blocks
  return document.comments.map((comment) => comment.prose)
}

/**
 * Report what `messagesOf` finds in each prose block (messages in block offsets, e.g. from the
 * shared prose pass), mapped to original offsets.
 */
export function reportBlockMessages(
  context: RuleContext<unknown>,
  messagesOf: (tree: NlcstRoot, block: ProseBlock) => readonly BlockMessage[],
  options: RetextRunOptions,
  blocks: readonly ProseBlock[] = proseBlocks(context.document),
): void {
  for (const block of blocks) {
    const tree = context.parse(block)
    for (const message of messagesOf(tree, block)) {
      if (options.dropOnPlaceholder && block.touchesPlaceholder(message.start, message.end)) continue
      const start = block.toOriginal(message.start, 'start')
      const end = block.toOriginal(message.end, 'end')
      const base: Omit<Report, 'start' | 'end'> | undefined = options.toReport
        ? options.toReport(message, block, start, end)
        : {
            message: message.reason,
            ...(message.actual === undefined ? {} : {actual: message.actual}),
            ...(message.expected === undefined ? {} : {expected: message.expected}),
          }
      if (!base) continue
      context.report({...base, start, end})
    }
  }
}

// How far `quoted` reads either side of a phrase: a finding in a huge paragraph costs no more
// than one in a short one.
const QUOTE_REACH = 2000

/**
 * Whether `text[start, end)` sits inside quotation marks in its paragraph: a quotation speaks
 * for whoever is quoted (where the RFC calls this "somewhat complicated"), and a phrase in
 * quotation marks is mentioned, not used ("doesn't really hurt" is a softener). A quotation may
 * wrap onto the next line of a paragraph. Straight quotes pair up from the start of the
 * paragraph, or from `QUOTE_REACH` characters back; the scan never passes a blank line.
 */
export function quoted(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - QUOTE_REACH), start)
  const before = window.slice(window.lastIndexOf('\n\n') + 1)
  const ahead = text.slice(end, end + QUOTE_REACH)
  const blank = ahead.indexOf('\n\n')
  const after = blank < 0 ? ahead : ahead.slice(0, blank)
  const straight = (before.match(/"/g)?.length ?? 0) % 2 === 1 && after.includes('"')
  const curly = before.lastIndexOf('“') > before.lastIndexOf('”') && after.includes('”')
  return straight || curly
}
