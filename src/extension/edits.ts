// Text edits the editor offers besides the rules' own fixes: disable comments in the host syntax
// and the workspace config change. Pure (no `vscode`): offsets in, `Edit`s out, so they are unit
// tested without an editor.

import type {Edit, Kind} from '../engine/types.js'

/** The comment syntax a directive is written in, or undefined when the text has none we can use. */
export interface CommentSyntax {
  open: string
  close: string
}

const HASH_LANGUAGES = new Set(['python', 'ruby', 'shellscript', 'yaml', 'perl', 'r', 'powershell', 'dockerfile', 'makefile', 'toml'])

/**
 * Comment syntax for directives. Commit messages have none: git keeps `#` lines typed in the
 * Source Control box, and the commit source reads no directives.
 */
export function commentSyntax(kind: Kind, languageId: string | undefined): CommentSyntax | undefined {
  switch (kind) {
    case 'readme':
    case 'markdown':
    case 'review':
      return {open: '<!-- ', close: ' -->'}
    case 'commit':
      return undefined
    case 'code':
      return languageId && HASH_LANGUAGES.has(languageId) ? {open: '# ', close: ''} : {open: '// ', close: ''}
  }
}

function lineStartOf(text: string, offset: number): number {
  let index = Math.min(offset, text.length)
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--
  return index
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n'
}

/** `whylint-disable-next-line rule` on its own line above the line holding `offset`, same indentation. */
export function disableNextLineEdit(text: string, offset: number, ruleId: string, syntax: CommentSyntax): Edit {
  const start = lineStartOf(text, offset)
  const indent = /^[ \t]*/.exec(text.slice(start))![0]
  const line = `${indent}${syntax.open}whylint-disable-next-line ${ruleId}${syntax.close}${eolOf(text)}`
  return {offset: start, endOffset: start, text: line}
}

/**
 * Where a file-level directive goes: the top, after a shebang line, Markdown front matter, or a
 * Python encoding line.
 */
export function fileHeaderEnd(text: string, kind: Kind): number {
  let offset = 0
  const nextLine = (from: number) => {
    const newline = text.indexOf('\n', from)
    return newline < 0 ? text.length : newline + 1
  }
  if (text.startsWith('#!')) offset = nextLine(0)
  if (kind !== 'code') {
    const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text)
    if (fence) {
      const closing = new RegExp(`\\r?\\n${fence[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`, 'g')
      closing.lastIndex = fence[0].length - 1
      const end = closing.exec(text)
      if (end) offset = end.index + end[0].length
    }
  } else if (/^#.*coding[:=]/.test(text.slice(offset, nextLine(offset)))) {
    offset = nextLine(offset)
  }
  return offset
}

/** `whylint-disable rule` for the whole file, at the top (after any header). */
export function disableFileEdit(text: string, kind: Kind, ruleId: string, syntax: CommentSyntax): Edit {
  const offset = fileHeaderEnd(text, kind)
  const eol = eolOf(text)
  const prefix = offset > 0 && offset === text.length && !text.endsWith('\n') ? eol : ''
  // Markdown: a blank line after the comment keeps it its own HTML block.
  const suffix = kind === 'code' ? eol : `${eol}${eol}`
  return {offset, endOffset: offset, text: `${prefix}${syntax.open}whylint-disable ${ruleId}${syntax.close}${suffix}`}
}

/**
 * A config file's text with `rules[ruleId]` set to `off`, every other key kept. `undefined` text
 * means there is no file yet: a new one with a `$schema`. Throws on text that is not a JSON object.
 */
export function configWithRuleOff(text: string | undefined, ruleId: string, packageJson = false): string {
  if (text === undefined || text.trim() === '') {
    return `${JSON.stringify({$schema: SCHEMA_URL, rules: {[ruleId]: 'off'}}, null, 2)}\n`
  }
  const data = JSON.parse(text) as unknown
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('Expected the config file to hold a JSON object')
  const root = data as Record<string, unknown>
  const holder = packageJson ? ((root.whylint ??= {}) as Record<string, unknown>) : root
  const rules = (holder.rules && typeof holder.rules === 'object' && !Array.isArray(holder.rules) ? holder.rules : (holder.rules = {})) as Record<string, unknown>
  rules[ruleId] = 'off'
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  '
  const eol = eolOf(text)
  return `${JSON.stringify(root, null, indent).replace(/\n/g, eol)}${eol}`
}

export const SCHEMA_URL = 'https://raw.githubusercontent.com/whylint/whylint/main/schema/whylintrc.schema.json'

/** The starter `.whylintrc.json` "Open Config" creates. */
export function starterConfig(): string {
  return `${JSON.stringify({$schema: SCHEMA_URL, rules: {}, ignore: ['**/node_modules/**', '**/dist/**'], templates: []}, null, 2)}\n`
}

/** Config file names, nearest first in each folder (mirrors the engine's `CONFIG_FILES`). */
export const CONFIG_FILE_NAMES = ['.whylintrc.json', '.whylintrc.yaml', '.whylintrc.yml', 'package.json'] as const

/** Where a README's Why section goes: after the title and the intro, before the first other heading. */
export function readmeWhyOffset(text: string): {offset: number; before: string; after: string} {
  const eol = eolOf(text)
  const start = fileHeaderEnd(text, 'readme')
  const lines: Array<{start: number; text: string}> = []
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g
  re.lastIndex = start
  let match: RegExpExecArray | null
  while ((match = re.exec(text)) && match[0].length > 0) {
    lines.push({start: match.index, text: match[0]})
  }
  let fence: string | undefined
  let seenTitle = false
  for (const line of lines) {
    const fenceMatch = /^ {0,3}(```|~~~)/.exec(line.text)
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]
      else if (line.text.trimStart().startsWith(fence)) fence = undefined
      continue
    }
    if (fence) continue
    const heading = /^ {0,3}(#{1,6})[ \t]/.exec(line.text)
    if (!heading) continue
    if (!seenTitle && heading[1] === '#') {
      seenTitle = true
      continue
    }
    // The first heading after the title (or any heading when there is no title).
    return {offset: line.start, before: '', after: eol}
  }
  const needsBreak = text.length > 0 && !/(\r\n|\n|\r)$/.test(text)
  const blank = text.length > 0 && !/(\r?\n){2}$/.test(text)
  return {offset: text.length, before: `${needsBreak ? eol : ''}${blank ? eol : ''}`, after: ''}
}

/**
 * Where a commit body goes: after the subject and one blank line. `before` adds the line breaks
 * the message lacks; `after` separates the template from a body already there.
 */
export function commitBodyOffset(text: string, commentChar = '#'): {offset: number; before: string; after: string} {
  const eol = eolOf(text)
  const firstBreak = text.search(/\r?\n/)
  if (firstBreak < 0) return {offset: text.length, before: `${eol}${eol}`, after: ''}
  const subjectEnd = firstBreak
  const rest = text.slice(subjectEnd)
  const breakLength = rest.startsWith('\r\n') ? 2 : 1
  const afterSubject = subjectEnd + breakLength
  const secondLine = /^[^\r\n]*/.exec(text.slice(afterSubject))![0]
  if (secondLine.trim() === '') {
    const afterBlank = afterSubject + secondLine.length + (text.startsWith('\r\n', afterSubject + secondLine.length) ? 2 : text[afterSubject + secondLine.length] === '\n' ? 1 : 0)
    const remaining = text.slice(afterBlank)
    const hasBody = remaining.trim() !== '' && !remaining.trimStart().startsWith(commentChar)
    if (afterBlank === afterSubject + secondLine.length) return {offset: afterBlank, before: eol, after: ''}
    return {offset: afterBlank, before: '', after: hasBody || remaining.startsWith(commentChar) ? `${eol}${eol}` : ''}
  }
  // A second line straight after the subject: put the template between them.
  return {offset: afterSubject, before: eol, after: `${eol}${eol}`}
}

/** Documents past this many characters are not linted in the editor (the CLI's default limit). */
export const MAX_EDITOR_CHARACTERS = 2 * 1024 * 1024

/**
 * Why whylint leaves a document alone, or undefined when it lints it: a NUL in the first 8 KB
 * means binary content, and a document past the limit would only slow the editor down.
 */
export function skipReason(text: string, limit = MAX_EDITOR_CHARACTERS): string | undefined {
  if (text.slice(0, 8192).includes('\u0000')) return 'binary content (a NUL byte)'
  if (text.length > limit) return `${Math.round(text.length / 1024)} KB, past the ${Math.round(limit / 1024)} KB limit`
  return undefined
}
