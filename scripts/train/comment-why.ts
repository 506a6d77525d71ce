// Train comment-why: writes src/engine/models/comment-why/weights.json (deterministic).

import {writeFileSync} from 'node:fs'
import {bestThreshold, fit, javaSentences, outOfFold} from '../lib/comment-why-data.js'

export default async function trainCommentWhy(): Promise<void> {
  const java = javaSentences()
  // Threshold from out-of-fold scores on the Java sentences, split by class.
  const threshold = bestThreshold(outOfFold(java, 5, 11))
  const model = fit(java)
  model.threshold = threshold
  model.meta = {data: 'nlbse23_comments_java.train.jsonl (rational)', examples: java.length, classes: new Set(java.map((item) => item.group)).size}
  writeFileSync('src/engine/models/comment-why/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`comment-why: ${Object.keys(model.weights).length} weights, threshold ${threshold}`)
}
