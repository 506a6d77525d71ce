// Every example of the CommonMark spec lints as Markdown, with every rule on, without throwing;
// every finding lies inside the input and never cuts into code (fences, code spans, html).
import assert from 'node:assert/strict'
import {createRequire} from 'node:module'
import type {Nodes} from 'mdast'
import {visit} from 'unist-util-visit'
import {analyze} from '../../src/engine/lint.js'
import {RULES} from '../../src/engine/rules/index.js'
import {parseMarkdownTree} from '../../src/engine/sources/markdown.js'

const require = createRequire(import.meta.url)
const spec = require('commonmark-spec') as {tests: Array<{markdown: string; section: string; number: number}>}

// Findings about one word or phrase must stay clear of code entirely; a sentence-level finding
// may contain a whole code span but must not start or end inside one.
const PHRASE_RULES = new Set(['wordy-phrase', 'passive-voice', 'hedge-words'])

function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  visit(parseMarkdownTree(text), (node: Nodes) => {
    if (node.type !== 'code' && node.type !== 'inlineCode' && node.type !== 'html') return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined && end > start) ranges.push([start, end])
  })
  return ranges
}

describe('commonmark spec examples', () => {
  const config = {rules: Object.fromEntries(RULES.filter((rule) => rule.targets.includes('markdown')).map((rule) => [rule.id, 'warning']))}

  it('has the examples', () => {
    assert.ok(spec.tests.length > 600, `only ${spec.tests.length} examples`)
  })

  it('lints every example without throwing, inside the input, and never into code', () => {
    const problems: string[] = []
    for (const example of spec.tests) {
      // The spec shows tabs as `→`.
      const text = example.markdown.replace(/→/g, '\t')
      let result
      try {
        result = analyze(text, {kind: 'markdown', config: config as never})
      } catch (error) {
        problems.push(`#${example.number} (${example.section}) threw: ${(error as Error).message}`)
        continue
      }
      const code = codeRanges(text)
      for (const finding of result.findings) {
        const where = `#${example.number} (${example.section}) ${finding.ruleId} ${finding.offset}-${finding.endOffset}`
        if (!(finding.offset >= 0 && finding.offset <= finding.endOffset && finding.endOffset <= text.length)) problems.push(`${where}: outside the input`)
        for (const [start, end] of code) {
          const overlaps = finding.offset < end && start < finding.endOffset
          if (!overlaps) continue
          const contains = finding.offset <= start && end <= finding.endOffset
          if (PHRASE_RULES.has(finding.ruleId) || !contains) problems.push(`${where}: overlaps code ${JSON.stringify(text.slice(start, end))}`)
        }
      }
    }
    assert.deepEqual(problems, [])
    // The examples are fragments that rarely trip a prose rule; make sure the rules were on.
    const control = analyze('We probably use it in order to parse the files.\n', {kind: 'markdown', config: config as never}).findings
    assert.ok(control.some((finding) => finding.ruleId === 'wordy-phrase') && control.some((finding) => finding.ruleId === 'hedge-words'))
  })
})
