// Markdown (CommonMark + GFM + front matter) → prose blocks. Only prose is analysed: code,
// inline code, HTML, URLs, link targets, images and front matter become placeholders or are
// left out, and recorded as code ranges so no rule reports inside them.

import type {Nodes, Parents, PhrasingContent, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {addMasked, type BlockRole, ProseBuilder, type ProseBlock} from '../prose.js'
import type {Kind} from '../types.js'
import {parseDirective} from './directives.js'
import {editSince, lastAtOrBefore, unshared, versionOf, type TextEdit, type Version} from '../lines.js'
import {GenerationalCache} from '../cache.js'
import {CACHE_BUDGET} from '../limits.js'
import {chunkMarkdownEdited, forgetLastChunking, type Chunk} from './markdown-chunks.js'
import type {Directive, OutlineNode, SourceDocument} from './types.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root
}

/**
 * What a chunk holds, relative to its start. Kept for every chunk of every open document, so
 * code ranges are flat (start, end, start, end…) and empty lists are shared: a megabyte of
 * Markdown has about nine thousand code ranges and two thousand chunks.
 */
export interface ChunkResult {
  blocks: readonly ProseBlock[]
  directives: readonly Directive[]
  codeRanges: readonly number[]
  outline: readonly OutlineNode[]
  html: ReadonlyArray<{value: string; offset: number; endOffset: number}>
}

const NONE: readonly never[] = Object.freeze([])
const some = <T>(values: readonly T[]): readonly T[] => (values.length === 0 ? NONE : values)

function htmlNodes(nodes: readonly Nodes[], into: Array<ChunkResult['html'][number]>): void {
  for (const node of nodes) {
    if (node.type === 'html') {
      const r = range(node)
      if (r) into.push({value: node.value, offset: r[0], endOffset: r[1]})
    } else if ('children' in node) htmlNodes(node.children as Nodes[], into)
  }
}

// Parsed chunks by their text (plus the document's definitions): after an edit only the chunk
// that changed is parsed again.
const chunkCache = new GenerationalCache<ChunkResult>(CACHE_BUDGET)

/** Chunks longer than this are not parsed: no real paragraph or list is this long. */
export const MAX_CHUNK_LENGTH = 100_000

/** See `setCacheBudget`. */
export function resizeMarkdownCache(budget: number): void {
  chunkCache.resize(budget)
}

export function clearMarkdownCache(): void {
  chunkCache.clear()
  lastParse = undefined
  forgetLastChunking()
}

/** Each definition line with its label, lower-cased and with runs of white space folded. */
function definitionLabels(definitions: string): Array<{label: string; line: string}> {
  if (!definitions) return []
  return definitions.split('\n').map((line) => ({label: line.slice(line.indexOf('[') + 1, line.indexOf(']:')).toLowerCase().replace(/\s+/g, ' '), line}))
}

/**
 * The definitions a chunk can use: only those whose label it mentions in brackets. Parsing every
 * definition of the document with every chunk cost more than the chunk itself in documents with
 * many reference links, and an edit to one definition should re-parse only the chunks using it.
 */
function definitionsFor(value: string, labelled: ReadonlyArray<{label: string; line: string}>): string {
  if (labelled.length === 0 || !value.includes('[')) return ''
  // Labels are compared lower-cased; a reference split over two lines is not worth a fold of
  // the whole text on every lint.
  const folded = value.toLowerCase()
  return labelled
    .filter(({label}) => folded.includes(`[${label}]`))
    .map(({line}) => line)
    .join('\n')
}

/** A chunk's own tree. Definitions go after the chunk, so the chunk's offsets do not move. */
function chunkTree(value: string, definitions: string): Root {
  const tree = parseMarkdownTree(definitions ? `${value}\n\n${definitions}\n` : value)
  if (definitions) tree.children = tree.children.filter((node) => (node.position?.start.offset ?? 0) < value.length)
  return tree
}

// Characters that can start Markdown syntax inside a paragraph (emphasis, code, links, HTML,
// entities, escapes, tables, strikethrough, math) or an autolink literal (`http:`, `a@b.c`).
const SYNTAX = /[`*_[\]<>!&\\|~$#:@]|www\./i
// A line that is not plain text: indented, or ending in blanks (a hard line break, or space the
// parser would trim).
const NOT_PLAIN_LINE = /(?:^|[\r\n])[^A-Za-z]|[ \t](?:[\r\n]|$)/

/**
 * A chunk of plain running text: every line starts with a letter and nothing in it can be
 * Markdown syntax. remark would make it one paragraph holding one text node, so the parse is
 * skipped; a test holds this shortcut to remark's result on every chunk of the corpus.
 */
export function isPlainParagraph(value: string): boolean {
  return value.length > 0 && !SYNTAX.test(value) && !NOT_PLAIN_LINE.test(value)
}

/** The cache key of a run's text parsed with `definitions`. */
function chunkKey(value: string, definitions: string): string {
  return definitions ? `${value}\u0000${definitions}` : value
}

// The cache keeps what rules read (blocks, outline, HTML), not the trees: a megabyte of
// Markdown makes hundreds of megabytes of tree, and no rule needs it on every keystroke.
function parseChunk(value: string, definitions: string): ChunkResult {
  let result = chunkCache.get(chunkKey(value, definitions))
  if (!result) {
    // Cached, and every string the result holds is cut from `value`: not from the document.
    const own = unshared(value)
    result = isPlainParagraph(own) ? plainChunk(own) : parsedChunk(own, definitions)
    chunkCache.set(chunkKey(own, unshared(definitions)), result)
  }
  return result
}

function plainChunk(value: string): ChunkResult {
  const builder = new ProseBuilder('paragraph')
  addMasked(builder, value, 0)
  const block = builder.build()
  return {blocks: /[A-Za-z]/.test(block.text) ? [block] : NONE, directives: NONE, codeRanges: NONE, outline: [{type: 'paragraph', depth: 0, offset: 0, endOffset: value.length}], html: NONE}
}

/** What remark makes of a chunk, as the rules read it. */
export function parsedChunk(value: string, definitions: string): ChunkResult {
  return resultOf(chunkTree(value, definitions).children, value, 0)
}

/** What the rules read in `nodes`, top-level nodes of a tree of `text`, with offsets from `base`. */
function resultOf(nodes: Root['children'], text: string, base: number): ChunkResult {
  const blocks: ProseBlock[] = []
  const directives: Directive[] = []
  const codeRanges: Array<[number, number]> = []
  walkBlocks({type: 'root', children: nodes}, text, blocks, directives, codeRanges, 'paragraph')
  const outline: OutlineNode[] = []
  for (const node of nodes) {
    const r = range(node)
    if (r) outline.push({type: node.type, depth: node.type === 'heading' ? node.depth : 0, offset: r[0] - base, endOffset: r[1] - base})
  }
  const html: Array<ChunkResult['html'][number]> = []
  htmlNodes(nodes, html)
  if (base !== 0) {
    for (let index = 0; index < blocks.length; index++) blocks[index] = blocks[index]!.shifted(-base)
    for (let index = 0; index < directives.length; index++) directives[index] = shiftDirective(directives[index]!, -base)
    for (const pair of codeRanges) {
      pair[0] -= base
      pair[1] -= base
    }
    for (let index = 0; index < html.length; index++) html[index] = shiftHtml(html[index]!, -base)
  }
  return {blocks: some(blocks), directives: some(directives), codeRanges: some(codeRanges.flat()), outline: some(outline), html: some(html)}
}

/** A run waiting to be parsed: its first chunk, its text and the definitions it uses. */
interface Pending {
  first: number
  value: string
  definitions: string
  natural: boolean
}

/**
 * Runs not in the cache are parsed this many characters to a parser call: each call costs about
 * a tenth of a millisecond before it reads a character (micromark combines its extensions anew),
 * and a 9 KB document holds fifteen runs.
 */
let joinedLength = 16_384

/** Parse runs at most this many characters to a call (0: one run a call); returns the last value. For tests. */
export function setJoinedLength(length: number): number {
  const last = joinedLength
  joinedLength = length
  return last
}

/** A run that opens like a list item or an indented line: it may continue the run before. Anchored, no repetition that can backtrack. */
const MAY_CONTINUE = /^(?:[ \t]|[-*+][ \t]|\d{1,9}[.)][ \t])/

/**
 * Each run's result, from one parse of the runs joined (with the blank lines between them):
 * every top-level node of the joined tree lies inside one run, so each run's nodes are what the
 * run parsed alone gives. Where a node spans runs (a loose list), those runs are parsed alone.
 * Every result is cached under its run's own text, as `parseChunk` would cache it.
 */
function parseRuns(text: string, chunks: readonly Chunk[], runs: readonly Pending[], labelled: () => Array<{label: string; line: string}>): ChunkResult[] {
  if (runs.length === 1) return [parseChunk(runs[0]!.value, runs[0]!.definitions)]
  const start = chunks[runs[0]!.first]!.start
  const last = runs[runs.length - 1]!
  const joined = unshared(text.slice(start, chunks[last.first]!.start + last.value.length))
  const starts = runs.map((run) => chunks[run.first]!.start - start)
  const ends = runs.map((item, index) => starts[index]! + item.value.length)
  const parts: Array<Root['children']> = runs.map(() => [])
  const alone = runs.map(() => false)
  let run = 0
  for (const node of chunkTree(joined, definitionsFor(joined, labelled())).children) {
    const r = range(node)
    if (!r) return runs.map((item) => parseChunk(item.value, item.definitions))
    while (run + 1 < runs.length && r[0] >= starts[run + 1]!) run++
    parts[run]!.push(node)
    let last = run
    while (last + 1 < runs.length && r[1] > ends[last]!) last++
    for (let spanned = run; last > run && spanned <= last; spanned++) alone[spanned] = true
  }
  return runs.map((item, index) => {
    if (alone[index]) return parseChunk(item.value, item.definitions)
    const result = resultOf(parts[index]!, joined, starts[index]!)
    chunkCache.set(chunkKey(unshared(item.value), unshared(item.definitions)), result)
    return result
  })
}

/** A deep copy of a chunk's tree with positions moved to where the chunk sits. */
function shiftTree<T extends Nodes>(node: T, offset: number, lines: number): T {
  const copy = {...node} as T
  if (node.position) {
    copy.position = {
      start: {...node.position.start, line: node.position.start.line + lines, offset: (node.position.start.offset ?? 0) + offset},
      end: {...node.position.end, line: node.position.end.line + lines, offset: (node.position.end.offset ?? 0) + offset},
    }
  }
  if ('children' in node) (copy as Parents).children = (node as Parents).children.map((child) => shiftTree(child as Nodes, offset, lines)) as Parents['children']
  return copy
}

export interface MarkdownParseOptions {
  /** Stop parsing chunks after this time (from `performance.now()`/`Date.now()`). */
  deadline?: number
  now?: () => number
}

/**
 * Runs average about four chunks, and stop growing past this many characters: an edit re-parses
 * its whole run. A cold lint parses several runs to a parser call (`parseRuns`), so shorter runs
 * cost it little.
 */
const RUN_SPLIT = 4
const MAX_RUN_LENGTH = 1024

/**
 * Whether a run of chunks ends after this one: decided by a hash of the chunk's first 64
 * characters only, so typing further into a chunk never moves a run boundary (a moved boundary
 * merges two runs, and the edit then re-parses both).
 */
function endsRun(text: string, chunk: Chunk): boolean {
  let hash = 2166136261
  const end = Math.min(chunk.end, chunk.start + 64)
  for (let index = chunk.start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
  return (hash >>> 0) % RUN_SPLIT === 0
}

/**
 * One item of a parsed document: a run of chunks parsed together, or one chunk left out (too
 * deep, or too long). Its result has offsets relative to the item's start.
 */
interface Item {
  result: ChunkResult
  /** Ended by its own chunks: the next item starts where it does whatever follows. */
  natural: boolean
  /** Parsed by remark (part of the whole-document tree). */
  parsed: boolean
  /** Why the chunk was left out, for one that was. */
  skipped?: string
}

const EMPTY: ChunkResult = {blocks: NONE, directives: NONE, codeRanges: NONE, outline: NONE, html: NONE}

/**
 * What the last parse found, kept so the next one, after an edit, takes the items before and
 * after the edit as they are. Items are listed by their first chunk; what they found is kept
 * flattened, placed in the document, with each item's first index, so the items before the edit
 * cost one array copy and those after it one shifted copy of each thing found, not one object
 * per item.
 */
interface Parsed {
  version: Version
  definitions: string
  chunks: readonly Chunk[]
  items: Item[]
  /** Index of each item's first chunk, and `chunks.length` last. */
  itemChunk: number[]
  blocks: Flat<ProseBlock>
  directives: Flat<Directive>
  outline: Flat<OutlineNode>
  html: Flat<ChunkResult['html'][number]>
}

interface Flat<T> {
  values: T[]
  /** Index of each item's first value, and `values.length` last. */
  at: number[]
}

let lastParse: Parsed | undefined

const shiftDirective = (directive: Directive, delta: number): Directive => ({...directive, offset: directive.offset + delta, endOffset: directive.endOffset + delta})
// Object literals of one shape, not spreads: thousands are made per keystroke.
const shiftOutline = (node: OutlineNode, delta: number): OutlineNode => ({type: node.type, depth: node.depth, offset: node.offset + delta, endOffset: node.endOffset + delta})
const shiftHtml = (node: ChunkResult['html'][number], delta: number): ChunkResult['html'][number] => ({value: node.value, offset: node.offset + delta, endOffset: node.endOffset + delta})
const shiftBlock = (block: ProseBlock, delta: number) => block.shifted(delta)

/** Slots a flat list gets beyond the earlier one's length: an edit seldom adds more. */
const ROOM = 64

/**
 * A flat list being built: the head of an earlier one, then values item by item, then its tail.
 * It is made with room for the whole earlier list, filled by index and cut to length when done:
 * copied and then grown a push at a time, the lists of a megabyte document would leave a copy of
 * themselves behind as garbage on every keystroke.
 */
class FlatBuilder<T> {
  private readonly values: T[]
  private readonly at: number[]
  private count: number
  private items: number

  constructor(head?: Flat<T>, items = 0) {
    this.values = new Array<T>((head?.values.length ?? 0) + ROOM)
    this.at = new Array<number>((head?.at.length ?? 0) + ROOM)
    this.count = head ? head.at[items]! : 0
    this.items = head ? items : 0
    for (let index = 0; index < this.count; index++) this.values[index] = head!.values[index]!
    for (let index = 0; index < this.items; index++) this.at[index] = head!.at[index]!
  }

  /** Start an item and add its values, moved `delta` later. */
  item(values: readonly T[], delta: number, shift: (value: T, delta: number) => T): void {
    this.at[this.items++] = this.count
    for (const value of values) this.values[this.count++] = delta === 0 ? value : shift(value, delta)
  }

  /** Add the items of `tail` from `from` on, moved `delta` later. */
  tail(tail: Flat<T>, from: number, delta: number, shift: (value: T, delta: number) => T): void {
    const base = tail.at[from]!
    const offset = this.count - base
    for (let index = from; index < tail.at.length - 1; index++) this.at[this.items++] = tail.at[index]! + offset
    const values = tail.values
    for (let index = base; index < values.length; index++) this.values[this.count++] = delta === 0 ? values[index]! : shift(values[index]!, delta)
  }

  done(): Flat<T> {
    this.at[this.items++] = this.count
    this.values.length = this.count
    this.at.length = this.items
    return {values: this.values, at: this.at}
  }
}

/** How many leading items of the last parse hold exactly the chunks they held then. */
function sameHead(previous: Parsed, chunks: readonly Chunk[]): number {
  const old = previous.chunks
  let items = 0
  let chunk = 0
  for (; items < previous.items.length; items++) {
    const next = previous.itemChunk[items + 1]!
    for (; chunk < next; chunk++) if (chunks[chunk] !== old[chunk]) return items
    // An item ended by what follows it is the same only if that is the same too.
    if (!previous.items[items]!.natural && !(next === old.length ? chunks.length === old.length : chunks[next] === old[next])) return items
  }
  return items
}

/** Index of the item of the last parse starting at old chunk `chunk`, or -1. */
function itemAt(previous: Parsed, chunk: number): number {
  const starts = previous.itemChunk
  // The last entry closes the last item; it starts none.
  const item = lastAtOrBefore(starts, chunk, starts.length - 1)
  return starts[item] === chunk ? item : -1
}

/** Index of the chunk starting at `offset`, or -1. */
function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0
  let hi = chunks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (chunks[mid]!.start <= offset) lo = mid
    else hi = mid - 1
  }
  return chunks[lo]?.start === offset ? lo : -1
}

export function parseMarkdown(text: string, kind: Kind, options: MarkdownParseOptions = {}): SourceDocument {
  const {chunks, definitions} = chunkMarkdownEdited(text)
  let labelledCache: Array<{label: string; line: string}> | undefined
  const labelled = () => (labelledCache ??= definitionLabels(definitions))
  const version = versionOf(text)
  const edit: TextEdit | undefined = lastParse?.definitions === definitions ? editSince(lastParse.version, version) : undefined
  const previous = edit ? lastParse : undefined
  // Items before the edit: the same chunks, so the same runs and results.
  const head = previous ? sameHead(previous, chunks) : 0
  const items: Item[] = previous ? previous.items.slice(0, head) : []
  const itemChunk: number[] = previous ? previous.itemChunk.slice(0, head) : []
  const blocks = new FlatBuilder(previous?.blocks, head)
  const directives = new FlatBuilder(previous?.directives, head)
  const outline = new FlatBuilder(previous?.outline, head)
  const html = new FlatBuilder(previous?.html, head)
  // Items after the edit: a run starting at a chunk past the edit where the last parse started
  // one too holds the same chunks from there on, so every item from there on is the same.
  let resync: ((chunk: number) => number) | undefined
  let delta = 0
  if (previous) {
    delta = text.length - previous.version.length
    const unchangedFrom = text.length - edit!.suffix
    resync = (chunk) => {
      const start = chunks[chunk]!.start
      if (start < unchangedFrom) return -1
      const old = chunkAt(previous.chunks, start - delta)
      if (old < 0 || previous.chunks.length - old !== chunks.length - chunk) return -1
      const item = itemAt(previous, old)
      return item >= head ? item : -1
    }
  }
  const add = (first: number, item: Item) => {
    const start = chunks[first]!.start
    items.push(item)
    itemChunk.push(first)
    const result = item.result
    blocks.item(result.blocks, start, shiftBlock)
    directives.item(result.directives, start, shiftDirective)
    outline.item(result.outline, start, shiftOutline)
    html.item(result.html, start, shiftHtml)
  }
  // Runs of chunks are parsed together, a run ending where a chunk's own content says so:
  // one parser call per run instead of per chunk, with run boundaries that an edit elsewhere
  // cannot move, so unchanged runs stay cached. The runs are found first, then parsed: those
  // not cached, several to a parser call (`parseRuns`).
  const found: Array<Pending | {first: number; item: Item}> = []
  let first = -1
  const flush = (last: number, natural: boolean) => {
    if (first < 0) return
    const value = text.slice(chunks[first]!.start, chunks[last]!.end)
    found.push({first, value, definitions: definitionsFor(value, labelled()), natural})
    first = -1
  }
  let tail = -1
  let at = previous ? (previous.itemChunk[head] ?? chunks.length) : 0
  for (; at < chunks.length; at++) {
    const chunk = chunks[at]!
    if (first < 0 && resync) {
      tail = resync(at)
      if (tail >= 0) break
    }
    const tooDeep = chunk.tooDeep
    if (tooDeep || chunk.end - chunk.start > MAX_CHUNK_LENGTH) {
      flush(at - 1, false)
      const length = chunk.end - chunk.start
      // Inline parsing grows faster than linearly on one giant paragraph (seconds for 1 MB).
      const fence = !tooDeep && /^ {0,3}(?:`{3,}|~{3,})/.test(text.slice(chunk.start, chunk.start + 10))
      found.push({
        first: at,
        item: {
          result: fence ? {...EMPTY, codeRanges: [0, length]} : EMPTY,
          natural: true,
          parsed: false,
          ...(fence ? {} : {skipped: tooDeep ? 'nesting deeper than whylint parses' : `a run of ${length} characters without a blank line is past what whylint parses`}),
        },
      })
      continue
    }
    if (first < 0) first = at
    if (endsRun(text, chunk) || chunk.end - chunks[first]!.start > MAX_RUN_LENGTH) flush(at, true)
  }
  if (tail < 0) flush(chunks.length - 1, false)
  // Parse in order; past the deadline, stop at the next run and leave the rest unread.
  let outOfTime: number | undefined
  let waiting: Pending[] = []
  let waitingLength = 0
  const settle = () => {
    if (waiting.length === 0) return
    const results = parseRuns(text, chunks, waiting, labelled)
    waiting.forEach((run, index) => add(run.first, {result: results[index]!, natural: run.natural, parsed: true}))
    waiting = []
    waitingLength = 0
  }
  for (const next of found) {
    if (options.deadline !== undefined && options.now && options.now() > options.deadline) {
      at = waiting[0]?.first ?? next.first
      outOfTime = chunks[at]!.start
      break
    }
    if ('item' in next) {
      settle()
      add(next.first, next.item)
      continue
    }
    const cached = chunkCache.get(chunkKey(next.value, next.definitions))
    if (cached || isPlainParagraph(next.value)) {
      settle()
      add(next.first, {result: cached ?? parseChunk(next.value, next.definitions), natural: next.natural, parsed: true})
      continue
    }
    // A run opening with a list item or an indented line may continue a list of the run before
    // (a loose list): joined, that list would span both, and both be parsed again alone.
    if (waitingLength + next.value.length > joinedLength || MAY_CONTINUE.test(next.value)) settle()
    waiting.push(next)
    waitingLength += next.value.length
  }
  if (outOfTime === undefined) settle()
  if (outOfTime !== undefined) tail = -1
  if (tail >= 0) {
    const old = previous!
    const offset = at - old.itemChunk[tail]!
    let to = items.length
    items.length = itemChunk.length = to + old.items.length - tail
    for (let index = tail; index < old.items.length; index++, to++) {
      items[to] = old.items[index]!
      itemChunk[to] = old.itemChunk[index]! + offset
    }
    blocks.tail(old.blocks, tail, delta, shiftBlock)
    directives.tail(old.directives, tail, delta, shiftDirective)
    outline.tail(old.outline, tail, delta, shiftOutline)
    html.tail(old.html, tail, delta, shiftHtml)
  }
  itemChunk.push(outOfTime === undefined ? chunks.length : at)
  const parsed: Parsed = {version, definitions, chunks, items, itemChunk, blocks: blocks.done(), directives: directives.done(), outline: outline.done(), html: html.done()}
  // A parse cut short by the time budget is not one to build on.
  lastParse = outOfTime === undefined ? parsed : undefined
  return documentOf(text, kind, parsed, labelled, outOfTime)
}

function documentOf(text: string, kind: Kind, parsed: Parsed, labelled: () => Array<{label: string; line: string}>, outOfTime: number | undefined): SourceDocument {
  const {chunks, items, itemChunk} = parsed
  const skipped: Array<{offset: number; endOffset: number; reason: string}> = []
  for (let index = 0; index < items.length; index++) {
    const reason = items[index]!.skipped
    if (reason !== undefined) {
      const chunk = chunks[itemChunk[index]!]!
      skipped.push({offset: chunk.start, endOffset: chunk.end, reason})
    }
  }
  if (outOfTime !== undefined) skipped.push({offset: outOfTime, endOffset: text.length, reason: 'the time budget ran out while parsing'})
  const directives = parsed.directives.values.length > 0 ? parsed.directives.values.slice().sort((a, b) => a.offset - b.offset) : []
  return new MarkdownDocument(kind, text, parsed, directives, skipped.length > 0 ? skipped : undefined, labelled)
}

/**
 * A parsed Markdown document whose code ranges and whole tree are built on first access.
 *
 * A class, not an object given accessors of its own: V8 gives each object that defines its own
 * accessor a hidden class of its own, hung off the shared one's transitions, and the young
 * collector keeps those alive with the closures, the parse and the text they hold. On a
 * megabyte document that carried every keystroke's text into the old generation.
 */
class MarkdownDocument implements SourceDocument {
  blocks: ProseBlock[]
  outline: OutlineNode[]
  html: Array<ChunkResult['html'][number]>
  skippedRanges?: Array<{offset: number; endOffset: number; reason: string}>
  private ranges: Array<[number, number]> | undefined
  private tree: Root | undefined

  constructor(
    readonly kind: Kind,
    readonly text: string,
    private readonly parsed: Parsed,
    public directives: Directive[],
    skipped: Array<{offset: number; endOffset: number; reason: string}> | undefined,
    private readonly labelled: () => Array<{label: string; line: string}>,
  ) {
    this.blocks = parsed.blocks.values
    this.outline = parsed.outline.values
    this.html = parsed.html.values
    if (skipped) this.skippedRanges = skipped
  }

  /** Code ranges are many (every inline code span and link) and read only when a rule has a finding to check. */
  get codeRanges(): Array<[number, number]> {
    if (!this.ranges) {
      const {chunks, items, itemChunk} = this.parsed
      const ranges: Array<[number, number]> = []
      for (let index = 0; index < items.length; index++) {
        const flat = items[index]!.result.codeRanges
        if (flat.length === 0) continue
        const start = chunks[itemChunk[index]!]!.start
        for (let at = 0; at < flat.length; at += 2) ranges.push([flat[at]! + start, flat[at + 1]! + start])
      }
      this.ranges = ranges
    }
    return this.ranges
  }

  set codeRanges(value: Array<[number, number]>) {
    this.ranges = value
  }

  /** The whole-document tree, built only when a rule asks for it, from the runs parsed. */
  get markdown(): Root {
    if (!this.tree) {
      const {chunks, items, itemChunk} = this.parsed
      const text = this.text
      const children: Root['children'] = []
      for (let index = 0; index < items.length; index++) {
        if (!items[index]!.parsed) continue
        const chunk = chunks[itemChunk[index]!]!
        const value = text.slice(chunk.start, chunks[itemChunk[index + 1]! - 1]!.end)
        for (const child of chunkTree(value, definitionsFor(value, this.labelled())).children) children.push(shiftTree(child, chunk.start, chunk.line - 1))
      }
      this.tree = {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: text.length}}}
    }
    return this.tree
  }
}

function range(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function walkBlocks(
  parent: Parents,
  text: string,
  blocks: ProseBlock[],
  directives: Directive[],
  codeRanges: Array<[number, number]>,
  role: BlockRole,
): void {
  for (const node of parent.children as Nodes[]) {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const builder = new ProseBuilder(node.type === 'heading' ? 'heading' : role, node.type === 'heading' ? node.depth : 0)
        addPhrasing(builder, node.children, text, directives, codeRanges)
        if (/[A-Za-z]/.test(builder.build().text)) blocks.push(builder.build())
        break
      }
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const builder = new ProseBuilder('table-cell')
            addPhrasing(builder, cell.children, text, directives, codeRanges)
            const block = builder.build()
            if (/[A-Za-z]/.test(block.text)) blocks.push(block)
          }
        }
        break
      case 'listItem':
        walkBlocks(node, text, blocks, directives, codeRanges, 'list-item')
        break
      case 'list':
      case 'blockquote':
      case 'footnoteDefinition':
        walkBlocks(node, text, blocks, directives, codeRanges, role)
        break
      case 'html': {
        const r = range(node)
        if (r) {
          codeRanges.push(r)
          const directive = parseDirective(node.value, r[0], 'html')
          if (directive) directives.push(directive)
        }
        break
      }
      case 'code':
      case 'yaml':
      case 'definition':
      case 'thematicBreak': {
        const r = range(node)
        if (r) codeRanges.push(r)
        break
      }
      default: {
        // toml front matter and any other literal block: never prose.
        const r = range(node)
        if (r) codeRanges.push(r)
      }
    }
  }
}

// Container markers at the start of continuation lines inside a text node (`> ` of a block
// quote) are replaced by spaces, keeping the slice the same length as the original.
function unquote(slice: string): string {
  if (!slice.includes('\n') && !slice.includes('\r')) return slice
  return slice.replace(/([\r\n])([ \t]*>)+/g, (match: string, eol: string) => eol + ' '.repeat(match.length - eol.length))
}

function addPhrasing(
  builder: ProseBuilder,
  nodes: PhrasingContent[],
  text: string,
  directives: Directive[],
  codeRanges: Array<[number, number]>,
): void {
  for (const node of nodes) {
    const r = range(node)
    if (!r) continue
    switch (node.type) {
      case 'text':
        addMasked(builder, unquote(text.slice(r[0], r[1])), r[0])
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
        addPhrasing(builder, node.children, text, directives, codeRanges)
        break
      case 'link':
      case 'linkReference': {
        // An autolink or bare URL shows its target as its text: that is code, not prose.
        const only = node.children.length === 1 ? node.children[0] : undefined
        const isAutolink = node.type === 'link' && only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url || `http://${only.value}` === node.url)
        if (isAutolink || node.children.length === 0) {
          builder.placeholder(r[0], r[1])
          codeRanges.push(r)
        } else addPhrasing(builder, node.children, text, directives, codeRanges)
        break
      }
      case 'break':
        builder.gap('\n', r[0])
        break
      case 'html': {
        codeRanges.push(r)
        const directive = parseDirective(node.value, r[0], 'html')
        if (directive) directives.push(directive)
        builder.gap(' ', r[0])
        break
      }
      default:
        // inlineCode, image, imageReference, footnoteReference: code-like, one placeholder word.
        codeRanges.push(r)
        builder.placeholder(r[0], r[1])
    }
  }
}
