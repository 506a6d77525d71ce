// Rule docs for hovers: the summary, the "Why it matters" section and the Before/After examples
// of a rule's README.md. Pure; the build runs it over every rule (see `tools/rule-docs.ts`).

export interface CodeExample {
  lang: string
  code: string
}

export interface RuleDoc {
  summary: string
  why: string
  before?: CodeExample
  after?: CodeExample
}

/** Split a README into `## ` sections by heading text (lower-cased). */
function sections(markdown: string): {intro: string; byHeading: Map<string, string>} {
  const byHeading = new Map<string, string>()
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  let heading: string | undefined
  let body: string[] = []
  let intro = ''
  let fence: string | undefined
  const flush = () => {
    const text = body.join('\n').trim()
    if (heading === undefined) intro = text
    else byHeading.set(heading, text)
  }
  for (const line of lines) {
    const fenceMatch = /^(```|~~~)/.exec(line)
    if (fenceMatch) fence = fence ? (line.startsWith(fence) ? undefined : fence) : fenceMatch[1]
    // bounded: a line of one of whylint's own rule docs, shipped with it and a few kilobytes long.
    const match = !fence && !fenceMatch ? /^##\s+(.+?)\s*#*\s*$/.exec(line) : null
    if (match) {
      flush()
      heading = match[1]!.toLowerCase()
      body = []
    } else if (!/^#\s/.test(line) || fence) {
      body.push(line)
    }
  }
  flush()
  return {intro, byHeading}
}

function firstCodeBlock(text: string | undefined): CodeExample | undefined {
  if (!text) return undefined
  // bounded: a section of one of whylint's own rule docs, a few kilobytes long.
  const match = /^(```|~~~)([^\n]*)\n([\s\S]*?)\n\1\s*$/m.exec(text)
  if (!match) return undefined
  return {lang: match[2]!.trim() || 'text', code: match[3]!}
}

// bounded: runs on whylint's own rule docs, a few kilobytes long.
function firstParagraph(text: string): string {
  return (text.split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim()
}

export function extractRuleDoc(markdown: string): RuleDoc {
  const {intro, byHeading} = sections(markdown)
  const find = (...names: string[]) => {
    for (const [heading, body] of byHeading) if (names.some((name) => heading.startsWith(name))) return body
    return undefined
  }
  const why = find('why it matters', 'why')
  // bounded: the why section of one of whylint's own rule docs.
  const doc: RuleDoc = {summary: firstParagraph(intro), why: why ? why.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim()).join('\n\n') : ''}
  const before = firstCodeBlock(find('before', 'incorrect', 'not ok'))
  const after = firstCodeBlock(find('after', 'correct', 'ok'))
  if (before) doc.before = before
  if (after) doc.after = after
  return doc
}
