// Evaluate commit-why on held-out labelled commits: 5-fold cross-validation split by group (a
// repository or a hand-written style is never in training and test at once), then leave one
// project out (train on the rest, test on eslint, flask or git alone). The threshold is chosen
// inside each training part. Predictions are made as `judge` makes them: a reason stated in so many
// words counts as present whatever the model says. Also: the causal-keyword baseline, and the time
// to judge one message.

import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {judgeCommitWhy, STATED_REASON, statedReason} from '../../src/engine/models/commit-why/index.js'
import {commitParts} from '../../src/engine/models/commit-why/features.js'
import {exemptReason} from '../../src/engine/models/commit-why/exempt.js'
import {probability} from '../../src/engine/models/linear.js'
import {scores, groupFolds, type Scores} from '../lib/logreg.js'
import {readJsonl} from '../lib/comment-data.js'
import {chooseThreshold, commitExamples, DATA_FILES, fit, loadLabelled, outOfFold, type CommitItem} from '../train/commit-why.js'

// The causal-keyword baseline is the detector's own list of reasons stated in so many words.
const KEYWORDS = STATED_REASON

function row(name: string, s: Scores, items: number): string {
  return `${name.padEnd(34)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]  n=${items}`
}

function missingScores(pairs: ReadonlyArray<{item: CommitItem; predictedMissing: boolean}>): Scores {
  return scores(pairs.map(({item, predictedMissing}) => ({actual: item.label === 0 ? 1 : 0, predicted: predictedMissing ? 1 : 0})))
}

function thresholdFor(train: readonly CommitItem[]): number {
  const groups = new Set(train.map((item) => item.group)).size
  return chooseThreshold(outOfFold(train, Math.min(4, groups), 5).map(({item, score}) => ({score, missing: item.label === 0})))
}

const HELD_OUT = 'test/data/heldout/commit-why.jsonl'
// 180 messages of the corpus that no training file holds, labelled after the detector's last
// change by a reader who never saw its output: `present`, `missing` or `exempt`, and `sure`.
const BLIND = 'test/data/heldout/commit-why-blind.jsonl'
const CORPUS = join(process.env.WHYLINT_SHARED ?? '../shared', 'corpus', 'commits', 'commits.jsonl')

export default async function evalCommitWhy(): Promise<void> {
  const labelled = loadLabelled()
  const examples = commitExamples(labelled)
  console.log(`commit-why — data: ${DATA_FILES.join(', ')}: ${labelled.length} messages, ${examples.length} judged (${examples.filter((item) => item.label === 1).length} why, ${examples.filter((item) => item.label === 0).length} no-why), ${labelled.length - examples.length} exempt; positive class = "missing why"`)

  const folds = groupFolds(examples, 5, 3)
  const pooled: Array<{item: CommitItem; predictedMissing: boolean}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const model = fit(trainPart)
    const threshold = thresholdFor(trainPart)
    for (const item of folds[fold]!) pooled.push({item, predictedMissing: probability(model, item.features) < threshold && statedReason(commitParts(item.text)) === undefined})
  }
  console.log(row('5-fold by group (as judge)', missingScores(pooled), pooled.length))
  if (process.env.WHYLINT_EVAL_ERRORS) {
    for (const {item, predictedMissing} of pooled) {
      if (predictedMissing !== (item.label === 0)) console.log(`  ${predictedMissing ? 'wrong nudge' : 'missed'} (${item.group}): ${JSON.stringify(item.text.slice(0, 300))}`)
    }
  }
  const stated = examples.filter((item) => statedReason(commitParts(item.text)) !== undefined)
  console.log(`  a reason stated in so many words (judge counts it as present whatever the model says): ${stated.length} messages, ${stated.filter((item) => item.label === 1).length} of them labelled why`)
  console.log(row('causal keywords as the detector', missingScores(examples.map((item) => ({item, predictedMissing: !KEYWORDS.test(item.text)}))), examples.length))

  for (const project of ['eslint/eslint', 'pallets/flask', 'git/git']) {
    const trainPart = examples.filter((item) => item.group !== project)
    const held = examples.filter((item) => item.group === project)
    const model = fit(trainPart)
    const threshold = thresholdFor(trainPart)
    console.log(row(`leave out ${project}`, missingScores(held.map((item) => ({item, predictedMissing: probability(model, item.features) < threshold && statedReason(commitParts(item.text)) === undefined}))), held.length))
  }

  // Exemptions: how well the bump/merge patterns match the `exempt` labels.
  const exempt = scores(labelled.map((item) => ({actual: item.label === 'exempt' ? 1 : 0, predicted: exemptReason(item.text.split(/\r?\n/)[0]!) ? 1 : 0})))
  console.log(row('exempt patterns vs `exempt` labels', exempt, labelled.length))

  // Messages written after the last training change and never trained on, judged as shipped.
  const held = readJsonl<{text: string; label: 'present' | 'missing'}>(HELD_OUT)
  const heldScores = scores(held.map((row) => ({actual: row.label === 'missing' ? 1 : 0, predicted: judgeCommitWhy(row.text).label === 'missing' ? 1 : 0})))
  console.log(row(`held out (${HELD_OUT}, shipped)`, heldScores, held.length))

  if (existsSync(CORPUS)) {
    const corpus = new Map(readJsonl<{repo: string; sha: string; text: string}>(CORPUS).map((row) => [`${row.repo.split('/')[1]}-${row.sha.slice(0, 10)}`, row.text]))
    const trained = new Set(labelled.map((item) => item.id))
    const blind = readJsonl<{id: string; label: 'present' | 'missing' | 'exempt'; sure: boolean}>(BLIND).filter((row) => !trained.has(row.id) && corpus.has(row.id))
    const judged = blind.map((row) => ({row, result: judgeCommitWhy(corpus.get(row.id)!)}))
    const exemptLabelled = judged.filter(({row}) => row.label === 'exempt')
    const rest = judged.filter(({row, result}) => row.label !== 'exempt' && result.exempt === undefined)
    const blindScores = (items: typeof rest) => scores(items.map(({row, result}) => ({actual: row.label === 'missing' ? 1 : 0, predicted: result.label === 'missing' ? 1 : 0})))
    console.log(row(`blind (${BLIND}, shipped)`, blindScores(rest), rest.length))
    console.log(row('  the same, labels marked sure only', blindScores(rest.filter(({row}) => row.sure)), rest.filter(({row}) => row.sure).length))
    console.log(`  exempt: ${exemptLabelled.filter(({result}) => result.exempt !== undefined).length} of the ${exemptLabelled.length} labelled exempt are; ${judged.filter(({row, result}) => row.label !== 'exempt' && result.exempt !== undefined).length} labelled present or missing are exempt too (left out above)`)
  }

  const texts = labelled.map((item) => item.text)
  for (const text of texts.slice(0, 50)) judgeCommitWhy(text)
  const started = performance.now()
  for (const text of texts) judgeCommitWhy(text)
  console.log(`judge time: ${((performance.now() - started) / texts.length).toFixed(3)} ms per message (mean over ${texts.length})`)
}
