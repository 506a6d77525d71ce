// The retext plugins as the reference the shared prose pass is held to: run a plugin's
// transformer on one block's tree and return its messages in block offsets.
import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import type {BlockMessage} from '../../src/engine/rules/retext.js'

export type RetextTransformer = (tree: NlcstRoot, file: VFile) => void

export function blockMessages(transformer: RetextTransformer, tree: NlcstRoot, text: string): BlockMessage[] {
  const scratch = new VFile({value: text})
  transformer(tree, scratch)
  const messages: BlockMessage[] = []
  for (const message of scratch.messages) {
    const place = message.place
    if (!place) continue
    const start = 'start' in place ? place.start.offset : place.offset
    const end = 'end' in place ? place.end.offset : place.offset
    if (start === undefined || end === undefined) continue
    messages.push({
      start,
      end,
      reason: message.reason,
      actual: typeof message.actual === 'string' ? message.actual : undefined,
      expected: Array.isArray(message.expected) ? [...message.expected] : undefined,
      pluginRuleId: message.ruleId ?? undefined,
    })
  }
  return messages
}
