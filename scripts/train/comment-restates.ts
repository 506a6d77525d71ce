// Train comment-restates' calibration: writes src/engine/models/comment-restates/weights.json
// (deterministic).

import {writeFileSync} from 'node:fs'
import {precisionThreshold} from '../lib/comment-data.js'
import {fit, outOfFold, ownPairs, pascarellaPairs} from '../lib/comment-restates-data.js'

/** A restating-comment warning must be right: aim for this precision out of fold. */
export const TARGET_PRECISION = 0.92

export default async function trainCommentRestates(): Promise<void> {
  const rows = [...ownPairs(), ...pascarellaPairs()]
  const threshold = precisionThreshold(outOfFold(rows, 5, 11), TARGET_PRECISION)
  const model = fit(rows)
  model.threshold = threshold
  model.meta = {data: 'test/data/comment-restates, pascarella_java_comments_extended (License, Commented code, Auto generated)', pairs: rows.length}
  writeFileSync('src/engine/models/comment-restates/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`comment-restates: ${Object.keys(model.weights).length} weights, threshold ${threshold}`)
}
