import {judgeComment} from '../../models/comment-restates/index.js'
import {defineRule} from '../../rule.js'
import type {CodeComment} from '../../sources/types.js'
import type {Fix} from '../../types.js'
import {sameSyntax} from './host.js'

export default defineRule<Record<string, never>>({
  id: 'comment-restates-code',
  description: 'Comments should say what the code cannot: not restate the name of what they document',
  defaultSeverity: 'warning',
  targets: ['code'],
  fixable: true,
  run({document, report, file}) {
    const text = document.text
    const go = file.data.languageId === 'go' || /\.go$/.test(file.path ?? '')
    for (const comment of document.comments ?? []) {
      if (!comment.code) continue
      const result = judgeComment(comment, text)
      if (result.label !== 'restates') continue
      // A signature over several lines is shown on one: a diagnostic's message is one line.
      const code = comment.code.text.trim().replace(/\s+/g, ' ')
      const shown = code.length > 40 ? `${code.slice(0, 39)}…` : code
      const named = go ? goDocName(text, comment) : undefined
      report({
        message: named ? `Comment restates \`${shown}\`: say what the name cannot (a guarantee, a unit, why it exists), after the name as Go doc comments begin` : `Comment restates \`${shown}\`: say why it exists or is done this way, or remove it`,
        start: comment.offset,
        end: comment.endOffset,
        actual: comment.prose.originalSlice(text, 0, comment.prose.text.length),
        expected: ['a reason, constraint, unit or example the code does not say'],
        note: result.evidence.join('\n'),
        fixes: fixes(text, comment, named),
      })
    }
  },
})

/**
 * The name a Go doc comment opens with, when it documents that declaration: "// NewClient
 * creates a new client." above `func NewClient(…)`. Go's tools expect such a comment to begin
 * with the name, so the fix keeps it, and removing the comment would leave the name undocumented.
 * Bounded: one line of code, each part anchored.
 */
function goDocName(text: string, comment: CodeComment): string | undefined {
  const name = /^\s*(?:\/\/\s*)?([A-Z][\w]*)\s/.exec(text.slice(comment.offset, comment.endOffset))?.[1]
  if (name === undefined || !comment.code) return undefined
  const declares = new RegExp(`^\\s*(?:func\\s+(?:\\([^)\\n]{0,200}\\)\\s*)?|type\\s+|var\\s+|const\\s+)${name}\\b`)
  return declares.test(comment.code.text) ? name : undefined
}

function fixes(text: string, comment: CodeComment, named?: string): Fix[] {
  const prompt = named ? 'what it guarantees, or why it exists' : 'why this code exists or is done this way'
  const lead = named ? `${named} ` : 'Why: '
  const why: Fix = {
    title: 'Replace with a why template',
    edits: [
      {
        offset: comment.offset,
        endOffset: comment.endOffset,
        text: sameSyntax(text, comment, `${lead}<${prompt}>`),
        snippet: sameSyntax(text, comment, `${lead}\${1:${prompt}}`).replace(/\$(?!\{)/g, '\\$'),
      },
    ],
  }
  if (named) return [why]
  // A fix edits only its own finding, so the comment goes and its line's whitespace stays for the
  // formatter (taking the line with it would reach past the finding into the next line).
  const start = comment.offset
  const end = comment.endOffset
  return [why, {title: 'Remove comment', edits: [{offset: start, endOffset: end, text: ''}]}]
}
