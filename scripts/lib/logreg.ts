// Logistic regression trainer for `npm run train`: AdaGrad over sparse features, L2, class
// weights, a seeded shuffle so the same data gives the same weights. Offline only: the engine
// ships the weights, not this file.

import type {Features, LinearModel} from '../../src/engine/models/linear.js'

export interface Example {
  features: Features
  label: 0 | 1
  group: string
  /** How much this example counts in the loss (default 1), e.g. less for data from a neighbouring task. */
  weight?: number
}

export interface TrainOptions {
  epochs?: number
  learningRate?: number
  l2?: number
  /** Weight of positive examples relative to negative ones (default: balanced). */
  positiveWeight?: number
  /** Drop features seen in fewer examples than this. */
  minCount?: number
  seed?: number
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function train(examples: Example[], name: string, options: TrainOptions = {}): LinearModel {
  const epochs = options.epochs ?? 30
  // AdaGrad shrinks each weight's steps as its gradients add up, so a large first step is safe.
  const rate = options.learningRate ?? 0.2
  const l2 = options.l2 ?? 1e-4
  const minCount = options.minCount ?? 2
  const positives = examples.filter((example) => example.label === 1).length
  const positiveWeight = options.positiveWeight ?? (positives > 0 ? (examples.length - positives) / positives : 1)

  const counts = new Map<string, number>()
  for (const example of examples) for (const feature of example.features.keys()) counts.set(feature, (counts.get(feature) ?? 0) + 1)
  const keep = (feature: string) => feature.startsWith('@') || (counts.get(feature) ?? 0) >= minCount

  const weights = new Map<string, number>()
  const squares = new Map<string, number>()
  let bias = 0
  let biasSquares = 0
  const order = examples.map((_, index) => index)
  const next = random(options.seed ?? 1)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(next() * (index + 1))
      ;[order[index], order[other]] = [order[other]!, order[index]!]
    }
    for (const position of order) {
      const example = examples[position]!
      let sum = bias
      for (const [feature, value] of example.features) if (keep(feature)) sum += (weights.get(feature) ?? 0) * value
      const predicted = 1 / (1 + Math.exp(-sum))
      const scale = (example.label === 1 ? positiveWeight : 1) * (example.weight ?? 1)
      const gradient = (predicted - example.label) * scale
      biasSquares += gradient * gradient
      bias -= (rate / Math.sqrt(biasSquares + 1e-8)) * gradient
      for (const [feature, value] of example.features) {
        if (!keep(feature)) continue
        const weight = weights.get(feature) ?? 0
        const g = gradient * value + l2 * weight
        const squared = (squares.get(feature) ?? 0) + g * g
        squares.set(feature, squared)
        weights.set(feature, weight - (rate / Math.sqrt(squared + 1e-8)) * g)
      }
    }
  }
  const rounded: Record<string, number> = {}
  for (const [feature, weight] of [...weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const value = Math.round(weight * 1000) / 1000
    if (Math.abs(value) >= 0.01) rounded[feature] = value
  }
  return {name, bias: Math.round(bias * 1000) / 1000, weights: rounded, threshold: 0.5}
}

/** Split examples into k folds, keeping every group on one side. */
export function groupFolds<T extends {group: string}>(items: T[], k: number, seed = 7): T[][] {
  const groups = [...new Set(items.map((item) => item.group))].sort()
  const next = random(seed)
  for (let index = groups.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1))
    ;[groups[index], groups[other]] = [groups[other]!, groups[index]!]
  }
  const foldOf = new Map(groups.map((group, index) => [group, index % k]))
  const folds: T[][] = Array.from({length: k}, () => [])
  for (const item of items) folds[foldOf.get(item.group)!]!.push(item)
  return folds
}

export interface Scores {
  tp: number
  fp: number
  fn: number
  tn: number
  precision: number
  recall: number
  f1: number
}

export function scores(pairs: Array<{actual: 0 | 1; predicted: 0 | 1}>): Scores {
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (const {actual, predicted} of pairs) {
    if (predicted === 1 && actual === 1) tp++
    else if (predicted === 1) fp++
    else if (actual === 1) fn++
    else tn++
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return {tp, fp, fn, tn, precision, recall, f1}
}
