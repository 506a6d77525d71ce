import {judgeCommitWhy, messageLines, templateSnippet, templateText, whyLine} from '../../models/commit-why/index.js'
import {defineRule} from '../../rule.js'

export interface Options {
  exempt: string[]
  exemptBumps: boolean
}

export default defineRule<Options>({
  id: 'commit-missing-why',
  description: 'Say why in the commit message: the problem fixed, the need met, or the goal',
  defaultSeverity: 'warning',
  targets: ['commit'],
  fixable: true,
  options: {
    exempt: {type: 'string[]', description: 'Extra regular expressions; a subject matching any of them is not judged', default: []},
    exemptBumps: {type: 'boolean', description: 'Leave version and dependency bumps alone (`Bump x from 1 to 2`, `Release 1.2.3`)', default: true},
  },
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || commit.subject === '') return
    const result = judgeCommitWhy(document.text, {exempt: options.exempt, exemptBumps: options.exemptBumps})
    if (result.exempt) return
    const explicit = whyLine(messageLines(commit))
    if (explicit?.state === 'unfilled') {
      // The template is in, the reason is not: a nudge with nothing to insert.
      report({
        message: 'Fill in the why: the `Why:` line still holds the template prompt',
        start: explicit.offset,
        end: explicit.endOffset,
        note: result.evidence.join('\n'),
      })
      return
    }
    if (result.label !== 'missing') return
    const eol = commit.eol
    const hasMore = commit.bodyLines.length > 0 || commit.trailers.length > 0
    // Insert after the subject line, keeping the subject, the body and any trailers.
    const after = hasMore && !commit.hasBlankAfterSubject ? eol : ''
    const insert = (body: string) => `${eol}${eol}${body}${after}`
    report({
      message: 'Commit message says what changed but not why: add the problem it solves or the need it meets',
      start: commit.subjectOffset,
      end: commit.subjectEndOffset,
      note: result.evidence.join('\n'),
      fixes: [
        {
          title: 'Add a Why / What changed / Risk body',
          preferred: true,
          edits: [{offset: commit.subjectLineEnd, endOffset: commit.subjectLineEnd, text: insert(templateText(eol)), snippet: insert(templateSnippet(eol))}],
        },
      ],
    })
  },
})
