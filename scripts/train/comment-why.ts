// Train comment-why: writes src/engine/models/comment-why/weights.json (deterministic).

import {writeFileSync} from 'node:fs'
import {buildModel} from '../lib/comment-why-data.js'

export default async function trainCommentWhy(): Promise<void> {
  const model = buildModel()
  writeFileSync('src/engine/models/comment-why/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`comment-why: ${Object.keys(model.weights).length} weights, threshold ${model.threshold}`)
}
