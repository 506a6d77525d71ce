// Train readme-why: writes src/engine/models/readme-why/weights.json (deterministic). Data: the
// annotated README sections of prana_readme_sections.train.jsonl (`Why` label), read from
// ../shared/datasets (or $WHYLINT_SHARED/datasets), plus hand-written READMEs under
// test/data/readme-why. The threshold is set on the README's score (its best section).

import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {probability, type LinearModel} from '../../src/engine/models/linear.js'
import {sectionFeatures} from '../../src/engine/models/readme-why/features.js'
import {splitSections} from '../../src/engine/models/readme-why/sections.js'
import {groupFolds, train, type Example} from '../lib/logreg.js'

export const SHARED = process.env.WHYLINT_SHARED ?? '../shared'
export const PRANA = join(SHARED, 'datasets', 'prana_readme_sections.train.jsonl')
export const EXTRA_DIR = 'test/data/readme-why'

export interface SectionItem extends Example {
  id: string
  readme: string
}

export interface Readme {
  group: string
  file: string
  why: boolean
  sections: SectionItem[]
}

interface PranaRow {
  id: string
  heading: string
  content: string
  labels: string[]
  annotated: boolean
  group: string
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
    // Position counts every section of the README; only annotated ones are examples.
    const sections: SectionItem[] = []
    rows.forEach((row, index) => {
      if (!row.annotated) return
      const depth = /^#+/.exec(row.heading)?.[0].length ?? 0
      const heading = row.heading.replace(/^#+\s*/, '').replace(/\s*#+\s*$/, '')
      sections.push({id: row.id, readme: group, group, label: row.labels.includes('Why') ? 1 : 0, features: sectionFeatures({heading, content: row.content, index, depth}).features})
    })
    if (sections.length > 0) readmes.push({group, file: PRANA, why: sections.some((section) => section.label === 1), sections})
  }
  // Hand-written READMEs: `why-*.md` have a why somewhere (their sections are labelled by the
  // `<!-- why -->` marker), `nowhy-*.md` have none.
  for (const name of readdirSync(EXTRA_DIR).filter((file) => file.endsWith('.md')).sort()) {
    const text = readFileSync(join(EXTRA_DIR, name), 'utf8')
    const group = `handwritten/${name}`
    const sections = splitSections(text).map((section) => ({
      id: `${name}#${section.index}`,
      readme: group,
      group,
      label: (section.content.includes('<!-- why -->') ? 1 : 0) as 0 | 1,
      features: sectionFeatures({...section, content: section.content.replace('<!-- why -->', '')}).features,
    }))
    readmes.push({group, file: join(EXTRA_DIR, name), why: name.startsWith('why-'), sections})
  }
  return readmes
}

export const TRAIN_OPTIONS = {epochs: 20, learningRate: 0.1, l2: 1e-2, minCount: 4, seed: 9, positiveWeight: 4} as const

export function fit(readmes: readonly Readme[]): LinearModel {
  return train(
    readmes.flatMap((readme) => readme.sections),
    'readme-why: the section says why the project exists',
    TRAIN_OPTIONS,
  )
}

export function readmeScore(model: LinearModel, readme: Readme): number {
  return readme.sections.reduce((best, section) => Math.max(best, probability(model, section.features)), 0)
}

export function outOfFold(readmes: readonly Readme[], k: number, seed: number): Array<{readme: Readme; score: number}> {
  const folds = groupFolds([...readmes], k, seed)
  const out: Array<{readme: Readme; score: number}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const model = fit(folds.filter((_, index) => index !== fold).flat())
    for (const readme of folds[fold]!) out.push({readme, score: readmeScore(model, readme)})
  }
  return out
}

/** README-level macro F1 (both classes) at a threshold. */
export function macroF1(pairs: ReadonlyArray<{score: number; why: boolean}>, threshold: number): number {
  const f1 = (positive: boolean) => {
    let tp = 0
    let fp = 0
    let fn = 0
    for (const {score, why} of pairs) {
      const predicted = score >= threshold === positive
      const actual = why === positive
      if (predicted && actual) tp++
      else if (predicted) fp++
      else if (actual) fn++
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)
  }
  return (f1(true) + f1(false)) / 2
}

export function chooseThreshold(pairs: ReadonlyArray<{score: number; why: boolean}>): number {
  let best = {f1: -1, threshold: 0.5}
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100
    const f1 = macroF1(pairs, threshold)
    // Ties go to the lower threshold: fewer READMEs called missing, fewer wrong nudges.
    if (f1 > best.f1) best = {f1, threshold}
  }
  return best.threshold
}

export function trainReadmeModel(): LinearModel {
  const readmes = loadReadmes()
  const threshold = chooseThreshold(outOfFold(readmes, 5, 3).map(({readme, score}) => ({score, why: readme.why})))
  const model = fit(readmes)
  model.threshold = threshold
  model.meta = {data: `prana_readme_sections.train.jsonl (annotated), ${EXTRA_DIR}`, readmes: readmes.length, sections: readmes.reduce((sum, readme) => sum + readme.sections.length, 0)}
  return model
}

export default async function trainReadmeWhy(): Promise<void> {
  const model = trainReadmeModel()
  writeFileSync('src/engine/models/readme-why/weights.json', `${JSON.stringify(model)}\n`)
  console.log(`readme-why: ${Object.keys(model.weights).length} weights, README threshold ${model.threshold}`)
}
