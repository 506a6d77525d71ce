// Lexers that find comments in source code: one linear pass per file, per language family.
// They know just enough of each language to skip what only looks like a comment: strings,
// template literals with `${…}` holes, regex literals, raw strings, text blocks and heredocs.
// Anything left open at the end of the file ends there; nothing here throws on odd input.

/** One comment as the lexer saw it: a single line comment, a block comment or a docstring. */
export interface RawComment {
  kind: 'line' | 'block' | 'docstring'
  /** The opening marker as written: `//`, `///`, `//!`, `#`, `/*`, `/**`, `/*!`, `=begin`, `"""`, `'`… */
  marker: string
  /** Whole comment, markers included. */
  start: number
  end: number
  /** Text between the markers. */
  contentStart: number
  contentEnd: number
  /** Python docstrings: the `def`/`class` header they document (module docstrings have none). */
  header?: [number, number]
}

export interface ScanResult {
  comments: RawComment[]
  /** String, template, regex and heredoc literals (approximate for interpolated strings). */
  literals: Array<[number, number]>
}

/** What a C-like language allows besides line and block comments. */
export interface CLikeDialect {
  /** Block comments nest (Rust, Kotlin, Swift). */
  nestedBlocks: boolean
  /** `#` starts a line comment (PHP), except `#[` (an attribute). */
  hashComments: boolean
  /** `/…/` regex literals and backtick templates with `${…}` (JavaScript, TypeScript). */
  js: boolean
  /** `'x'` is a character literal (C, C++, C#, Java, Kotlin, Go, Rust) rather than a string. */
  charLiterals: boolean
  /** Backtick raw strings (Go). */
  backtickRaw: boolean
  /** `r"…"`, `r#"…"#`, `b'x'` and lifetimes (Rust). */
  rust: boolean
  /** `R"d(…)d"` and `1'000` digit separators (C++). */
  cpp: boolean
  /** `@"…"`, `$"…{…}"`, `"""…"""` raw strings (C#). */
  csharp: boolean
  /** `"""…"""` text blocks with escapes (Java). */
  javaTextBlocks: boolean
  /** `"…${…}"` and raw `"""…"""` strings (Kotlin). */
  kotlin: boolean
  /** `"…\(…)"`, `"""…"""`, `#"…"#` (Swift). */
  swift: boolean
  /** `<<<EOT` heredocs, `'…'` strings and HTML outside `<?php … ?>` (PHP). */
  php: boolean
}

const BASE: CLikeDialect = {
  nestedBlocks: false,
  hashComments: false,
  js: false,
  charLiterals: true,
  backtickRaw: false,
  rust: false,
  cpp: false,
  csharp: false,
  javaTextBlocks: false,
  kotlin: false,
  swift: false,
  php: false,
}

export const DIALECTS: Record<string, CLikeDialect> = {
  typescript: {...BASE, js: true, charLiterals: false},
  typescriptreact: {...BASE, js: true, charLiterals: false},
  javascript: {...BASE, js: true, charLiterals: false},
  javascriptreact: {...BASE, js: true, charLiterals: false},
  java: {...BASE, javaTextBlocks: true},
  csharp: {...BASE, csharp: true},
  go: {...BASE, backtickRaw: true},
  rust: {...BASE, rust: true, nestedBlocks: true, charLiterals: false},
  c: {...BASE},
  cpp: {...BASE, cpp: true},
  // Objective-C's `@"…"` is a C string after an `@`, which the C scanner reads as it is.
  'objective-c': {...BASE},
  'objective-cpp': {...BASE, cpp: true},
  kotlin: {...BASE, kotlin: true, nestedBlocks: true},
  swift: {...BASE, swift: true, nestedBlocks: true, charLiterals: false},
  php: {...BASE, php: true, hashComments: true, charLiterals: false},
}

// Character codes used by the lexers.
const NL = 10
const CR = 13
const SPACE = 32
const TAB = 9
const SLASH = 47
const STAR = 42
const HASH = 35
const BACKSLASH = 92
const DQ = 34
const SQ = 39
const BT = 96

function isIdentStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127
}

function isIdentPart(code: number): boolean {
  return isIdentStart(code) || (code >= 48 && code <= 57)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB || code === 11 || code === 12
}

/** Offset of the end of the line holding `index` (before its `\r\n`/`\n`). */
export function lineEnd(text: string, index: number): number {
  let i = index
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) break
    i++
  }
  return i
}

/** Offset just after the line break that ends the line holding `index`. */
function nextLine(text: string, index: number): number {
  const end = lineEnd(text, index)
  if (end >= text.length) return end
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === NL ? end + 2 : end + 1
}

/** Whether only whitespace precedes `index` on its line. */
export function atLineStart(text: string, index: number): boolean {
  let i = index - 1
  while (i >= 0) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) return true
    if (!isSpace(code)) return false
    i--
  }
  return true
}

/** A shebang (`#!/usr/bin/env node`) on the first line is not a comment; Rust's `#![attr]` is not one either. */
function shebangEnd(text: string): number {
  let start = 0
  if (text.charCodeAt(0) === 0xfeff) start = 1
  if (text.startsWith('#!', start) && text.charCodeAt(start + 2) !== 91) return lineEnd(text, start)
  return start
}

interface StringSpec {
  close: string
  escapes: boolean
  multiline: boolean
  /** Interpolation opener inside the string: JS/Kotlin `${`, C# `{`, Swift `\(`, Ruby `#{`. */
  interp: '' | '${' | '{' | '\\(' | '#{'
  /** `""` stands for one quote (C# verbatim strings). */
  doubledQuote: boolean
}

interface Frame {
  spec: StringSpec
  /** `}` or `)`: the character that closes the interpolation hole. */
  closer: number
  opener: number
  depth: number
  start: number
}

/**
 * Scan string content from `from` (just after the opening quote). Returns the offset after the
 * closing quote, or, when an interpolation hole opens, `{hole}` with the offset after its opener.
 */
function scanString(text: string, from: number, spec: StringSpec): {end: number; hole?: number; closer?: number} {
  const close = spec.close
  const first = close.charCodeAt(0)
  let i = from
  const length = text.length
  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === BACKSLASH && spec.escapes) {
      if (spec.interp === '\\(' && text.charCodeAt(i + 1) === 40) return {end: i, hole: i + 2, closer: 41}
      i += 2
      continue
    }
    if (code === first && text.startsWith(close, i)) {
      if (spec.doubledQuote && text.charCodeAt(i + 1) === DQ) {
        i += 2
        continue
      }
      return {end: i + close.length}
    }
    if (spec.interp === '${' && code === 36 && text.charCodeAt(i + 1) === 123) return {end: i, hole: i + 2, closer: 125}
    if (spec.interp === '#{' && code === HASH && text.charCodeAt(i + 1) === 123) return {end: i, hole: i + 2, closer: 125}
    if (spec.interp === '{' && code === 123) {
      if (text.charCodeAt(i + 1) === 123) {
        i += 2
        continue
      }
      return {end: i, hole: i + 1, closer: 125}
    }
    if (!spec.multiline && (code === NL || code === CR)) return {end: i}
    i++
  }
  return {end: length}
}

const plain = (close: string, escapes = true, multiline = false): StringSpec => ({close, escapes, multiline, interp: '', doubledQuote: false})

// Words after which `/` starts a regex rather than dividing.
const REGEX_AFTER = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await'])

/** Comments of a C-like language. */
export function scanCLike(text: string, dialect: CLikeDialect): ScanResult {
  const comments: RawComment[] = []
  const literals: Array<[number, number]> = []
  const frames: Frame[] = []
  const length = text.length
  let i = shebangEnd(text)
  // Whether a `/` here would start a regex (JS): 1 after an operator or at the start, 0 after a
  // value, 2 after the word [wordStart, wordEnd) (a regex follows `return`, not `x`). The word is
  // looked up only when a `/` comes, so identifiers cost no allocation.
  let regexOk = 1
  let wordStart = 0
  let wordEnd = 0

  // PHP: text outside `<?php … ?>` is HTML.
  const skipHtml = (from: number): number => {
    const open = text.indexOf('<?', from)
    if (open < 0) return length
    if (text.startsWith('<?php', open)) return open + 5
    if (text.startsWith('<?=', open)) return open + 3
    return open + 2
  }
  if (dialect.php && text.includes('<?')) i = skipHtml(i)

  /** Scan a string from `contentStart` with `spec`, opening a hole frame when one starts. */
  const runString = (start: number, contentStart: number, spec: StringSpec): number => {
    const result = scanString(text, contentStart, spec)
    if (result.hole !== undefined) {
      literals.push([start, result.end])
      frames.push({spec, closer: result.closer!, opener: result.closer === 41 ? 40 : 123, depth: 0, start: result.hole})
      return result.hole
    }
    literals.push([start, result.end])
    regexOk = 0
    return result.end
  }

  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === SPACE || code === NL || code === TAB || code === CR) {
      i++
      continue
    }
    const next = text.charCodeAt(i + 1)

    if (code === SLASH && next === SLASH) {
      // `//`, `///`, `//!` line comments; PHP's end at `?>`.
      let marker = '//'
      if (text.charCodeAt(i + 2) === SLASH && text.charCodeAt(i + 3) !== SLASH) marker = '///'
      else if (text.charCodeAt(i + 2) === 33) marker = '//!'
      let end = lineEnd(text, i)
      if (dialect.php) {
        const close = text.indexOf('?>', i)
        if (close >= 0 && close < end) end = close
      }
      comments.push({kind: 'line', marker, start: i, end, contentStart: i + marker.length, contentEnd: end})
      i = end
      continue
    }
    if (code === SLASH && next === STAR) {
      let marker = '/*'
      const third = text.charCodeAt(i + 2)
      if (third === STAR && text.charCodeAt(i + 3) !== SLASH) marker = '/**'
      else if (third === 33) marker = '/*!'
      let depth = 1
      let j = i + 2
      let contentEnd = length
      while (j < length) {
        const c = text.charCodeAt(j)
        if (c === STAR && text.charCodeAt(j + 1) === SLASH) {
          depth--
          if (depth === 0 || !dialect.nestedBlocks) {
            contentEnd = j
            j += 2
            break
          }
          j += 2
          continue
        }
        if (dialect.nestedBlocks && c === SLASH && text.charCodeAt(j + 1) === STAR) {
          depth++
          j += 2
          continue
        }
        j++
      }
      if (j >= length && contentEnd === length) j = length
      comments.push({kind: 'block', marker, start: i, end: j, contentStart: i + marker.length, contentEnd})
      i = j
      continue
    }
    if (code === HASH && dialect.hashComments && next !== 91) {
      let end = lineEnd(text, i)
      const close = text.indexOf('?>', i)
      if (close >= 0 && close < end) end = close
      comments.push({kind: 'line', marker: '#', start: i, end, contentStart: i + 1, contentEnd: end})
      i = end
      continue
    }
    if (dialect.php && code === 63 && next === 62) {
      // `?>` back to HTML.
      i = skipHtml(i + 2)
      regexOk = 1
      continue
    }

    // Interpolation holes: braces/parens balance until the one that closes the hole.
    const frame = frames[frames.length - 1]
    if (frame) {
      if (code === frame.opener) frame.depth++
      else if (code === frame.closer) {
        if (frame.depth === 0) {
          frames.pop()
          i = runString(i, i + 1, frame.spec)
          continue
        }
        frame.depth--
      }
    }

    // Identifiers and numbers, with the prefixes that make a string raw.
    if (isIdentStart(code) || isDigit(code)) {
      if (dialect.rust && (code === 114 || code === 98 || code === 99)) {
        const raw = /(?:[bc]?r)(#*)"/y
        raw.lastIndex = i
        const match = raw.exec(text)
        if (match && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
          i = runString(i, i + match[0].length, plain(`"${match[1]}`, false, true))
          continue
        }
        if ((code === 98 || code === 99) && (next === DQ || next === SQ) && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
          i++
          continue
        }
      }
      if (dialect.cpp && (code === 82 || code === 117 || code === 85 || code === 76)) {
        const raw = /(?:u8|u|U|L)?R"([^()\\\s"]{0,16})\(/y
        raw.lastIndex = i
        const match = raw.exec(text)
        if (match && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
          i = runString(i, i + match[0].length, plain(`)${match[1]}"`, false, true))
          continue
        }
      }
      const start = i
      i++
      while (i < length) {
        const c = text.charCodeAt(i)
        if (isIdentPart(c)) i++
        else if (dialect.cpp && c === SQ && isDigit(code) && isIdentPart(text.charCodeAt(i + 1))) i += 2
        else break
      }
      regexOk = dialect.js && !isDigit(code) && i - start <= 10 ? 2 : 0
      wordStart = start
      wordEnd = i
      continue
    }

    if (code === DQ) {
      // Triple-quoted text blocks and raw strings first.
      if (next === DQ && text.charCodeAt(i + 2) === DQ) {
        if (dialect.csharp) {
          let count = 3
          while (text.charCodeAt(i + count) === DQ) count++
          i = runString(i, i + count, plain('"'.repeat(count), false, true))
          continue
        }
        if (dialect.kotlin) {
          i = runString(i, i + 3, {close: '"""', escapes: false, multiline: true, interp: '${', doubledQuote: false})
          continue
        }
        if (dialect.swift) {
          i = runString(i, i + 3, {close: '"""', escapes: true, multiline: true, interp: '\\(', doubledQuote: false})
          continue
        }
        if (dialect.javaTextBlocks) {
          i = runString(i, i + 3, plain('"""', true, true))
          continue
        }
      }
      // C#: `@"…"`, `$"…"`, `$@"…"`, `@$"…"`.
      if (dialect.csharp) {
        const before = text.charCodeAt(i - 1)
        const before2 = text.charCodeAt(i - 2)
        const verbatim = before === 64 || (before === 36 && before2 === 64)
        const interpolated = before === 36 || (before === 64 && before2 === 36)
        i = runString(i, i + 1, {close: '"', escapes: !verbatim, multiline: verbatim, interp: interpolated ? '{' : '', doubledQuote: verbatim})
        continue
      }
      if (dialect.swift) {
        i = runString(i, i + 1, {close: '"', escapes: true, multiline: false, interp: '\\(', doubledQuote: false})
        continue
      }
      if (dialect.kotlin) {
        i = runString(i, i + 1, {close: '"', escapes: true, multiline: false, interp: '${', doubledQuote: false})
        continue
      }
      // PHP double-quoted strings may span lines.
      i = runString(i, i + 1, plain('"', true, dialect.php))
      continue
    }
    if (code === SQ) {
      if (dialect.rust) {
        // A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
        if (next === BACKSLASH) {
          const close = text.indexOf("'", i + 3)
          const end = close < 0 || close > lineEnd(text, i) ? lineEnd(text, i) : close + 1
          literals.push([i, end])
          i = end
        } else if (text.charCodeAt(i + 2) === SQ) {
          literals.push([i, i + 3])
          i += 3
        } else if (next > 0xd7ff && next < 0xdc00 && text.charCodeAt(i + 3) === SQ) {
          literals.push([i, i + 4])
          i += 4
        } else i++
        regexOk = 0
        continue
      }
      i = runString(i, i + 1, plain("'", true, dialect.php))
      continue
    }
    if (code === BT) {
      if (dialect.js) {
        i = runString(i, i + 1, {close: '`', escapes: true, multiline: true, interp: '${', doubledQuote: false})
        continue
      }
      if (dialect.backtickRaw) {
        i = runString(i, i + 1, plain('`', false, true))
        continue
      }
      if (dialect.php) {
        i = runString(i, i + 1, plain('`', true, true))
        continue
      }
    }
    if (code === HASH && dialect.swift && (next === HASH || next === DQ)) {
      // Swift raw strings: #"…"#, ##"…"##, #"""…"""#.
      let hashes = 0
      while (text.charCodeAt(i + hashes) === HASH) hashes++
      if (text.charCodeAt(i + hashes) === DQ) {
        const triple = text.startsWith('"""', i + hashes)
        const quotes = triple ? '"""' : '"'
        i = runString(i, i + hashes + quotes.length, plain(quotes + '#'.repeat(hashes), false, triple))
        continue
      }
    }
    if (code === 60 && dialect.php && text.startsWith('<<<', i)) {
      const heredoc = /<<<[ \t]*(["']?)([A-Za-z_]\w*)\1/y
      heredoc.lastIndex = i
      const match = heredoc.exec(text)
      if (match) {
        const end = heredocEnd(text, nextLine(text, i), match[2]!, true, false)
        literals.push([i, end])
        i = end
        regexOk = 0
        continue
      }
    }
    if (code === SLASH && dialect.js && (regexOk === 1 || (regexOk === 2 && REGEX_AFTER.has(text.slice(wordStart, wordEnd)))) && text.charCodeAt(i - 1) !== 60) {
      i = scanRegex(text, i, literals)
      regexOk = 0
      continue
    }

    // `)`, `]` and `}` end a value (`a) / b`); other punctuation expects one (`= /re/`).
    if (!isSpace(code)) regexOk = code === 41 || code === 93 || code === 125 ? 0 : 1
    i++
  }
  return {comments, literals}
}

/** A JS regex literal from its opening `/`: ends at the unescaped `/` outside a class, or the line end. */
function scanRegex(text: string, start: number, literals: Array<[number, number]>): number {
  let i = start + 1
  let inClass = false
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) break
    if (code === BACKSLASH) {
      i += 2
      continue
    }
    if (code === 91) inClass = true
    else if (code === 93) inClass = false
    else if (code === SLASH && !inClass) {
      i++
      while (i < text.length && isIdentPart(text.charCodeAt(i))) i++
      break
    }
    i++
  }
  i = Math.min(i, text.length)
  literals.push([start, i])
  return i
}

/**
 * The end of a heredoc body that starts at `bodyStart`: after the line holding only `id` (with
 * leading whitespace when `indented`). `wholeLine` consumes the terminator line to its end (shell,
 * Ruby); otherwise the heredoc ends right after the identifier (PHP allows `EOT;`).
 */
function heredocEnd(text: string, bodyStart: number, id: string, indented: boolean, wholeLine: boolean): number {
  let line = bodyStart
  while (line < text.length) {
    let j = line
    if (indented) while (j < text.length && isSpace(text.charCodeAt(j))) j++
    if (text.startsWith(id, j)) {
      const after = j + id.length
      const end = lineEnd(text, line)
      if (wholeLine ? after === end || text.slice(after, end).trim() === '' : after >= text.length || !isIdentPart(text.charCodeAt(after))) {
        return wholeLine ? end : after
      }
    }
    const following = nextLine(text, line)
    if (following === line) break
    line = following
  }
  return text.length
}

interface Heredoc {
  id: string
  indented: boolean
  start: number
}

/** Consume the bodies of heredocs opened on the line that ends at `eol`; returns where code resumes. */
function consumeHeredocs(text: string, eol: number, pending: Heredoc[], literals: Array<[number, number]>): number {
  let at = nextLine(text, eol)
  for (const heredoc of pending) {
    const end = heredocEnd(text, at, heredoc.id, heredoc.indented, true)
    literals.push([heredoc.start, end])
    at = end
  }
  pending.length = 0
  return at
}

/** Comments of a `#` language: shell (bash, zsh, sh). */
export function scanShell(text: string): ScanResult {
  const comments: RawComment[] = []
  const literals: Array<[number, number]> = []
  const pending: Heredoc[] = []
  const length = text.length
  let i = shebangEnd(text)
  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) {
      if (pending.length > 0) {
        i = consumeHeredocs(text, i, pending, literals)
        continue
      }
      i++
      continue
    }
    if (code === HASH) {
      // A comment starts a word: `$#`, `${#x}` and `a#b` are not comments.
      const before = i === 0 ? SPACE : text.charCodeAt(i - 1)
      if (isSpace(before) || before === NL || before === CR || before === 59 || before === 38 || before === 124 || before === 40 || before === 41) {
        const end = lineEnd(text, i)
        comments.push({kind: 'line', marker: '#', start: i, end, contentStart: i + 1, contentEnd: end})
        i = end
        continue
      }
      i++
      continue
    }
    if (code === BACKSLASH) {
      i += 2
      continue
    }
    if (code === SQ) {
      const ansi = text.charCodeAt(i - 1) === 36
      const result = scanString(text, i + 1, plain("'", ansi, true))
      literals.push([i, result.end])
      i = result.end
      continue
    }
    if (code === DQ || code === BT) {
      const result = scanString(text, i + 1, plain(code === DQ ? '"' : '`', true, true))
      literals.push([i, result.end])
      i = result.end
      continue
    }
    if (code === 60 && text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) !== 60) {
      const heredoc = /<<(-?)[ \t]*(?:'([^'\n]+)'|"([^"\n]+)"|\\?([A-Za-z_][\w.-]*))/y
      heredoc.lastIndex = i
      const match = heredoc.exec(text)
      if (match) {
        pending.push({id: match[2] ?? match[3] ?? match[4]!, indented: match[1] === '-', start: i})
        i += match[0].length
        continue
      }
    }
    i++
  }
  return {comments, literals}
}

/** Comments of Ruby: `#`, `=begin … =end`; skips strings, `%` literals, regexes and heredocs. */
export function scanRuby(text: string): ScanResult {
  const comments: RawComment[] = []
  const literals: Array<[number, number]> = []
  const pending: Heredoc[] = []
  const frames: Frame[] = []
  const length = text.length
  let i = shebangEnd(text)
  let regexOk = true

  const runString = (start: number, contentStart: number, spec: StringSpec): number => {
    const result = scanString(text, contentStart, spec)
    literals.push([start, result.end])
    if (result.hole !== undefined) {
      frames.push({spec, closer: 125, opener: 123, depth: 0, start: result.hole})
      return result.hole
    }
    regexOk = false
    return result.end
  }

  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) {
      if (pending.length > 0) i = consumeHeredocs(text, i, pending, literals)
      else i++
      regexOk = true
      continue
    }
    if (code === 61 && text.startsWith('=begin', i) && (i === 0 || text.charCodeAt(i - 1) === NL || text.charCodeAt(i - 1) === CR)) {
      // Ends with the line that starts with `=end`.
      let line = nextLine(text, i)
      let end = length
      let contentEnd = length
      while (line < length) {
        if (text.startsWith('=end', line)) {
          contentEnd = line
          end = lineEnd(text, line)
          break
        }
        const following = nextLine(text, line)
        if (following === line) break
        line = following
      }
      comments.push({kind: 'block', marker: '=begin', start: i, end, contentStart: i + 6, contentEnd})
      i = end
      continue
    }
    if (code === HASH) {
      const end = lineEnd(text, i)
      comments.push({kind: 'line', marker: '#', start: i, end, contentStart: i + 1, contentEnd: end})
      i = end
      continue
    }
    const frame = frames[frames.length - 1]
    if (frame) {
      if (code === 123) frame.depth++
      else if (code === 125) {
        if (frame.depth === 0) {
          frames.pop()
          i = runString(i, i + 1, frame.spec)
          continue
        }
        frame.depth--
      }
    }
    if (isIdentStart(code) || isDigit(code)) {
      const start = i
      while (i < length && (isIdentPart(text.charCodeAt(i)) || text.charCodeAt(i) === 63 || text.charCodeAt(i) === 33)) i++
      const word = text.slice(start, i)
      regexOk = word === 'if' || word === 'unless' || word === 'when' || word === 'and' || word === 'or' || word === 'not' || word === 'return' || word === 'puts'
      continue
    }
    if (code === SQ) {
      i = runString(i, i + 1, plain("'", true, true))
      continue
    }
    if (code === DQ || code === BT) {
      i = runString(i, i + 1, {close: code === DQ ? '"' : '`', escapes: true, multiline: true, interp: '#{', doubledQuote: false})
      continue
    }
    if (code === 63 && i + 1 < length && !isSpace(text.charCodeAt(i + 1)) && !isIdentPart(text.charCodeAt(i + 2) || 0) && regexOk) {
      // Character literal: `?#`, `?a`.
      i += 2
      regexOk = false
      continue
    }
    if (code === 37 && regexOk) {
      const percent = /%[qQwWiIrsx]?([^\w\s])/y
      percent.lastIndex = i
      const match = percent.exec(text)
      if (match) {
        const open = match[1]!
        const pairs: Record<string, string> = {'(': ')', '[': ']', '{': '}', '<': '>'}
        const close = pairs[open] ?? open
        let depth = 0
        let j = i + match[0].length
        while (j < length) {
          const c = text[j]!
          if (c === '\\') {
            j += 2
            continue
          }
          if (c === close && depth === 0) {
            j++
            break
          }
          if (c === close) depth--
          else if (c === open && close !== open) depth++
          j++
        }
        j = Math.min(j, length)
        literals.push([i, j])
        i = j
        regexOk = false
        continue
      }
    }
    if (code === 60 && text.charCodeAt(i + 1) === 60) {
      const heredoc = /<<([~-]?)(?:'([^'\n]+)'|"([^"\n]+)"|([A-Za-z_]\w*))/y
      heredoc.lastIndex = i
      const match = heredoc.exec(text)
      if (match && (match[1] !== '' || match[2] || match[3] || /^[A-Z_]/.test(match[4] ?? '')) && (regexOk || isSpace(text.charCodeAt(i - 1)))) {
        pending.push({id: match[2] ?? match[3] ?? match[4]!, indented: match[1] !== '', start: i})
        i += match[0].length
        regexOk = false
        continue
      }
    }
    if (code === SLASH && regexOk) {
      const result = scanString(text, i + 1, plain('/', true, false))
      literals.push([i, result.end])
      i = result.end
      regexOk = false
      continue
    }
    if (!isSpace(code)) regexOk = !(code === 41 || code === 93 || code === 125)
    i++
  }
  return {comments, literals}
}

/** Comments of Python: `#` and docstrings (the first string statement of a module, class or def). */
export function scanPython(text: string): ScanResult {
  const comments: RawComment[] = []
  const literals: Array<[number, number]> = []
  const length = text.length
  let i = shebangEnd(text)
  let depth = 0
  // Where a docstring may come next: the module start, or after a `def`/`class` header's `:`.
  let expect: {header?: [number, number]} | undefined = {}
  // The `def`/`class` header being read, and whether its `:` has been seen.
  let header: {start: number; colon: boolean} | undefined
  let lineHasCode = false
  let lastStatementStart = -1

  while (i < length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR) {
      if (depth === 0 && !continuedLine(text, i)) {
        if (header?.colon) {
          expect = {header: [header.start, i]}
          header = undefined
        } else if (lineHasCode) expect = undefined
        lineHasCode = false
      }
      i++
      continue
    }
    if (code === HASH) {
      const end = lineEnd(text, i)
      comments.push({kind: 'line', marker: '#', start: i, end, contentStart: i + 1, contentEnd: end})
      i = end
      continue
    }
    if (code === BACKSLASH) {
      i += 2
      continue
    }
    if (isSpace(code)) {
      i++
      continue
    }
    const prefix = /([rRbBuUfFtT]{0,2})("""|'''|"|')/y
    prefix.lastIndex = i
    const match = isIdentStart(code) || code === DQ || code === SQ ? prefix.exec(text) : null
    if (match && (i === 0 || !isIdentPart(text.charCodeAt(i - 1)))) {
      const quote = match[2]!
      const contentStart = i + match[0].length
      // Even in raw strings a backslash keeps the next quote from closing the string.
      const result = scanString(text, contentStart, plain(quote, true, quote.length === 3))
      const end = result.end
      const closed = text.startsWith(quote, end - quote.length) && end - quote.length >= contentStart
      const statementStart = !lineHasCode && depth === 0
      literals.push([i, end])
      // A docstring: a lone string statement where one is expected (not bytes, not an f-string).
      if (expect && statementStart && !/[bBfF]/.test(match[1]!) && restIsBlank(text, end)) {
        comments.push({
          kind: 'docstring',
          marker: quote,
          start: i,
          end,
          contentStart,
          contentEnd: closed ? end - quote.length : end,
          ...(expect.header ? {header: expect.header} : {}),
        })
        expect = undefined
      }
      lineHasCode = true
      i = end
      continue
    }
    if (isIdentStart(code)) {
      const start = i
      while (i < length && isIdentPart(text.charCodeAt(i))) i++
      const word = text.slice(start, i)
      if (!lineHasCode && depth === 0) lastStatementStart = start
      if ((word === 'def' || word === 'class') && depth === 0 && (lastStatementStart === start || /^async\s+$/.test(text.slice(lastStatementStart, start)))) {
        header = {start: lastStatementStart, colon: false}
      }
      lineHasCode = true
      continue
    }
    if (code === 40 || code === 91 || code === 123) depth++
    else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth--
    else if (code === 58 && depth === 0 && header) {
      // `def f(): "doc"` on one line is rare; the body must start on the next line.
      header.colon = restIsBlank(text, i + 1)
      if (!header.colon) header = undefined
    }
    if (!lineHasCode && depth <= 1) lastStatementStart = i
    lineHasCode = true
    i++
  }
  return {comments, literals}
}

/** Whether the line break at `eol` follows a `\` continuation. */
function continuedLine(text: string, eol: number): boolean {
  return eol > 0 && text.charCodeAt(eol - 1) === BACKSLASH
}

/** Whether only whitespace or a `#` comment follows `index` on its line. */
function restIsBlank(text: string, index: number): boolean {
  let i = index
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === NL || code === CR || code === HASH) return true
    if (code === 59) return true
    if (!isSpace(code)) return false
    i++
  }
  return true
}
