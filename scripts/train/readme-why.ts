// Train readme-why: writes src/engine/models/readme-why/weights.json (deterministic). One example
// per README: the README's text is put back together from its sections (heading, blank line,
// content, in order, as they were cut from the file), so training reads exactly what `judge` reads.
// Data: prana_readme_sections.train.jsonl from ../shared/datasets (or $WHYLINT_SHARED/datasets): a
// README has a why when any annotated section carries `Why`; READMEs without annotated sections are
// skipped. Plus the hand-written READMEs of test/data/readme-why (`why-*.md` have a why).
// The threshold is chosen by cross-validation inside the training data.

import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {probability, type LinearModel} from '../../src/engine/models/linear.js'
import {readmeFeatures} from '../../src/engine/models/readme-why/features.js'
import {groupFolds, train, type Example} from '../lib/logreg.js'

export const SHARED = process.env.WHYLINT_SHARED ?? '../shared'
export const PRANA = join(SHARED, 'datasets', 'prana_readme_sections.train.jsonl')
export const EXTRA_DIR = 'test/data/readme-why'

export interface Readme extends Example {
  file: string
  text: string
  why: boolean
}

interface PranaRow {
  text: string
  labels: string[]
  annotated: boolean
  group: string
}

/** A README's text from its sections, in order: every row, annotated or not, as in the file. */
export function assemble(rows: ReadonlyArray<{text: string}>): string {
  return `${rows.map((row) => row.text).join('\n\n')}\n`
}

export function loadReadmes(): Readme[] {
  const byGroup = new Map<string, PranaRow[]>()
  for (const line of readFileSync(PRANA, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const row = JSON.parse(line) as PranaRow
    const list = byGroup.get(row.group) ?? []
    list.push(row)
    byGroup.set(row.group, list)
  }
  const readmes: Readme[] = []
  for (const [group, rows] of byGroup) {
    const annotated = rows.filter((row) => row.annotated)
    if (annotated.length === 0) continue
    const why = annotated.some((row) => row.labels.includes('Why'))
    const text = assemble(rows)
    readmes.push({group, file: PRANA, text, why, label: why ? 1 : 0, features: readmeFeatures(text).features})
  }
  for (const name of readdirSync(EXTRA_DIR).filter((file) => file.endsWith('.md')).sort()) {
    const text = readFileSync(join(EXTRA_DIR, name), 'utf8').replaceAll('<!-- why -->', '')
    const why = name.startsWith('why-')
    readmes.push({group: `handwritten/${name}`, file: join(EXTRA_DIR, name), text, why, label: why ? 1 : 0, features: readmeFeatures(text).features})
  }
  return readmes
}

export const TRAIN_OPTIONS = {epochs: 30, learningRate: 0.05, l2: 0.1, minCount: 8, seed: 9, positiveWeight: 2} as const

export function fit(readmes: readonly Readme[], options: typeof TRAIN_OPTIONS = TRAIN_OPTIONS): LinearModel {
  return train([...readmes], 'readme-why: the README says why the project exists', options)
}

export function outOfFold(readmes: readonly Readme[], k: number, seed: number, options: typeof TRAIN_OPTIONS = TRAIN_OPTIONS): Array<{readme: Readme; score: number}> {
  const folds = groupFolds([...readmes], k, seed)
  const out: Array<{readme: Readme; score: number}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const model = fit(
      folds.filter((_, index) => index !== fold).flat(),
      options,
    )
    for (const readme of folds[fold]!) out.push({readme, score: probability(model, readme.features)})
  }
  return out
}

export interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}

export function counts(pairs: ReadonlyArray<{predicted: boolean; why: boolean}>): Counts {
  const result = {tp: 0, fp: 0, fn: 0, tn: 0}
  for (const {predicted, why} of pairs) {
    if (predicted && why) result.tp++
    else if (predicted) result.fp++
    else if (why) result.fn++
    else result.tn++
  }
  return result
}

/** Macro F1 over both classes (present and missing). */
export function macroF1Of({tp, fp, fn, tn}: Counts): number {
  const present = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  const missing = tn === 0 ? 0 : (2 * tn) / (2 * tn + fn + fp)
  return (present + missing) / 2
}

export function macroF1(pairs: ReadonlyArray<{score: number; why: boolean}>, threshold: number): number {
  return macroF1Of(counts(pairs.map(({score, why}) => ({predicted: score >= threshold, why}))))
}

/** Precision of "missing" (a README called missing really has no why) at a threshold. */
export function missingPrecision(pairs: ReadonlyArray<{score: number; why: boolean}>, threshold: number): {precision: number; flagged: number} {
  const flagged = pairs.filter(({score}) => score < threshold)
  return {precision: flagged.length === 0 ? 1 : flagged.filter(({why}) => !why).length / flagged.length, flagged: flagged.length}
}

export function chooseThreshold(pairs: ReadonlyArray<{score: number; why: boolean}>): number {
  let best = {f1: -1, threshold: 0.5}
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100
    const f1 = macroF1(pairs, threshold)
    if (f1 > best.f1 + 1e-9) best = {f1, threshold}
  }
  return best.threshold
}

/** The rule's threshold: the highest score still called missing with precision ≥ `target`. */
export function chooseRuleThreshold(pairs: ReadonlyArray<{score: number; why: boolean}>, judgeThreshold: number, target = 0.9): number {
  let chosen = 0.05
  for (let step = 5; step <= Math.round(judgeThreshold * 100); step++) {
    const threshold = step / 100
    const {precision, flagged} = missingPrecision(pairs, threshold)
    if (flagged >= 10 && precision >= target) chosen = threshold
  }
  return chosen
}

export function trainReadmeModel(readmes: readonly Readme[] = loadReadmes()): LinearModel {
  const oof = outOfFold(readmes, 5, 3).map(({readme, score}) => ({score, why: readme.why}))
  const threshold = chooseThreshold(oof)
  const model = fit(readmes)
  model.threshold = threshold
  model.meta = {
    data: `prana_readme_sections.train.jsonl (READMEs with annotated sections), ${EXTRA_DIR}`,
    readmes: readmes.length,
    withWhy: readmes.filter((readme) => readme.why).length,
    ruleThreshold: chooseRuleThreshold(oof, threshold),
  }
  return model
}

export default async function trainReadmeWhy(): Promise<void> {
  const model = trainReadmeModel()
  writeFileSync('src/engine/models/readme-why/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`readme-why: ${Object.keys(model.weights).length} weights, judge threshold ${model.threshold}, rule threshold ${String(model.meta?.ruleThreshold)}`)
}
