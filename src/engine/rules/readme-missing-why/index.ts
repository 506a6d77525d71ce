import {judgeReadmeWhy, templateSnippet, templateText} from '../../models/readme-why/index.js'
import {splitSections} from '../../models/readme-why/sections.js'
import {defineRule} from '../../rule.js'

export default defineRule<Record<string, never>>({
  id: 'readme-missing-why',
  description: 'Say why the project exists: the problem, who has it, what it does differently',
  defaultSeverity: 'warning',
  targets: ['readme'],
  fixable: true,
  run({document, report}) {
    const text = document.text
    if (text.trim() === '') return
    const result = judgeReadmeWhy(text)
    if (result.unfilled) {
      const section = result.unfilled
      report({message: 'Fill in the `## Why` section: it still holds the template prompts', start: section.offset, end: section.headingEnd, note: result.evidence.join('\n')})
      return
    }
    // Below the judge's threshold is not enough: the rule speaks only where a README called
    // missing almost always is (see the model's `ruleThreshold`).
    if (!result.confident) return
    const sections = splitSections(text)
    // After the title and its intro: before the second section, or at the end.
    const first = sections[0]
    const titled = first !== undefined && first.depth > 0
    const intro = titled ? first : undefined
    const anchor = intro ?? sections.find((section) => section.depth === 0)
    const at = titled ? (sections[1]?.offset ?? text.length) : sections.find((section) => section.depth > 0)?.offset ?? text.length
    const eol = /\r\n/.test(text) ? '\r\n' : '\n'
    const before = at === 0 ? '' : text.slice(0, at).endsWith(`${eol}${eol}`) ? '' : text.slice(0, at).endsWith(eol) ? eol : `${eol}${eol}`
    const after = at < text.length ? `${eol}${eol}` : eol
    const start = anchor?.offset ?? 0
    report({
      message: 'README says what the project is but not why: add the problem it solves, who has it, and what it does differently',
      start,
      end: anchor ? anchor.headingEnd > start ? anchor.headingEnd - (text.slice(0, anchor.headingEnd).endsWith(eol) ? eol.length : 0) : anchor.endOffset : Math.min(text.length, 1),
      note: result.evidence.join('\n'),
      fixes: [
        {
          title: 'Add a `## Why` section',
          preferred: true,
          edits: [{offset: at, endOffset: at, text: `${before}${templateText(eol)}${after}`, snippet: `${before}${templateSnippet(eol)}${after}`}],
        },
      ],
    })
  },
})
