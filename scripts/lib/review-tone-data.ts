// Data for review-tone: the project's labelled review comments (`test/data/review-tone/`), each
// with the sentences that make it blunt. Training is per sentence; a comment is blunt when its
// bluntest sentence is.

import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import type {LinearModel} from '../../src/engine/models/linear.js'
import {readSentences} from '../../src/engine/models/review-tone/features.js'
import {judgeReviewToneWithModel} from '../../src/engine/models/review-tone/index.js'
import {readJsonl} from './comment-data.js'
export {precisionThreshold} from './comment-data.js'
import {groupFolds, train, type Example, type TrainOptions} from './logreg.js'

export interface ReviewRow {
  text: string
  label: 'blunt' | 'constructive'
  group: string
  /** The sentences that are blunt (empty for constructive comments). */
  blunt: string[]
}

export const TRAIN_OPTIONS: TrainOptions = {epochs: 20, l2: 1e-4, seed: 1, minCount: 2}

export function reviewRows(): ReviewRow[] {
  const dir = 'test/data/review-tone'
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readJsonl<ReviewRow>(join(dir, name)))
}

/** One training example per sentence, read as `judge` reads it. */
export function sentenceExamples(rows: ReviewRow[]): Example[] {
  const out: Example[] = []
  for (const row of rows) {
    for (const sentence of readSentences(row.text)) {
      const blunt = row.blunt.some((item) => item.includes(sentence.text) || sentence.text.includes(item))
      out.push({features: sentence.features, label: blunt ? 1 : 0, group: row.group})
    }
  }
  return out
}

export function fit(rows: ReviewRow[]): LinearModel {
  return train(sentenceExamples(rows), 'review-tone: blunt sentence', TRAIN_OPTIONS)
}

/** A comment's score as `judge` gives it: its bluntest sentence, 0.99 for one blunt outright. */
export function commentScore(model: LinearModel, text: string): number {
  return judgeReviewToneWithModel(text, {...model, threshold: 1}).score
}

export function outOfFold(rows: ReviewRow[], k: number, seed: number): Array<{score: number; actual: 0 | 1; row: ReviewRow}> {
  const folds = groupFolds(rows, k, seed)
  const out: Array<{score: number; actual: 0 | 1; row: ReviewRow}> = []
  for (let fold = 0; fold < k; fold++) {
    const model = fit(folds.filter((_, index) => index !== fold).flat())
    for (const row of folds[fold]!) out.push({score: commentScore(model, row.text), actual: row.label === 'blunt' ? 1 : 0, row})
  }
  return out
}
