// Markdown (CommonMark + GFM + front matter) → prose blocks. Only prose is analysed: code,
// inline code, HTML, URLs, link targets, images and front matter become placeholders or are
// left out, and recorded as code ranges so no rule reports inside them.

import type {Nodes, Parents, PhrasingContent, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {addMasked, type BlockRole, ProseBuilder, type ProseBlock} from '../prose.js'
import type {Kind} from '../types.js'
import {parseDirective} from './directives.js'
import type {Directive, SourceDocument} from './types.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root
}

export function parseMarkdown(text: string, kind: Kind): SourceDocument {
  const tree = parseMarkdownTree(text)
  const blocks: ProseBlock[] = []
  const directives: Directive[] = []
  const codeRanges: Array<[number, number]> = []
  walkBlocks(tree, text, blocks, directives, codeRanges, 'paragraph')
  directives.sort((a, b) => a.offset - b.offset)
  return {kind, text, blocks, directives, markdown: tree, codeRanges}
}

function range(node: Nodes): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function walkBlocks(
  parent: Parents,
  text: string,
  blocks: ProseBlock[],
  directives: Directive[],
  codeRanges: Array<[number, number]>,
  role: BlockRole,
): void {
  for (const node of parent.children as Nodes[]) {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const builder = new ProseBuilder(node.type === 'heading' ? 'heading' : role, node.type === 'heading' ? node.depth : 0)
        addPhrasing(builder, node.children, text, directives, codeRanges)
        if (/[A-Za-z]/.test(builder.build().text)) blocks.push(builder.build())
        break
      }
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            const builder = new ProseBuilder('table-cell')
            addPhrasing(builder, cell.children, text, directives, codeRanges)
            const block = builder.build()
            if (/[A-Za-z]/.test(block.text)) blocks.push(block)
          }
        }
        break
      case 'listItem':
        walkBlocks(node, text, blocks, directives, codeRanges, 'list-item')
        break
      case 'list':
      case 'blockquote':
      case 'footnoteDefinition':
        walkBlocks(node, text, blocks, directives, codeRanges, role)
        break
      case 'html': {
        const r = range(node)
        if (r) {
          codeRanges.push(r)
          const directive = parseDirective(node.value, r[0], 'html')
          if (directive) directives.push(directive)
        }
        break
      }
      case 'code':
      case 'yaml':
      case 'definition':
      case 'thematicBreak': {
        const r = range(node)
        if (r) codeRanges.push(r)
        break
      }
      default: {
        // toml front matter and any other literal block: never prose.
        const r = range(node)
        if (r) codeRanges.push(r)
      }
    }
  }
}

// Container markers at the start of continuation lines inside a text node (`> ` of a block
// quote) are replaced by spaces, keeping the slice the same length as the original.
function unquote(slice: string): string {
  if (!slice.includes('\n') && !slice.includes('\r')) return slice
  return slice.replace(/([\r\n])([ \t]*>)+/g, (match: string, eol: string) => eol + ' '.repeat(match.length - eol.length))
}

function addPhrasing(
  builder: ProseBuilder,
  nodes: PhrasingContent[],
  text: string,
  directives: Directive[],
  codeRanges: Array<[number, number]>,
): void {
  for (const node of nodes) {
    const r = range(node)
    if (!r) continue
    switch (node.type) {
      case 'text':
        addMasked(builder, unquote(text.slice(r[0], r[1])), r[0])
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
        addPhrasing(builder, node.children, text, directives, codeRanges)
        break
      case 'link':
      case 'linkReference': {
        // An autolink or bare URL shows its target as its text: that is code, not prose.
        const only = node.children.length === 1 ? node.children[0] : undefined
        const isAutolink = node.type === 'link' && only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url || `http://${only.value}` === node.url)
        if (isAutolink || node.children.length === 0) {
          builder.placeholder(r[0], r[1])
          codeRanges.push(r)
        } else addPhrasing(builder, node.children, text, directives, codeRanges)
        break
      }
      case 'break':
        builder.gap('\n', r[0])
        break
      case 'html': {
        codeRanges.push(r)
        const directive = parseDirective(node.value, r[0], 'html')
        if (directive) directives.push(directive)
        builder.gap(' ', r[0])
        break
      }
      default:
        // inlineCode, image, imageReference, footnoteReference: code-like, one placeholder word.
        codeRanges.push(r)
        builder.placeholder(r[0], r[1])
    }
  }
}
