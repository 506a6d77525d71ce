// Inline directives: `whylint-disable`, `whylint-enable`, `whylint-disable-line` and
// `whylint-disable-next-line`, optionally followed by rule ids, inside the host's comment
// syntax (`<!-- -->` in Markdown, the language's own comments in code).

import type {Directive} from './types.js'

// Bounded: one keyword, then a run of id characters and separators; no nested quantifiers.
const DIRECTIVE = /whylint-(disable-next-line|disable-line|disable|enable)\b([\w\s,-]*)/

/**
 * Parse a directive from the body of a comment. `syntax` says how `raw` is wrapped: `html`
 * expects a whole `<!-- … -->`; `body` is comment text with the markers already removed.
 */
export function parseDirective(raw: string, offset: number, syntax: 'html' | 'body', endOffset = offset + raw.length): Directive | undefined {
  let body = raw
  if (syntax === 'html') {
    const match = /^<!--([\s\S]*?)-->\s*$/.exec(raw.trim())
    if (!match) return undefined
    body = match[1]!
  }
  const match = DIRECTIVE.exec(body.trim())
  if (!match || match.index !== 0) return undefined
  // "-- reason" after the ids is a comment for humans, as in ESLint.
  const ids = match[2]!.split(/(?:^|\s)--(?:\s|$)/)[0]!
  const rules = ids
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => /^[a-z][a-z0-9-]*$/.test(rule))
  return {type: match[1] as Directive['type'], rules, offset, endOffset}
}
