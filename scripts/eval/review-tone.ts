// Evaluate review-tone on the project's labelled review comments (`test/data/review-tone/`):
// 5-fold cross-validation split by paraphrase family (`group`), so no family is in training and
// test at once; the threshold is chosen inside each training part (nested 4-fold) for precision.

import {scores} from '../lib/logreg.js'
import {readJsonl, table} from '../lib/comment-data.js'
import {judge} from '../../src/engine/judge.js'
import {commentScore, fit, outOfFold, precisionThreshold, reviewRows, type ReviewRow} from '../lib/review-tone-data.js'
import {groupFolds} from '../lib/logreg.js'
import {TARGET_PRECISION} from '../train/review-tone.js'

const HELD_OUT = 'test/data/heldout/review-tone.jsonl'
// Written and labelled by readers who never saw the detector, and never trained on.
const WRITTEN = ['test/data/heldout/review-tone-written-3.jsonl', 'test/data/heldout/review-tone-written-4.jsonl', 'test/data/heldout/review-tone-written-9.jsonl', 'test/data/heldout/review-tone-written-10.jsonl']

export default async function evalReviewTone(): Promise<void> {
  const rows = reviewRows()
  const folds = groupFolds(rows, 5, 3)
  const pairs: Array<{actual: 0 | 1; predicted: 0 | 1; row: ReviewRow}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const threshold = precisionThreshold(outOfFold(trainPart, 4, 5), TARGET_PRECISION)
    const model = fit(trainPart)
    for (const row of folds[fold]!) pairs.push({actual: row.label === 'blunt' ? 1 : 0, predicted: commentScore(model, row.text) >= threshold ? 1 : 0, row})
  }
  const s = scores(pairs)
  console.log(`review-tone — data: test/data/review-tone, ${rows.length} comments (${rows.filter((row) => row.label === 'blunt').length} blunt), ${new Set(rows.map((row) => row.group)).size} families; 5-fold by family, nested threshold`)
  // Comments written after the last training change and never trained on, judged as shipped.
  const held = readJsonl<{text: string; label: 'blunt' | 'constructive'}>(HELD_OUT)
  const h = scores(held.map((row) => ({actual: row.label === 'blunt' ? 1 : 0, predicted: judge(row.text, {detector: 'review-tone'}).label === 'blunt' ? 1 : 0})))
  const rowsOut: Array<Array<string | number>> = [
    ['review-tone (positive = blunt)', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'tn'],
    ['comments', s.precision, s.recall, s.f1, s.tp, s.fp, s.fn, s.tn],
    [`held out (${HELD_OUT}, shipped)`, h.precision, h.recall, h.f1, h.tp, h.fp, h.fn, h.tn],
  ]
  for (const file of WRITTEN) {
    const written = readJsonl<{text: string; label: 'blunt' | 'constructive'; sure: boolean}>(file)
    for (const [name, items] of [['', written], [', sure labels', written.filter((row) => row.sure)]] as const) {
      const w = scores(items.map((row) => ({actual: row.label === 'blunt' ? 1 : 0, predicted: judge(row.text, {detector: 'review-tone'}).label === 'blunt' ? 1 : 0})))
      rowsOut.push([`${file.replace('test/data/heldout/', '')} (${items.length}${name}, shipped)`, w.precision, w.recall, w.f1, w.tp, w.fp, w.fn, w.tn])
    }
  }
  console.log(table(rowsOut))
  if (process.env.WHYLINT_EVAL_ERRORS) {
    for (const pair of pairs) if (pair.actual !== pair.predicted) console.log(`  ${pair.actual ? 'missed' : 'false alarm'}: ${pair.row.text}`)
  }
}
