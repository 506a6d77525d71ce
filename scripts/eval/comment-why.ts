// Evaluate comment-why.
// 1. Held-out NLBSE'23 Java class-comment sentences (`rational`), as given (lower-cased,
//    punctuation stripped): 5-fold cross-validation split by class (`group`), so no class is in
//    training and test at once, and a sentence repeated in another class is dropped from training
//    while its copy is tested; the threshold is chosen inside each training part (nested 4-fold),
//    never on the test fold. With 214 positives, 115 of them from one class, one split's F1 swings
//    by ±0.05, so the table gives five fold seeds and their mean. Seeds 21–30 were used to choose
//    the training options; the seeds here (1–5) were not. The class with the most rationale
//    sentences (115 of 214, ten lines repeated) is also left out of the scoring in one more row,
//    as the held-back sentences come from other classes: there, chance (all positive) is 0.131.
// 2. The project's own labelled comments (`test/data/comment-why/`), never trained on, judged by
//    the shipped detector (committed weights).

import {explicitReason, judgeCommentWhy, MIN_WORDS} from '../../src/engine/models/comment-why/index.js'
import {probability} from '../../src/engine/models/linear.js'
import {table} from '../lib/comment-data.js'
import {bestThreshold, fit, javaSentences, outOfFold, ownExamples, trainingSet, withoutOverlap, type WhyExample} from '../lib/comment-why-data.js'
import {groupFolds, scores, type Scores} from '../lib/logreg.js'

type Pair = {actual: 0 | 1; predicted: 0 | 1}

const SEEDS = [1, 2, 3, 4, 5]

function crossValidate(java: WhyExample[], seed: number, largest: string): {cues: Pair[]; model: Pair[]; detector: Pair[]; others: Pair[]} {
  const folds = groupFolds(java, 5, seed)
  const out = {cues: [] as Pair[], model: [] as Pair[], detector: [] as Pair[], others: [] as Pair[]}
  for (let fold = 0; fold < folds.length; fold++) {
    const held = folds[fold]!
    const trainPart = withoutOverlap(folds.filter((_, index) => index !== fold).flat(), held)
    const threshold = bestThreshold(outOfFold(trainPart, 4, 5))
    const fitted = fit(trainingSet(trainPart, held))
    for (const item of held) {
      const positive = probability(fitted, item.features) >= threshold
      const cue = explicitReason(item.text) !== undefined
      const long = item.text.split(/\s+/).length >= MIN_WORDS
      out.model.push({actual: item.label, predicted: positive ? 1 : 0})
      out.detector.push({actual: item.label, predicted: (long && positive) || cue ? 1 : 0})
      out.cues.push({actual: item.label, predicted: cue ? 1 : 0})
      if (item.group !== largest) out.others.push(out.detector.at(-1)!)
    }
  }
  return out
}

function row(name: string, s: Scores): Array<string | number> {
  return [name, s.precision, s.recall, s.f1, s.tp, s.fp, s.fn, s.tn]
}

function mean(name: string, all: Scores[]): Array<string | number> {
  const average = (pick: (s: Scores) => number) => all.reduce((sum, s) => sum + pick(s), 0) / all.length
  return [name, average((s) => s.precision), average((s) => s.recall), average((s) => s.f1), average((s) => s.tp), average((s) => s.fp), average((s) => s.fn), average((s) => s.tn)]
}

export default async function evalCommentWhy(): Promise<void> {
  const java = javaSentences()
  const rows: Array<Array<string | number>> = [['comment-why (positive = rationale present)', 'precision', 'recall', 'F1', 'tp', 'fp', 'fn', 'tn']]
  const byKind = {cues: [] as Scores[], model: [] as Scores[], detector: [] as Scores[], others: [] as Scores[]}
  const positives = new Map<string, number>()
  for (const item of java) positives.set(item.group, (positives.get(item.group) ?? 0) + item.label)
  const largest = [...positives].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]
  for (const seed of SEEDS) {
    const result = crossValidate(java, seed, largest)
    for (const kind of ['model', 'detector'] as const) {
      const s = scores(result[kind])
      byKind[kind].push(s)
      rows.push(row(`java seed ${seed}: ${kind}`, s))
    }
    byKind.cues.push(scores(result.cues))
    byKind.others.push(scores(result.others))
  }
  rows.push(mean('java mean: explicit reason phrases only', byKind.cues))
  rows.push(mean('java mean: model', byKind.model))
  rows.push(mean('java mean: detector (model or phrase)', byKind.detector))
  rows.push(mean(`java mean: detector, without ${largest.replace(/^java:/, '')}`, byKind.others))
  const own = ownExamples()
  const ownPairs: Pair[] = own.map((item) => ({actual: item.label, predicted: judgeCommentWhy(item.text).label === 'present' ? 1 : 0}))
  rows.push(row('own comments: shipped detector', scores(ownPairs)))
  console.log(`comment-why — java: nlbse23_comments_java.train.jsonl, ${java.length} sentences, ${new Set(java.map((item) => item.group)).size} classes, 5-fold by class, fold seeds ${SEEDS.join(', ')}, nested threshold; own: test/data/comment-why, ${own.length} comments, not trained on (its reason phrases were written looking at them: optimistic)`)
  console.log(table(rows))
}
