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
import {textEdit} from '../lines.js'
import {chunkMarkdownEdited, forgetLastChunking, type Chunk} from './markdown-chunks.js'
import type {Directive, OutlineNode, SourceDocument} from './types.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root
}

export interface ChunkResult {
  blocks: ProseBlock[]
  directives: Directive[]
  codeRanges: Array<[number, number]>
  outline: OutlineNode[]
  html: Array<{value: string; offset: number; endOffset: number}>
}

function htmlNodes(nodes: readonly Nodes[], into: ChunkResult['html']): void {
  for (const node of nodes) {
    if (node.type === 'html') {
      const r = range(node)
      if (r) into.push({value: node.value, offset: r[0], endOffset: r[1]})
    } else if ('children' in node) htmlNodes(node.children as Nodes[], into)
  }
}

// Parsed chunks by their text (plus the document's definitions): after an edit only the chunk
// that changed is parsed again.
const chunkCache = new Map<string, ChunkResult>()
const CHUNK_CACHE_LIMIT = 20000

/** Chunks longer than this are not parsed: no real paragraph or list is this long. */
export const MAX_CHUNK_LENGTH = 100_000

export function clearMarkdownCache(): void {
  chunkCache.clear()
  lastRuns = undefined
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

// The cache keeps what rules read (blocks, outline, HTML), not the trees: a megabyte of
// Markdown makes hundreds of megabytes of tree, and no rule needs it on every keystroke.
function parseChunk(value: string, definitions: string): ChunkResult {
  const key = definitions ? `${value}\u0000${definitions}` : value
  let result = chunkCache.get(key)
  if (!result) {
    result = isPlainParagraph(value) ? plainChunk(value) : parsedChunk(value, definitions)
    if (chunkCache.size >= CHUNK_CACHE_LIMIT) chunkCache.clear()
    chunkCache.set(key, result)
  }
  return result
}

function plainChunk(value: string): ChunkResult {
  const builder = new ProseBuilder('paragraph')
  addMasked(builder, value, 0)
  const block = builder.build()
  return {blocks: /[A-Za-z]/.test(block.text) ? [block] : [], directives: [], codeRanges: [], outline: [{type: 'paragraph', depth: 0, offset: 0, endOffset: value.length}], html: []}
}

/** What remark makes of a chunk, as the rules read it. */
export function parsedChunk(value: string, definitions: string): ChunkResult {
  const tree = chunkTree(value, definitions)
  const blocks: ProseBlock[] = []
  const directives: Directive[] = []
  const codeRanges: Array<[number, number]> = []
  walkBlocks(tree, value, blocks, directives, codeRanges, 'paragraph')
  const outline: OutlineNode[] = []
  for (const node of tree.children) {
    const r = range(node)
    if (r) outline.push({type: node.type, depth: node.type === 'heading' ? node.depth : 0, offset: r[0], endOffset: r[1]})
  }
  const html: ChunkResult['html'] = []
  htmlNodes(tree.children, html)
  return {blocks, directives, codeRanges, outline, html}
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

/** Runs average about four chunks, and stop growing past this many characters. */
const RUN_SPLIT = 4
const MAX_RUN_LENGTH = 4096

/** Whether a run of chunks ends after this one: decided by a hash of the chunk's own text. */
function endsRun(text: string, chunk: Chunk): boolean {
  let hash = 2166136261
  const end = Math.min(chunk.end, chunk.start + 64)
  for (let index = chunk.start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
  hash = Math.imul(hash ^ (chunk.end - chunk.start), 16777619)
  return (hash >>> 0) % RUN_SPLIT === 0
}

// The runs of the last document parsed, by start: after an edit, a run that lies wholly before or
// after the edit holds the same text, so its result is taken without slicing and hashing it.
// Each run also keeps its result placed at its start, so a run that has not moved (before the
// edit) costs no copies at all.
interface Run {
  end: number
  result: ChunkResult
  placed: ChunkResult
}
let lastRuns: {text: string; definitions: string; runs: Map<number, Run>} | undefined

/** A run's result with offsets moved to where the run starts. */
function place(result: ChunkResult, start: number): ChunkResult {
  return {
    blocks: result.blocks.map((block) => block.shifted(start)),
    directives: result.directives.map((directive) => ({...directive, offset: directive.offset + start, endOffset: directive.endOffset + start})),
    codeRanges: result.codeRanges.map(([from, to]): [number, number] => [from + start, to + start]),
    outline: result.outline.map((node) => ({...node, offset: node.offset + start, endOffset: node.endOffset + start})),
    html: result.html.map((node) => ({...node, offset: node.offset + start, endOffset: node.endOffset + start})),
  }
}

export function parseMarkdown(text: string, kind: Kind, options: MarkdownParseOptions = {}): SourceDocument {
  const {chunks, definitions} = chunkMarkdownEdited(text)
  let labelledCache: Array<{label: string; line: string}> | undefined
  const labelled = () => (labelledCache ??= definitionLabels(definitions))
  const previous = lastRuns
  const runs = new Map<number, Run>()
  let reuse: ((start: number, end: number) => Run | undefined) | undefined
  if (previous && previous.definitions === definitions && previous.text.length > 4096 && text.length > 4096) {
    const {prefix, suffix} = textEdit(previous.text, text)
    const delta = text.length - previous.text.length
    reuse = (start, end) => {
      const old = end <= prefix ? start : start >= text.length - suffix ? start - delta : -1
      const run = old < 0 ? undefined : previous.runs.get(old)
      if (!run || run.end - old !== end - start) return undefined
      return old === start ? run : {end, result: run.result, placed: place(run.result, start)}
    }
  }
  const blocks: ProseBlock[] = []
  const directives: Directive[] = []
  const codeRanges: Array<[number, number]> = []
  const skipped: Array<{offset: number; endOffset: number; reason: string}> = []
  const outline: OutlineNode[] = []
  const html: ChunkResult['html'] = []
  const parsed: Chunk[] = []
  // Runs of chunks are parsed together, a run ending where a chunk's own content says so:
  // one parser call per run instead of per chunk, with run boundaries that an edit elsewhere
  // cannot move, so unchanged runs stay cached.
  let run: Chunk[] = []
  const flush = () => {
    if (run.length === 0) return
    const group: Chunk = {start: run[0]!.start, end: run[run.length - 1]!.end, line: run[0]!.line, tooDeep: false}
    run = []
    let placed = reuse?.(group.start, group.end)
    if (!placed) {
      const value = text.slice(group.start, group.end)
      const result = parseChunk(value, definitionsFor(value, labelled()))
      placed = {end: group.end, result, placed: place(result, group.start)}
    }
    runs.set(group.start, placed)
    parsed.push(group)
    const here = placed.placed
    for (const block of here.blocks) blocks.push(block)
    for (const directive of here.directives) directives.push(directive)
    for (const range of here.codeRanges) codeRanges.push(range)
    for (const node of here.outline) outline.push(node)
    for (const node of here.html) html.push(node)
  }
  for (const chunk of chunks) {
    if (chunk.tooDeep) {
      flush()
      skipped.push({offset: chunk.start, endOffset: chunk.end, reason: 'nesting deeper than whylint parses'})
      continue
    }
    if (chunk.end - chunk.start > MAX_CHUNK_LENGTH) {
      flush()
      // Inline parsing grows faster than linearly on one giant paragraph (seconds for 1 MB).
      if (/^ {0,3}(?:`{3,}|~{3,})/.test(text.slice(chunk.start, chunk.start + 10))) codeRanges.push([chunk.start, chunk.end])
      else skipped.push({offset: chunk.start, endOffset: chunk.end, reason: `a run of ${chunk.end - chunk.start} characters without a blank line is past what whylint parses`})
      continue
    }
    if (options.deadline !== undefined && options.now && options.now() > options.deadline) {
      flush()
      skipped.push({offset: chunk.start, endOffset: text.length, reason: 'the time budget ran out while parsing'})
      run = []
      break
    }
    run.push(chunk)
    if (endsRun(text, chunk) || chunk.end - run[0]!.start > MAX_RUN_LENGTH) flush()
  }
  flush()
  lastRuns = {text, definitions, runs}
  directives.sort((a, b) => a.offset - b.offset)
  let tree: Root | undefined
  const document: SourceDocument = {kind, text, blocks, directives, codeRanges, outline, html, ...(skipped.length > 0 ? {skippedRanges: skipped} : {})}
  // The whole-document tree is built only when a rule asks for it, from the chunks parsed.
  Object.defineProperty(document, 'markdown', {
    enumerable: true,
    get(): Root {
      tree ??= {
        type: 'root',
        children: parsed.flatMap((chunk) => chunkTree(text.slice(chunk.start, chunk.end), definitionsFor(text.slice(chunk.start, chunk.end), labelled())).children.map((child) => shiftTree(child, chunk.start, chunk.line - 1))),
        position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: text.length}},
      }
      return tree
    },
  })
  return document
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
