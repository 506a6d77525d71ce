// Evaluate comment-why.
// 1. Held-out NLBSE'23 Java class-comment sentences (`rational`), as given (lower-cased,
//    punctuation stripped): 5-fold cross-validation split by class (`group`), so no class and no
//    sentence is in training and test at once; the threshold is chosen inside each training part
//    (nested 4-fold), never on the test fold.
// 2. The project's own labelled comments (`test/data/comment-why/`), never trained on, judged by
//    the shipped detector (committed weights).

import {explicitReason, judgeCommentWhy, MIN_WORDS} from '../../src/engine/models/comment-why/index.js'
import {probability} from '../../src/engine/models/linear.js'
import {table} from '../lib/comment-data.js'
import {bestThreshold, fit, javaSentences, outOfFold, ownExamples} from '../lib/comment-why-data.js'
import {groupFolds, scores} from '../lib/logreg.js'

type Pair = {actual: 0 | 1; predicted: 0 | 1}

export default async function evalCommentWhy(): Promise<void> {
  const java = javaSentences()
  const folds = groupFolds(java, 5, 3)
  const model: Pair[] = []
  const detector: Pair[] = []
  const cuesOnly: Pair[] = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const threshold = bestThreshold(outOfFold(trainPart, 4, 5))
    const fitted = fit(trainPart)
    for (const item of folds[fold]!) {
      const positive = probability(fitted, item.features) >= threshold
      const cue = explicitReason(item.text) !== undefined
      const long = item.text.split(/\s+/).length >= MIN_WORDS
      model.push({actual: item.label, predicted: positive ? 1 : 0})
      detector.push({actual: item.label, predicted: (long && positive) || cue ? 1 : 0})
      cuesOnly.push({actual: item.label, predicted: cue ? 1 : 0})
    }
  }
  const own = ownExamples()
  const ownPairs: Pair[] = own.map((item) => ({actual: item.label, predicted: judgeCommentWhy(item.text).label === 'present' ? 1 : 0}))
  const rows: Array<Array<string | number>> = [['comment-why (positive = rationale present)', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'tn']]
  for (const [name, pairs] of [
    ['java: explicit reason phrases only', cuesOnly],
    ['java: model', model],
    ['java: detector (model or phrase)', detector],
    ['own comments: shipped detector', ownPairs],
  ] as const) {
    const s = scores(pairs)
    rows.push([name, s.precision, s.recall, s.f1, s.tp, s.fp, s.fn, s.tn])
  }
  console.log(`comment-why — java: nlbse23_comments_java.train.jsonl, ${java.length} sentences, ${new Set(java.map((item) => item.group)).size} classes, 5-fold by class, nested threshold; own: test/data/comment-why, ${own.length} comments, not trained on (its reason phrases were written looking at them: optimistic)`)
  console.log(table(rows))
}
