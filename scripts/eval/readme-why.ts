// Evaluate readme-why at README level (a README has a why when any section is labelled Why) on
// prana_readme_sections.train.jsonl (annotated) plus test/data/readme-why: 5-fold cross-validation
// split by README, the threshold chosen inside each training part. Prints precision, recall, F1
// and the confusion matrix for both classes, their macro-F1, and the time to judge one README.

import {readFileSync} from 'node:fs'
import {judgeReadmeWhy} from '../../src/engine/models/readme-why/index.js'
import {groupFolds, scores, type Scores} from '../lib/logreg.js'
import {chooseThreshold, fit, loadReadmes, outOfFold, PRANA, readmeScore} from '../train/readme-why.js'

function row(name: string, s: Scores, items: number): string {
  return `${name.padEnd(34)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]  n=${items}`
}

export default async function evalReadmeWhy(): Promise<void> {
  const readmes = loadReadmes()
  console.log(`readme-why — data: ${PRANA} (annotated sections) + test/data/readme-why: ${readmes.length} READMEs, ${readmes.filter((readme) => readme.why).length} with a Why section, ${readmes.reduce((sum, readme) => sum + readme.sections.length, 0)} sections`)
  const folds = groupFolds(readmes, 5, 3)
  const pairs: Array<{why: boolean; predicted: boolean}> = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const model = fit(trainPart)
    const threshold = chooseThreshold(outOfFold(trainPart, 4, 5).map(({readme, score}) => ({score, why: readme.why})))
    for (const readme of folds[fold]!) pairs.push({why: readme.why, predicted: readmeScore(model, readme) >= threshold})
  }
  const missing = scores(pairs.map(({why, predicted}) => ({actual: why ? 0 : 1, predicted: predicted ? 0 : 1})))
  const present = scores(pairs.map(({why, predicted}) => ({actual: why ? 1 : 0, predicted: predicted ? 1 : 0})))
  console.log(row('5-fold by README: missing', missing, pairs.length))
  console.log(row('5-fold by README: present', present, pairs.length))
  console.log(`macro-F1 ${((missing.f1 + present.f1) / 2).toFixed(3)}`)

  const text = readFileSync('test/data/readme-why/why-section.md', 'utf8')
  const samples = ['test/data/readme-why/why-intro.md', 'test/data/readme-why/nowhy-install.md'].map((file) => readFileSync(file, 'utf8')).concat(text)
  for (const sample of samples) judgeReadmeWhy(sample)
  const started = performance.now()
  for (let index = 0; index < 300; index++) judgeReadmeWhy(`${samples[index % samples.length]!}${index}`)
  console.log(`judge time: ${((performance.now() - started) / 300).toFixed(3)} ms per README (mean of 300, hand-written READMEs of 0.3–0.6 KB)`)
}
