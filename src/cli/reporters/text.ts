// Human output in the shape of ESLint's "stylish": the file, then one aligned line per finding
// (`line:column  severity  message  rule-id`), then a summary.

import type {Finding} from '../../engine/api.js'
import type {FileResult, ReportContext} from './types.js'

const CODES = {bold: [1, 22], dim: [2, 22], underline: [4, 24], red: [31, 39], yellow: [33, 39], blue: [34, 39], gray: [90, 39]} as const
type Style = keyof typeof CODES

export function paint(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text
  const [open, close] = CODES[style]
  return `\u001b[${open}m${text}\u001b[${close}m`
}

/** Make text from a file safe for a terminal: control characters (escape sequences!) become visible. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) =>
    char === '\t' ? ' ' : char === '\n' ? '⏎' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

const SEVERITY_STYLE: Record<Finding['severity'], Style> = {error: 'red', warning: 'yellow', info: 'blue', hint: 'gray'}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function formatText(results: readonly FileResult[], context: ReportContext): string {
  const {color} = context
  let output = ''
  const counts = {error: 0, warning: 0, info: 0, hint: 0}
  let fixable = 0
  for (const result of results) {
    if (result.messages.length === 0) continue
    output += `\n${paint(color, 'underline', printable(result.displayPath))}\n`
    const rows = result.messages.map((finding) => {
      counts[finding.severity]++
      if (finding.fixes?.some((fix) => fix.preferred)) fixable++
      return [`${finding.line}:${finding.column}`, finding.severity, printable(finding.message), finding.ruleId, finding.severity] as const
    })
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)))
    for (const [place, severity, message, ruleId, level] of rows) {
      output += `  ${paint(color, 'dim', place.padEnd(widths[0]!))}  ${paint(color, SEVERITY_STYLE[level], severity.padEnd(widths[1]!))}  ${message.padEnd(widths[2]!)}  ${paint(color, 'dim', ruleId)}\n`
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint
  if (total > 0) {
    const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')]
    if (counts.info > 0) parts.push(plural(counts.info, 'info'))
    if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'))
    const style: Style = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue'
    output += `\n${paint(color, 'bold', paint(color, style, `✖ ${plural(total, 'problem')} (${parts.join(', ')})`))}\n`
    if (fixable > 0) output += `  ${plural(fixable, 'problem')} fixable with \`--fix\`\n`
  }
  if (context.hidden > 0) output += `${total > 0 ? '' : '\n'}${paint(color, 'dim', `${context.hidden} below error level hidden by \`--quiet\``)}\n`
  return output
}
