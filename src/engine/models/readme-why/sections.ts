// Cut a Markdown document into sections at every heading (ATX `#` or setext), outside code
// fences. A line scan, not a full parse: judging a README must stay well under a millisecond.

export interface Section {
  /** Heading text without the markers; '' for the intro before the first heading. */
  heading: string
  depth: number
  /** Raw Markdown between this heading and the next. */
  content: string
  /** Original offsets: the section (heading included) and its heading line. */
  offset: number
  endOffset: number
  headingEnd: number
  index: number
}

// Matched against the line without its trailing spaces and tabs, and a closing `#` run counts only
// from the start of its run of spaces: no two quantifiers compete for the same blanks. Bounded:
// only lines of at most 1,000 characters are tried (HEADING_LIMIT); a line of `\t#` pairs would
// otherwise take time in the square of its length.
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+([^]*?))?(?:(?<![ \t])[ \t]+#+)?$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
// `##Usage`: not a heading in CommonMark, but older renderers (and many READMEs) treat it as one.
const HEADING_LIMIT = 1000
// Bounded like ATX.
const TIGHT_ATX = /^ {0,3}(#{1,6})([^\s#].*?)(?:(?<![ \t])[ \t]+#+)?(?<![ \t])[ \t]*$/
const NOT_TIGHT = /^(?:\[|!|=|include\b|define\b|if\b|ifn?def\b|endif\b|else\b|pragma\b|import\b|region\b|(?=[0-9a-f]*\d)[0-9a-f]{3,8}\b)|[{};]$/i

function withoutTrailingBlanks(line: string): string {
  let end = line.length
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
  return line.slice(0, end)
}

export function splitSections(text: string): Section[] {
  const lines: Array<{text: string; offset: number; end: number}> = []
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g
  let match: RegExpExecArray | null
  while ((match = re.exec(text)) && match[0].length > 0) {
    const raw = match[0]
    const body = raw.replace(/(?<![\r\n])[\r\n]+$/, '')
    lines.push({text: body, offset: match.index, end: match.index + raw.length})
  }
  const heads: Array<{line: number; heading: string; depth: number; lines: number}> = []
  let fence: string | undefined
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.text
    const fenceMatch = FENCE.exec(line)
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined
      continue
    }
    if (fenceMatch) {
      fence = fenceMatch[1]
      continue
    }
    if (line.length > HEADING_LIMIT) continue
    const atx = ATX.exec(withoutTrailingBlanks(line))
    if (atx) {
      heads.push({line: index, heading: (atx[2] ?? '').trim(), depth: atx[1]!.length, lines: 1})
      continue
    }
    const tight = TIGHT_ATX.exec(line)
    if (tight && !NOT_TIGHT.test(tight[2]!)) {
      heads.push({line: index, heading: tight[2]!.trim(), depth: tight[1]!.length, lines: 1})
      continue
    }
    const next = lines[index + 1]?.text
    if (next !== undefined && line.trim() !== '' && SETEXT.test(next) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line) && (index === 0 || lines[index - 1]!.text.trim() === '')) {
      heads.push({line: index, heading: line.trim(), depth: next.trim()[0] === '=' ? 1 : 2, lines: 2})
      index++
    }
  }
  const sections: Section[] = []
  const add = (heading: string, depth: number, fromLine: number, bodyLine: number, toLine: number) => {
    const offset = lines[fromLine]?.offset ?? text.length
    const headingEnd = lines[bodyLine]?.offset ?? text.length
    const endOffset = lines[toLine]?.offset ?? text.length
    sections.push({heading, depth, content: text.slice(headingEnd, endOffset), offset, endOffset, headingEnd, index: sections.length})
  }
  const firstHead = heads[0]?.line ?? lines.length
  if (lines.slice(0, firstHead).some((line) => line.text.trim() !== '')) add('', 0, 0, 0, firstHead)
  heads.forEach((head, index) => add(head.heading, head.depth, head.line, head.line + head.lines, heads[index + 1]?.line ?? lines.length))
  return sections
}
