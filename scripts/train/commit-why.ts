// Train commit-why: writes src/engine/models/commit-why/weights.json (deterministic: same data,
// same weights). Data: commit messages labelled by hand under test/data/commit-why (real ones from
// eslint, flask and git, plus hand-written ones in other styles); `exempt` items are left out.

import {readFileSync, writeFileSync} from 'node:fs'
import {commitFeatures} from '../../src/engine/models/commit-why/features.js'
import {probability, type Features, type LinearModel} from '../../src/engine/models/linear.js'
import {groupFolds, train, type Example} from '../lib/logreg.js'

export const DATA_FILES = ['test/data/commit-why/corpus-labelled.jsonl', 'test/data/commit-why/handwritten.jsonl']

export interface CommitItem extends Example {
  id: string
  text: string
  file: string
}

export interface LabelledCommit {
  id: string
  text: string
  label: 'why' | 'no-why' | 'exempt'
  group: string
  file: string
}

export function loadLabelled(files: readonly string[] = DATA_FILES): LabelledCommit[] {
  const items: LabelledCommit[] = []
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      items.push({...(JSON.parse(line) as Omit<LabelledCommit, 'file'>), file})
    }
  }
  return items
}

/** Judged items (why / no-why) as training examples: label 1 = has a why. */
export function commitExamples(items: readonly LabelledCommit[]): CommitItem[] {
  return items
    .filter((item) => item.label !== 'exempt')
    .map((item) => ({id: item.id, text: item.text, file: item.file, group: item.group, label: item.label === 'why' ? 1 : 0, features: commitFeatures(item.text).features as Features}))
}

export const TRAIN_OPTIONS = {epochs: 25, learningRate: 0.1, l2: 3e-3, minCount: 3, seed: 5} as const

export function fit(examples: readonly CommitItem[]): LinearModel {
  return train([...examples], 'commit-why: the message says why', TRAIN_OPTIONS)
}

/** Each message scored by a model trained without its group (k folds), to choose thresholds on unseen projects. */
export function outOfFold(examples: readonly CommitItem[], k: number, seed: number): Array<{item: CommitItem; score: number}> {
  const folds = groupFolds([...examples], k, seed)
  const out: Array<{item: CommitItem; score: number}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const held = folds[fold]!
    if (held.length === 0) continue
    const model = fit(folds.filter((_, index) => index !== fold).flat())
    for (const item of held) out.push({item, score: probability(model, item.features)})
  }
  return out
}

/**
 * The threshold on P(why) below which a message is reported as missing its why: the best F1 for
 * "missing" among thresholds whose precision is at least `minPrecision` (precision first: a wrong
 * nudge costs more than a missed one).
 */
export function chooseThreshold(pairs: ReadonlyArray<{score: number; missing: boolean}>, minPrecision = 0.8): number {
  let best = {key: -1, threshold: 0.5}
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100
    let tp = 0
    let fp = 0
    let fn = 0
    for (const {score, missing} of pairs) {
      const predicted = score < threshold
      if (predicted && missing) tp++
      else if (predicted) fp++
      else if (missing) fn++
    }
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    const key = (precision >= minPrecision ? 1 : 0) + f1
    if (key > best.key) best = {key, threshold}
  }
  return best.threshold
}

export function trainCommitModel(files: readonly string[] = DATA_FILES): LinearModel {
  const examples = commitExamples(loadLabelled(files))
  // The threshold comes from out-of-fold scores; the shipped weights from all the data.
  const groups = new Set(examples.map((example) => example.group)).size
  const threshold = chooseThreshold(outOfFold(examples, Math.min(5, groups), 3).map(({item, score}) => ({score, missing: item.label === 0})))
  const model = fit(examples)
  model.threshold = threshold
  model.meta = {data: files.join(', '), examples: examples.length, positives: examples.filter((example) => example.label === 1).length}
  return model
}

export default async function trainCommitWhy(): Promise<void> {
  const model = trainCommitModel()
  writeFileSync('src/engine/models/commit-why/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`commit-why: ${Object.keys(model.weights).length} weights, threshold ${model.threshold} (P(why) below it → missing)`)
}
