// Data for comment-restates: the project's labelled comment + code pairs
// (`test/data/comment-restates/`, several languages, written for this), and, read from the
// shared datasets at train/eval time, Pascarella & Bacchelli Java comments labelled `License`,
// `Commented code` or `Auto generated` (never restatements), paired with a plain next line.

import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {judgeCommentRestates, restatesDecision, restatesFeatures, type RestatesResult} from '../../src/engine/models/comment-restates/index.js'
import {parseCode} from '../../src/engine/sources/code/index.js'
import type {Features} from '../../src/engine/models/linear.js'
import {dataset, readJsonl, type DatasetRow} from './comment-data.js'
import {groupFolds, train, type Example} from './logreg.js'
import {probability, type LinearModel} from '../../src/engine/models/linear.js'

export interface PairRow {
  /** The comment in host syntax followed by the code (the `judge` convention). */
  text: string
  language: string
  label: 'restates' | 'informative'
  group: string
  source: string
}

export function ownPairs(): PairRow[] {
  const dir = 'test/data/comment-restates'
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readJsonl<PairRow>(join(dir, name)))
}

const PASCARELLA_LABELS = ['License', 'Commented code', 'Auto generated']

export function pascarellaPairs(): PairRow[] {
  const out: PairRow[] = []
  for (const row of dataset<DatasetRow>('pascarella_java_comments_extended.train.jsonl')) {
    const label = PASCARELLA_LABELS.find((name) => row.labels.length === 1 && row.labels[0] === name)
    const text = row.text.trim()
    if (!label || !/^\/[/*]/.test(text)) continue
    out.push({text: `${text}\n${label === 'License' ? 'package org.example;' : 'doWork();'}`, language: 'java', label: 'informative', group: `pascarella:${row.group}`, source: `pascarella ${label}`})
  }
  return out
}

/** The calibration features of a pair, or undefined when the detector decides without the model (exempt, no code). */
export function pairFeatures(row: PairRow): {features: Features; result: RestatesResult} | undefined {
  const document = parseCode(row.text, row.language)
  const comment = (document.comments ?? []).find((item) => item.code !== null)
  const result = judgeCommentRestates(row.text, {languageId: row.language})
  if (!comment || !result.coverage) return undefined
  return {features: restatesFeatures(result.coverage, comment.style), result}
}

export function examples(rows: PairRow[]): Example[] {
  const out: Example[] = []
  for (const row of rows) {
    const pair = pairFeatures(row)
    if (pair) out.push({features: pair.features, label: row.label === 'restates' ? 1 : 0, group: row.group})
  }
  return out
}

export function fit(rows: PairRow[]): LinearModel {
  return train(examples(rows), 'comment-restates: restates the code', {epochs: 40, l2: 1e-3, seed: 1, minCount: 1})
}

/** The detector's decision for a pair under a given model and threshold (what the shipped detector does). */
export function predict(model: LinearModel, threshold: number, row: PairRow): {score: number; restates: boolean} {
  const pair = pairFeatures(row)
  if (!pair || !pair.result.coverage) return {score: 0, restates: false}
  const score = probability(model, pair.features)
  return {score, restates: restatesDecision(pair.result.coverage, score, threshold)}
}

export function outOfFold(rows: PairRow[], k: number, seed: number): Array<{score: number; actual: 0 | 1}> {
  const folds = groupFolds(rows, k, seed)
  const out: Array<{score: number; actual: 0 | 1}> = []
  for (let fold = 0; fold < k; fold++) {
    const model = fit(folds.filter((_, index) => index !== fold).flat())
    for (const row of folds[fold]!) {
      const pair = pairFeatures(row)
      // Pairs the structural checks rule out (exempt, adds something, words left over) score 0.
      const score = pair && pair.result.coverage && restatesDecision(pair.result.coverage, 1, 0) ? probability(model, pair.features) : 0
      out.push({score, actual: row.label === 'restates' ? 1 : 0})
    }
  }
  return out
}
