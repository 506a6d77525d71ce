// Train review-tone: writes src/engine/models/review-tone/weights.json (deterministic).

import {writeFileSync} from 'node:fs'
import {fit, outOfFold, precisionThreshold, reviewRows, sentenceExamples} from '../lib/review-tone-data.js'

/** Precision the threshold aims for on out-of-fold comments: a wrong tone nudge is costly. */
export const TARGET_PRECISION = 0.9

export default async function trainReviewTone(): Promise<void> {
  const rows = reviewRows()
  const threshold = precisionThreshold(outOfFold(rows, 5, 11), TARGET_PRECISION)
  const model = fit(rows)
  model.threshold = threshold
  model.meta = {data: 'test/data/review-tone', comments: rows.length, sentences: sentenceExamples(rows).length, groups: new Set(rows.map((row) => row.group)).size}
  writeFileSync('src/engine/models/review-tone/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`review-tone: ${Object.keys(model.weights).length} weights, threshold ${threshold}`)
}
