// The Markdown source: only prose reaches the rules, and every block maps back exactly.
import assert from 'node:assert/strict'
import {analyze} from '../../src/engine/lint.js'
import type {ProseBlock} from '../../src/engine/prose.js'
import {parseMarkdown} from '../../src/engine/sources/markdown.js'

const PROSE_RULES = ['readability', 'long-sentence', 'wordy-phrase', 'passive-voice', 'hedge-words']
const allOn = {rules: Object.fromEntries(PROSE_RULES.map((id) => [id, 'warning']))} as const

/** Every copied character of a block is the original character at its mapped offset. */
export function assertMapsBack(text: string, block: ProseBlock): void {
  for (let index = 0; index < block.text.length; index++) {
    if (block.touchesPlaceholder(index, index + 1)) continue
    const original = text[block.toOriginal(index)]
    const char = block.text[index]
    // Container markers (`>`) and line breaks between joined lines become spaces; everything
    // else is copied one to one.
    if (char === ' ' && original !== undefined && /[>\s]/.test(original)) continue
    assert.equal(char, original, `block ${JSON.stringify(block.text)} at ${index}`)
  }
  assert.ok(block.origStart >= 0 && block.origEnd <= text.length && block.origStart <= block.origEnd)
}

function prose(text: string): string {
  return parseMarkdown(text, 'markdown')
    .blocks.map((block) => block.text)
    .join('\n')
}

// Wordy phrases and hedges planted in code: any finding on them means code reached the rules.
const BAIT = 'probably in order to utilize'

describe('sources: markdown', () => {
  const cases: Array<[string, string]> = [
    ['fenced code', `Text before.\n\n\`\`\`js\n// ${BAIT}\n\`\`\`\n\nText after.\n`],
    ['tilde fence', `Text.\n\n~~~\n${BAIT}\n~~~\n`],
    ['indented code', `Text before.\n\n    ${BAIT}\n\nText after.\n`],
    ['inline code', `Call \`${BAIT}\` to start.\n`],
    ['html block', `<div>\n${BAIT}\n</div>\n\nText.\n`],
    ['inline html', `Text <span title="${BAIT}">here</span>.\n`],
    ['autolink', `See <https://example.com/${BAIT.replace(/ /g, '-')}>.\n`],
    ['bare url', `See https://example.com/${BAIT.replace(/ /g, '-')} for more.\n`],
    ['link target', `See [the docs](https://example.com/${BAIT.replace(/ /g, '-')} "${BAIT}").\n`],
    ['image', `![${BAIT}](x.png)\n\nText.\n`],
    ['yaml front matter', `---\ntitle: ${BAIT}\n---\n\n# Title\n`],
    ['toml front matter', `+++\ntitle = "${BAIT}"\n+++\n\n# Title\n`],
    ['table of code', `| a | b |\n| --- | --- |\n| \`${BAIT}\` | \`x\` |\n`],
    ['definition', `[docs]: https://example.com/${BAIT.replace(/ /g, '-')}\n\nSee [docs].\n`],
  ]
  for (const [name, text] of cases) {
    it(`keeps ${name} out of prose`, () => {
      const document = parseMarkdown(text, 'markdown')
      for (const block of document.blocks) {
        assert.doesNotMatch(block.text, /utilize|probably|in order to/, `${name}: ${JSON.stringify(block.text)}`)
        assertMapsBack(text, block)
      }
      const findings = analyze(text, {kind: 'markdown', config: allOn as never}).findings.filter((f) => PROSE_RULES.includes(f.ruleId))
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${text.slice(f.offset, f.endOffset)}`), [])
    })
  }

  it('still reads link text and emphasis as prose', () => {
    assert.match(prose('We [probably](https://example.com) *kind of* need it.\n'), /probably/)
    assert.match(prose('We [probably](https://example.com) *kind of* need it.\n'), /kind of/)
    const findings = analyze('We [probably](https://example.com) need it.\n', {kind: 'markdown', config: allOn as never}).findings
    assert.deepEqual(findings.filter((f) => f.ruleId === 'hedge-words').map((f) => [f.line, f.column]), [[1, 5]])
  })

  it('joins block quote continuation lines without the markers', () => {
    const text = '> We use it\n> in order to parse\n> the files.\n'
    const [block] = parseMarkdown(text, 'markdown').blocks
    assert.ok(block)
    assert.doesNotMatch(block.text, />/)
    assertMapsBack(text, block)
    const finding = analyze(text, {kind: 'markdown', config: allOn as never}).findings.find((f) => f.ruleId === 'wordy-phrase')
    assert.ok(finding)
    assert.equal(text.slice(finding.offset, finding.endOffset), 'in order to')
    assert.deepEqual([finding.line, finding.column], [2, 3])
  })

  it('maps offsets back exactly with CRLF line ends', () => {
    const text = '# Title\r\n\r\nFirst line and\r\nwe use it in order to parse `code` in order to\r\nread.\r\n'
    const document = parseMarkdown(text, 'markdown')
    for (const block of document.blocks) assertMapsBack(text, block)
    const found = analyze(text, {kind: 'markdown', config: allOn as never}).findings.filter((f) => f.ruleId === 'wordy-phrase')
    assert.deepEqual(
      found.map((f) => [f.line, f.column, text.slice(f.offset, f.endOffset)]),
      [
        [4, 11, 'in order to'],
        [4, 36, 'in order to'],
      ],
    )
  })

  it('maps placeholders to the whole code span', () => {
    const text = 'Run `npm test` and see https://example.com/x now.\n'
    const [block] = parseMarkdown(text, 'markdown').blocks
    assert.ok(block)
    const at = block.text.indexOf('Xx')
    assert.ok(at > 0, block.text)
    assert.equal(text.slice(block.toOriginal(at, 'start'), block.toOriginal(at + 2, 'end')), '`npm test`')
    assert.ok(block.touchesPlaceholder(at, at + 1))
    assert.ok(!block.touchesPlaceholder(0, 3))
  })

  it('records code ranges for fences, inline code and html', () => {
    const text = 'Use `a` here.\n\n```\nb\n```\n\n<br>\n'
    const ranges = parseMarkdown(text, 'markdown').codeRanges.map(([start, end]) => text.slice(start, end))
    assert.ok(ranges.includes('`a`'))
    assert.ok(ranges.includes('```\nb\n```'))
    assert.ok(ranges.includes('<br>'))
  })

  it('gives list items and table cells their own blocks and roles', () => {
    const document = parseMarkdown('- first item\n- second item\n\n| head |\n| --- |\n| cell text |\n', 'markdown')
    assert.deepEqual(
      document.blocks.map((block) => [block.role, block.text]),
      [
        ['list-item', 'first item'],
        ['list-item', 'second item'],
        ['table-cell', 'head'],
        ['table-cell', 'cell text'],
      ],
    )
  })

  it("reads a list item's indented paragraph after a blank line as prose, not as code", () => {
    // Forty steps, so the paragraphs fall on every side of where the parser's runs end.
    const steps = Array.from({length: 40}, (_, index) => `${index + 1}. Step ${index + 1} runs the build.\n\n    Note that step ${index + 1} waits for the cache.\n`)
    const document = parseMarkdown(steps.join('\n'), 'markdown')
    const notes = document.blocks.filter((block) => block.text.startsWith('Note that'))
    assert.equal(notes.length, 40)
    assert.ok(notes.every((block) => block.role === 'list-item'))
    assert.deepEqual(document.codeRanges, [])
  })

  it('reads whylint directives from html comments', () => {
    const text = '<!-- whylint-disable-next-line hedge-words -->\nWe probably need it.\n\nWe probably need it.\n'
    const hedges = analyze(text, {kind: 'markdown', config: allOn as never}).findings.filter((f) => f.ruleId === 'hedge-words')
    assert.deepEqual(hedges.map((f) => f.line), [4])
  })
})
