// Evaluate comment-restates on held-out comment + code pairs: the project's labelled pairs
// (`test/data/comment-restates/`) and Pascarella Java `License` / `Commented code` /
// `Auto generated` comments. 5-fold cross-validation split by `group` (one code snippet and all
// its comments, or one Java class), threshold chosen inside each training part (nested 4-fold).
// Then the shipped detector on comments written after the rule and never trained on
// (`test/data/heldout/comment-restates-written*.jsonl`).

import {readFileSync} from 'node:fs'
import {judgeCommentRestates} from '../../src/engine/models/comment-restates/index.js'
import {precisionThreshold, table} from '../lib/comment-data.js'
import {fit, outOfFold, ownPairs, pascarellaPairs, predict, type PairRow} from '../lib/comment-restates-data.js'
import {groupFolds, scores} from '../lib/logreg.js'
import {TARGET_PRECISION} from '../train/comment-restates.js'

const HELD_OUT = ['test/data/heldout/comment-restates-written.jsonl', 'test/data/heldout/comment-restates-written-2.jsonl']

export default async function evalCommentRestates(): Promise<void> {
  const own = ownPairs()
  const pascarella = pascarellaPairs()
  const rows = [...own, ...pascarella]
  const folds = groupFolds(rows, 5, 3)
  const pairs: Array<{actual: 0 | 1; predicted: 0 | 1; row: PairRow}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const threshold = precisionThreshold(outOfFold(trainPart, 4, 5), TARGET_PRECISION)
    const model = fit(trainPart)
    for (const row of folds[fold]!) pairs.push({actual: row.label === 'restates' ? 1 : 0, predicted: predict(model, threshold, row).restates ? 1 : 0, row})
  }
  const rowsOut: Array<Array<string | number>> = [['comment-restates (positive = restates)', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'tn']]
  const add = (name: string, subset: typeof pairs) => {
    const s = scores(subset)
    // With no positives (licence headers and the like) only the false alarms mean anything.
    const none = s.tp + s.fn === 0
    rowsOut.push([name, none && s.fp === 0 ? 'n/a' : s.precision, none ? 'n/a' : s.recall, none ? 'n/a' : s.f1, s.tp, s.fp, s.fn, s.tn])
  }
  add('all pairs', pairs)
  add('written pairs', pairs.filter((pair) => pair.row.source === 'written'))
  add('pascarella licence/commented-out/generated', pairs.filter((pair) => pair.row.source !== 'written'))
  console.log(`comment-restates — data: test/data/comment-restates (${own.length} pairs, ${new Set(own.map((row) => row.language)).size} languages) + pascarella_java_comments_extended.train.jsonl (${pascarella.length} comments); 5-fold by group, nested threshold`)
  console.log(table(rowsOut))
  if (process.env.WHYLINT_EVAL_ERRORS) {
    for (const pair of pairs) if (pair.actual !== pair.predicted) console.log(`  ${pair.actual ? 'missed' : 'false alarm'}: ${JSON.stringify(pair.row.text)}`)
  }

  for (const path of HELD_OUT) {
    const held = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as {id: string; language: string; text: string; label: 'restates' | 'informative'; sure: boolean})
    const judged = held.map((item) => ({item, actual: (item.label === 'restates' ? 1 : 0) as 0 | 1, predicted: (judgeCommentRestates(item.text, {languageId: item.language}).label === 'restates' ? 1 : 0) as 0 | 1}))
    const heldOut: Array<Array<string | number>> = [[`${path} (shipped weights)`, 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'tn']]
    for (const [name, subset] of [['all', judged], ['labels marked sure', judged.filter(({item}) => item.sure)]] as const) {
      const s = scores(subset)
      heldOut.push([name, s.precision, s.recall, s.f1, s.tp, s.fp, s.fn, s.tn])
    }
    console.log(`held out: ${held.length} comments in ${new Set(held.map((item) => item.language)).size} languages, written and labelled after the rule`)
    console.log(table(heldOut))
    if (process.env.WHYLINT_EVAL_ERRORS) {
      for (const {item, actual, predicted} of judged) if (actual !== predicted) console.log(`  ${actual ? 'missed' : 'false alarm'}: ${item.id} ${JSON.stringify(item.text)}`)
    }
  }
}
