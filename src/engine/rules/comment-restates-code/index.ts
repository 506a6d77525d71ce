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
  run({document, report}) {
    const text = document.text
    for (const comment of document.comments ?? []) {
      if (!comment.code) continue
      const result = judgeComment(comment, text)
      if (result.label !== 'restates') continue
      // A signature over several lines is shown on one: a diagnostic's message is one line.
      const code = comment.code.text.trim().replace(/\s+/g, ' ')
      const shown = code.length > 40 ? `${code.slice(0, 39)}…` : code
      report({
        message: `Comment restates \`${shown}\`: say why it exists or is done this way, or remove it`,
        start: comment.offset,
        end: comment.endOffset,
        actual: comment.prose.originalSlice(text, 0, comment.prose.text.length),
        expected: ['a reason, constraint, unit or example the code does not say'],
        note: result.evidence.join('\n'),
        fixes: fixes(text, comment),
      })
    }
  },
})

function fixes(text: string, comment: CodeComment): Fix[] {
  const prompt = 'why this code exists or is done this way'
  const why: Fix = {
    title: 'Replace with a why template',
    edits: [
      {
        offset: comment.offset,
        endOffset: comment.endOffset,
        text: sameSyntax(text, comment, `Why: <${prompt}>`),
        snippet: sameSyntax(text, comment, `Why: \${1:${prompt}}`).replace(/\$(?!\{)/g, '\\$'),
      },
    ],
  }
  // A fix edits only its own finding, so the comment goes and its line's whitespace stays for the
  // formatter (taking the line with it would reach past the finding into the next line).
  const start = comment.offset
  const end = comment.endOffset
  return [why, {title: 'Remove comment', edits: [{offset: start, endOffset: end, text: ''}]}]
}
