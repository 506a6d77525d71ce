// What two parses must agree on for a prose block: its text, role, depth, cache key and place.
import type {ProseBlock} from '../../src/engine/prose.js'

export function blockShape(block: ProseBlock) {
  return {text: block.text, role: block.role, depth: block.depth, key: block.key, start: block.origStart, end: block.origEnd}
}
