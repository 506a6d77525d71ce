// What two parses must agree on for a prose block: its text, role, depth, cache key and place.
import type {ProseBlock} from '../../src/engine/prose.js'
import type {SourceDocument} from '../../src/engine/sources/types.js'

export function blockShape(block: ProseBlock) {
  return {text: block.text, role: block.role, depth: block.depth, key: block.key, start: block.origStart, end: block.origEnd}
}

/** What two parses of a Markdown document must agree on: its blocks and everything else it found. */
export function documentShape(document: SourceDocument) {
  return {
    blocks: document.blocks.map(blockShape),
    directives: document.directives,
    codeRanges: document.codeRanges,
    outline: document.outline,
    html: document.html,
    skippedRanges: document.skippedRanges,
  }
}
