// Comment syntax helpers shared by the code-comment rules: which marker a new comment uses in
// this file, where a line starts, and how it is indented.

import type {CodeComment, SourceDocument} from '../../sources/types.js'

/** The line-comment marker of the document's language family. */
export function lineMarker(document: SourceDocument): string {
  return document.language === 'python' || document.language === 'ruby' || document.language === 'shell' ? '#' : '//'
}

export function lineStart(text: string, offset: number): number {
  let index = offset
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--
  return index
}

/** Offset just past the line break ending the line at `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  let index = offset
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++
  if (text[index] === '\r' && text[index + 1] === '\n') return index + 2
  return index < text.length ? index + 1 : index
}

export function indentAt(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset + 1))![0]
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n'
}

/** A one-line comment in the same syntax as `comment`, holding `content`. */
export function sameSyntax(text: string, comment: Pick<CodeComment, 'offset' | 'endOffset'>, content: string): string {
  const raw = text.slice(comment.offset, comment.endOffset)
  const opener = /^(?:\/\*\*|\/\*!|\/\*|\/\/\/|\/\/!|\/\/|#|--|"""|'''|=begin)/.exec(raw)?.[0] ?? '//'
  switch (opener) {
    case '/**':
    case '/*!':
    case '/*':
      return `${opener} ${content} */`
    case '"""':
    case "'''":
      return `${opener}${content}${opener}`
    case '=begin':
      return `# ${content}`
    default:
      return `${opener} ${content}`
  }
}
