// Prose blocks: the text that rules read, with an exact map back to the original document.
//
// A source (Markdown, commit, comments) cuts a document into blocks: a paragraph, a heading, a
// commit subject, the text of one comment. A block's text is built from pieces: slices of the
// original copied one to one, and placeholders standing in for code, URLs, paths or versions
// (so readability formulas and phrase lists never see them). Rules find things in block text;
// `toOriginal` turns a block offset back into an offset in the linted document.

/**
 * The word that stands in for masked code in block text: one short syllable. Two letters, not
 * one: the English parser reads a single letter before a period as an initial (`J. Smith`), so
 * "bind it to `y`. Then …" would not split into two sentences.
 */
export const PLACEHOLDER = 'Xx'

/** A licence header's words: such a comment is legal text, not the author's prose. */
export const LICENCE_HEADER = /\b(?:copyright|licen[cs]ed?|spdx-license-identifier|all rights reserved|apache license|mit license|gnu general public)\b/i

export type BlockRole =
  | 'paragraph'
  | 'heading'
  | 'list-item'
  | 'table-cell'
  | 'commit-subject'
  | 'commit-body'
  | 'comment'

// A block's pieces, five numbers each, in one flat array: a megabyte of Markdown makes about
// twenty thousand pieces, and as objects they were the largest group of objects the collector
// had to visit on every full collection while the user types.
/** Start of the piece in block text. */
const START = 0
/** End of the piece in block text. */
const END = 1
/** Original range: for a copied slice, `origEnd - origStart === end - start`. */
const ORIG_START = 2
const ORIG_END = 3
/** 1 for a placeholder (or gap), 0 for copied text. */
const PLACEHOLDER_FLAG = 4
const STRIDE = 5

export class ProseBlock {
  readonly text: string
  readonly role: BlockRole
  /** Heading depth for `heading`, otherwise 0. */
  readonly depth: number
  /** `STRIDE` numbers per piece, in block order. */
  private readonly pieces: readonly number[]
  /** How far the block sits from where its pieces say: shifting shares the pieces. */
  private readonly shift: number

  constructor(text: string, pieces: readonly number[], role: BlockRole, depth: number, shift = 0) {
    this.text = text
    this.pieces = pieces
    this.role = role
    this.depth = depth
    this.shift = shift
  }

  /** Original offset where the block starts. */
  get origStart(): number {
    return this.pieces.length > 0 ? this.pieces[ORIG_START]! + this.shift : 0
  }

  /** Original offset where the block ends. */
  get origEnd(): number {
    return this.pieces.length > 0 ? this.pieces[this.pieces.length - STRIDE + ORIG_END]! + this.shift : 0
  }

  /**
   * Map an offset in block text to the original document. `side` matters only inside a
   * placeholder: a range that starts in one starts at the code's start, one that ends in one
   * ends at the code's end.
   */
  toOriginal(offset: number, side: 'start' | 'end' = 'start'): number {
    const pieces = this.pieces
    if (pieces.length === 0) return 0
    // Binary search for the last piece starting at or before `offset`.
    let lo = 0
    let hi = pieces.length / STRIDE - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (pieces[mid * STRIDE + START]! <= offset) lo = mid
      else hi = mid - 1
    }
    // An end offset that falls exactly on a piece boundary belongs to the previous piece.
    if (side === 'end' && offset === pieces[lo * STRIDE + START] && lo > 0) lo--
    const at = lo * STRIDE
    const start = pieces[at + START]!
    if (pieces[at + PLACEHOLDER_FLAG] === 1) {
      if (side === 'end' && offset > start) return pieces[at + ORIG_END]! + this.shift
      return (offset <= start ? pieces[at + ORIG_START]! : pieces[at + ORIG_END]!) + this.shift
    }
    const delta = Math.min(Math.max(offset - start, 0), pieces[at + END]! - start)
    return pieces[at + ORIG_START]! + delta + this.shift
  }

  private cachedKey: string | undefined

  /**
   * Identity of the block up to where it sits: its text and its map relative to its start.
   * Two blocks with one key give the same findings, shifted by the difference of their starts.
   */
  get key(): string {
    if (this.cachedKey === undefined) {
      // Relative to the first piece: the same for the block wherever it is shifted to.
      const pieces = this.pieces
      const base = pieces.length > 0 ? pieces[ORIG_START]! : 0
      const map: string[] = [`${this.role}:${this.depth}`]
      for (let at = 0; at < pieces.length; at += STRIDE) {
        map.push(`${pieces[at + START]},${pieces[at + END]},${pieces[at + ORIG_START]! - base},${pieces[at + ORIG_END]! - base}${pieces[at + PLACEHOLDER_FLAG] === 1 ? 'p' : ''}`)
      }
      // One joined string, not a chain of one joined pair per piece for the cache to keep.
      this.cachedKey = `${map.join(';')}\u0000${this.text}`
    }
    return this.cachedKey
  }

  /**
   * The same block moved `delta` characters later in the document. It shares this block's
   * pieces and key string, so placing a cached block costs nothing per piece and its key is
   * hashed once, not once per lint.
   */
  shifted(delta: number): ProseBlock {
    if (delta === 0) return this
    const block = new ProseBlock(this.text, this.pieces, this.role, this.depth, this.shift + delta)
    block.cachedKey = this.key
    return block
  }

  /** True when block offsets [start, end) touch a placeholder. */
  touchesPlaceholder(start: number, end: number): boolean {
    const pieces = this.pieces
    for (let at = 0; at < pieces.length; at += STRIDE) {
      if (pieces[at + START]! >= end) break
      if (pieces[at + PLACEHOLDER_FLAG] === 1 && pieces[at + END]! > start) return true
    }
    return false
  }

  /** The original text of a block range. */
  originalSlice(document: string, start: number, end: number): string {
    return document.slice(this.toOriginal(start, 'start'), this.toOriginal(end, 'end'))
  }
}

/**
 * Builds a block piece by piece. Copied text must be the exact original slice (same length),
 * possibly with some characters replaced by spaces (container markers such as `>`): the map
 * stays one to one.
 */
export class ProseBuilder {
  private text = ''
  private readonly pieces: number[] = []

  constructor(
    private readonly role: BlockRole,
    private readonly depth = 0,
  ) {}

  get length(): number {
    return this.text.length
  }

  /** Copy `value`, which stands at `origStart` in the original and has the same length there. */
  add(value: string, origStart: number): this {
    if (value.length === 0) return this
    const pieces = this.pieces
    const last = pieces.length - STRIDE
    const start = this.text.length
    if (last >= 0 && pieces[last + PLACEHOLDER_FLAG] === 0 && pieces[last + ORIG_END] === origStart && pieces[last + END] === start) {
      pieces[last + END] += value.length
      pieces[last + ORIG_END] += value.length
    } else {
      pieces.push(start, start + value.length, origStart, origStart + value.length, 0)
    }
    this.text += value
    return this
  }

  /** Stand a placeholder word in for original range [origStart, origEnd). */
  placeholder(origStart: number, origEnd: number, word = PLACEHOLDER): this {
    const start = this.text.length
    this.pieces.push(start, start + word.length, origStart, origEnd, 1)
    this.text += word
    return this
  }

  /**
   * Insert separator text that has no original (e.g. a space between two table cells). It maps
   * to the original offset `at`.
   */
  gap(value: string, at: number): this {
    if (value.length === 0) return this
    const start = this.text.length
    this.pieces.push(start, start + value.length, at, at, 1)
    this.text += value
    return this
  }

  build(): ProseBlock {
    return new ProseBlock(this.text, this.pieces.slice(), this.role, this.depth)
  }
}

// Things inside prose that are code in all but name. Each pattern is linear: a lookbehind
// guard lets a match start only where a run of its characters starts (so a 20,000-character
// word is scanned once, not once per position), and no repetition nests in another.
const MASKS: RegExp[] = [
  // URLs and e-mail addresses
  /(?<![\w+.-])(?:https?|ftp|file):\/\/[^\s<>()]+[^\s<>().,;:!?'"]/g,
  /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+\b/g,
  // Versions: v1.2, 1.2.3, 1.2.3-beta.1
  /(?<![\w.])v?\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.]+)?\b/g,
  // Paths: a/b/c, ./x, ~/x, and file.ext with a known-looking extension
  /(?<![\w@.~/-])(?:~|\.{1,2})?\/?[\w@.-]+(?:\/[\w@.-]+)+\/?/g,
  // bounded: a match starts only where a run of word characters starts, and the extension after
  // the dot is a few letters, so each run is read once (20,000 characters take well under 1 ms).
  /(?<![\w-])[\w-]+\.(?:js|mjs|cjs|ts|tsx|jsx|json|ya?ml|toml|md|py|rb|go|rs|java|kt|cs|cpp|cc|c|h|hpp|php|sh|swift|txt|lock|html|css|xml|ini|cfg|conf)\b/g,
  // Identifiers: camelCase, PascalCase with an inner capital, snake_case, SCREAMING_CASE, calls
  /(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z0-9]*\b/g,
  /(?<![A-Za-z0-9])[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b/g,
  /(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b/g,
  /(?<![\w$])[A-Za-z_$][\w$]*\(\)/g,
  /--?[a-z][\w-]*/g,
]

/**
 * Copy an original slice into the builder, replacing code-like spans (URLs, paths, versions,
 * identifiers) with placeholders.
 */
export function addMasked(builder: ProseBuilder, value: string, origStart: number): void {
  const spans: Array<[number, number]> = []
  for (const re of MASKS) {
    re.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = re.exec(value))) {
      if (match[0].length === 0) {
        re.lastIndex++
        continue
      }
      // `--flag` only at a word boundary: not the middle of "well--known" prose dashes.
      if (match[0].startsWith('-') && match.index > 0 && /\w/.test(value[match.index - 1]!)) continue
      spans.push([match.index, match.index + match[0].length])
    }
  }
  if (spans.length === 0) {
    builder.add(value, origStart)
    return
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  let cursor = 0
  for (const [start, end] of spans) {
    if (end <= cursor) continue
    const from = Math.max(start, cursor)
    if (from > cursor) builder.add(value.slice(cursor, from), origStart + cursor)
    if (from === start) builder.placeholder(origStart + start, origStart + end)
    else builder.add(value.slice(from, end), origStart + from)
    cursor = end
  }
  if (cursor < value.length) builder.add(value.slice(cursor), origStart + cursor)
}
