// Run retext plugins on prose blocks and re-report their messages under whylint's own rule ids,
// at offsets in the original document.
//
// A retext plugin is a function of options returning a transformer `(tree, file) => void` that
// calls `file.message(…)`. Each block is parsed once into an nlcst tree (`context.parse`); the
// transformer runs on that tree with a scratch VFile holding the block text, and every message
// is mapped back through the block's offset map.

import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ProseBlock} from '../prose.js'
import type {Report, RuleContext} from '../rule.js'
import type {SourceDocument} from '../sources/types.js'

export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

/** What a plugin said, in block offsets; cached per tree so unchanged blocks are not re-run. */
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

/** The prose a document offers: its blocks, or for code the prose of its comments. */
export function proseBlocks(document: SourceDocument): ProseBlock[] {
  if (document.blocks.length > 0 || !document.comments) return document.blocks
  return document.comments.map((comment) => comment.prose)
}

// One cache per transformer instance: tree → messages. Trees are shared and cached by block text
// (see lint.ts), so a WeakMap lets unchanged blocks skip the plugin entirely.
const caches = new Map<string, WeakMap<NlcstRoot, BlockMessage[]>>()
const transformers = new Map<string, RetextTransformer>()
const CACHE_LIMIT = 64

/**
 * Get a transformer for `key` (plugin name + options), creating it once. Keys must capture
 * every option that changes the plugin's output.
 */
export function transformerFor(key: string, create: () => RetextTransformer): RetextTransformer {
  let transformer = transformers.get(key)
  if (!transformer) {
    if (transformers.size >= CACHE_LIMIT) {
      transformers.clear()
      caches.clear()
    }
    transformer = create()
    transformers.set(key, transformer)
  }
  return transformer
}

function offsetsOf(message: VFileMessage): [number, number] | undefined {
  const place = message.place
  if (!place) return undefined
  if ('start' in place) {
    const start = place.start.offset
    const end = place.end.offset
    return start === undefined || end === undefined ? undefined : [start, end]
  }
  return place.offset === undefined ? undefined : [place.offset, place.offset]
}

/** Run a plugin over one block; messages in block offsets (cached by tree). */
export function blockMessages(key: string, transformer: RetextTransformer, tree: NlcstRoot, text: string): BlockMessage[] {
  let cache = caches.get(key)
  if (!cache) {
    cache = new WeakMap()
    caches.set(key, cache)
  }
  const cached = cache.get(tree)
  if (cached) return cached
  const scratch = new VFile({value: text})
  transformer(tree, scratch)
  const messages: BlockMessage[] = []
  for (const message of scratch.messages) {
    const offsets = offsetsOf(message)
    if (!offsets) continue
    messages.push({
      start: offsets[0],
      end: offsets[1],
      reason: message.reason,
      actual: typeof message.actual === 'string' ? message.actual : undefined,
      expected: Array.isArray(message.expected) ? [...message.expected] : undefined,
      pluginRuleId: message.ruleId ?? undefined,
    })
  }
  cache.set(tree, messages)
  return messages
}

/**
 * Run a retext transformer on every prose block of the document and report each message
 * through `context.report`, mapped to original offsets. The plugin's own rule id is dropped
 * (the rule wrapper stamps ours); its `actual` and `expected` are kept.
 */
export function runRetext(
  context: RuleContext<unknown>,
  key: string,
  create: () => RetextTransformer,
  options: RetextRunOptions,
  blocks: readonly ProseBlock[] = proseBlocks(context.document),
): void {
  const transformer = transformerFor(key, create)
  reportBlockMessages(context, (tree, block) => blockMessages(key, transformer, tree, block.text), options, blocks)
}

/**
 * Report what `messagesOf` finds in each prose block (messages in block offsets, e.g. from the
 * shared prose pass), mapped to original offsets as `runRetext` maps a plugin's messages.
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
