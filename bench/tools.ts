// The linters the benchmark compares, each behind one call: lint this text once. `prepare` runs
// before every timed run, outside the timing (whylint forgets its caches there, so each timed
// run is a cold full lint).

import {markdown as alexMarkdown} from 'alex'
import type {Nodes, Root as MdastRoot} from 'mdast'
import {lint as markdownlint} from 'markdownlint/sync'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import writeGood from 'write-good'
import {ruleById} from '../src/engine/config.js'
import {analyze, clearCaches} from '../src/engine/lint.js'
import type {Config, Kind} from '../src/engine/types.js'

export interface Tool {
  name: string
  /** What the row measures, for the report. */
  description: string
  prepare?: () => void
  run: (text: string, kind: Kind, name: string) => unknown
}

// The same Markdown setup as whylint's Markdown source.
const markdownProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
const english = unified().use(retextEnglish)

/** The text of every paragraph, heading and table cell, as remark-retext hands prose to retext. */
function proseOf(tree: MdastRoot): string[] {
  const out: string[] = []
  const inline = (node: Nodes): string => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value
    return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : ''
  }
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') out.push(inline(node))
    else if ('children' in node) for (const child of node.children as Nodes[]) walk(child)
  }
  walk(tree)
  return out
}

/**
 * Default rules, with the lint time budget lifted: the budget is wall-clock time, so on a busy
 * machine it would cut a lint short and flatter the figures. Nothing else differs.
 */
export const FULL_LINT: Config = ruleById('analysis-limit') ? {rules: {'analysis-limit': ['info', {budgetMs: 3_600_000}]}} : {}

export const WHYLINT: Tool = {
  name: 'whylint',
  description: 'full lint, default rules, caches cleared before each run',
  prepare: clearCaches,
  run: (text, kind, name) => analyze(text, {kind, filePath: name, config: FULL_LINT}),
}

export const TOOLS: Tool[] = [
  WHYLINT,
  {
    name: 'remark-parse',
    description: 'unified + remark-parse + remark-gfm + remark-frontmatter, parse only',
    run: (text) => markdownProcessor.parse(text),
  },
  {
    name: 'remark+retext-english',
    description: 'parse Markdown, then parse each paragraph, heading and cell with retext-english',
    run: (text) => {
      const tree = markdownProcessor.parse(text) as MdastRoot
      for (const prose of proseOf(tree)) english.parse(prose)
    },
  },
  {
    name: 'alex',
    description: 'alex 11 `markdown()`, default options',
    run: (text) => alexMarkdown(text),
  },
  {
    name: 'write-good',
    description: 'write-good 1 on the raw text (it does not read Markdown)',
    run: (text) => writeGood(text),
  },
  {
    name: 'markdownlint',
    description: 'markdownlint 0.40 `lint` (sync), default rules',
    run: (text, _kind, name) => markdownlint({strings: {[name]: text}}),
  },
]
