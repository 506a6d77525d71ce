// Applying fixes: edits are sorted and applied back to front; an edit that overlaps one already
// taken is dropped (and reported), so applying "all" never garbles text.

import type {Edit, Finding, Fix} from './types.js'

export interface Applied {
  text: string
  applied: number
  skipped: number
}

/** Apply edits to text; overlapping edits after the first are skipped. */
export function applyEdits(text: string, edits: readonly Edit[]): Applied {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
  const taken: Edit[] = []
  let skipped = 0
  let lastEnd = -1
  for (const edit of sorted) {
    if (edit.offset < 0 || edit.endOffset > text.length || edit.endOffset < edit.offset) {
      skipped++
      continue
    }
    // Two insertions at one point are fine; anything else that overlaps is not.
    if (edit.offset < lastEnd || (taken.length > 0 && edit.offset === lastEnd && edit.offset === edit.endOffset && taken[taken.length - 1]!.offset === edit.offset && taken[taken.length - 1]!.endOffset !== edit.offset)) {
      skipped++
      continue
    }
    taken.push(edit)
    lastEnd = Math.max(lastEnd, edit.endOffset)
  }
  let result = text
  for (let index = taken.length - 1; index >= 0; index--) {
    const edit = taken[index]!
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.endOffset)
  }
  return {text: result, applied: taken.length, skipped}
}

/** The preferred fix of each finding, as one list of edits (what `--fix` applies). */
export function preferredEdits(findings: readonly Finding[]): Edit[] {
  const edits: Edit[] = []
  for (const finding of findings) {
    const fix: Fix | undefined = finding.fixes?.find((candidate) => candidate.preferred)
    if (!fix) continue
    // A fix is applied whole or not at all: skip it if it overlaps an edit already chosen.
    const overlaps = fix.edits.some((edit) => edits.some((other) => edit.offset < other.endOffset && other.offset < edit.endOffset))
    if (!overlaps) edits.push(...fix.edits)
  }
  return edits
}
