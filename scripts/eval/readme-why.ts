// Evaluate readme-why at README level: a README has a why when any of its annotated sections is
// labelled `Why`. Data: prana_readme_sections.train.jsonl (READMEs with annotated sections, each
// put back together from its sections) plus test/data/readme-why. Every prediction goes through
// the detector's own entry point on the whole README text, with the model trained on the other
// folds: 5-fold cross-validation split by README, thresholds chosen by a second cross-validation
// inside each training part (nested: the held-out fold is never used for tuning). Prints, next to
// the plain keyword check, precision, recall, F1 and the confusion matrix of both classes and
// their macro-F1, for `judge` (its threshold) and for the rule (its stricter threshold), then the
// time to judge one README and the size of the weights.

import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {judge} from '../../src/engine/judge.js'
import {judgeReadmeWhy, judgeReadmeWithModel, ruleThreshold} from '../../src/engine/models/readme-why/index.js'
import {groupFolds, scores, type Scores} from '../lib/logreg.js'
import {BLIND_SETS, INSTALLED_LABELS, npmReadmes} from '../lib/npm-readmes.js'
import {chooseRuleThreshold, chooseThreshold, fit, loadReadmes, outOfFold, PRANA, type Readme, views} from '../train/readme-why.js'

const KEYWORD = /\b(?:why|motivation|problem|because)\b/i
const SEEDS = [3, 11, 21]

function row(name: string, s: Scores, items: number): string {
  return `  ${name.padEnd(30)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  [tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}]  n=${items}`
}

/** Prints both classes and returns the macro-F1. */
function table(name: string, pairs: ReadonlyArray<{why: boolean; present: boolean}>, print: boolean): number {
  const present = scores(pairs.map(({why, present: predicted}) => ({actual: why ? 1 : 0, predicted: predicted ? 1 : 0})))
  const missing = scores(pairs.map(({why, present: predicted}) => ({actual: why ? 0 : 1, predicted: predicted ? 0 : 1})))
  const macro = (present.f1 + missing.f1) / 2
  if (print) {
    console.log(`${name}: macro-F1 ${macro.toFixed(3)}`)
    console.log(row('present', present, pairs.length))
    console.log(row('missing', missing, pairs.length))
  }
  return macro
}

type Pairs = Array<{why: boolean; present: boolean; handwritten?: boolean}>

function crossValidate(readmes: readonly Readme[], seed: number): {judge: Pairs; rule: Pairs; readmeOnly: Pairs; sectionOnly: Pairs} {
  const folds = groupFolds([...readmes], 5, seed)
  const judged: Pairs = []
  const ruled: Pairs = []
  const readmeOnly: Pairs = []
  const sectionOnly: Pairs = []
  for (let fold = 0; fold < folds.length; fold++) {
    const trainPart = folds.filter((_, index) => index !== fold).flat()
    const model = fit(trainPart)
    const inner = outOfFold(trainPart, 4, 5)
    const pairs = inner.map(({readme, score}) => ({score, why: readme.why}))
    model.threshold = chooseThreshold(pairs)
    model.ruleThreshold = chooseRuleThreshold(pairs, model.threshold)
    // Each view alone, with its own threshold from the same inner folds: what combining them adds.
    const readmeThreshold = chooseThreshold(inner.map(({readme, views: scored}) => ({score: scored.readme, why: readme.why})))
    const sectionThreshold = chooseThreshold(inner.map(({readme, views: scored}) => ({score: scored.section, why: readme.why})))
    for (const readme of folds[fold]!) {
      const result = judgeReadmeWithModel(readme.text, model)
      judged.push({why: readme.why, present: result.label === 'present', handwritten: readme.group.startsWith('handwritten/')})
      ruled.push({why: readme.why, present: !result.confident})
      const scored = views(model, readme)
      readmeOnly.push({why: readme.why, present: scored.readme >= readmeThreshold})
      sectionOnly.push({why: readme.why, present: scored.section >= sectionThreshold})
    }
  }
  return {judge: judged, rule: ruled, readmeOnly, sectionOnly}
}

export default async function evalReadmeWhy(): Promise<void> {
  const readmes = loadReadmes()
  console.log(`readme-why — data: ${PRANA} (READMEs with annotated sections, reassembled) + test/data/readme-why: ${readmes.length} READMEs, ${readmes.filter((readme) => readme.why).length} with a Why section`)
  table('keyword check (why|motivation|problem|because anywhere in the text)', readmes.map((readme) => ({why: readme.why, present: KEYWORD.test(readme.text)})), true)

  const pranaF1: number[] = []
  const handwrittenF1: number[] = []
  const judgeF1: number[] = []
  const ruleF1: number[] = []
  const readmeF1: number[] = []
  const sectionF1: number[] = []
  for (const seed of SEEDS) {
    const {judge: judged, rule, readmeOnly, sectionOnly} = crossValidate(readmes, seed)
    const print = seed === SEEDS[0]
    judgeF1.push(table(`judge, nested 5-fold by README (fold seed ${seed})`, judged, print))
    pranaF1.push(table('judge, Prana READMEs only', judged.filter((pair) => !pair.handwritten), false))
    handwrittenF1.push(table('judge, hand-written READMEs only', judged.filter((pair) => pair.handwritten), false))
    ruleF1.push(table(`rule readme-missing-why, same folds (fold seed ${seed})`, rule, print))
    readmeF1.push(table('README model alone', readmeOnly, false))
    sectionF1.push(table('best section alone', sectionOnly, false))
  }
  const mean = (values: number[]) => (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(3)
  const list = (values: number[]) => `${values.map((value) => value.toFixed(3)).join(' ')} (mean ${mean(values)})`
  console.log(`macro-F1 over fold seeds ${SEEDS.join(', ')}: judge ${list(judgeF1)}, rule ${list(ruleF1)}`)
  console.log(`  judge on Prana's READMEs only ${list(pranaF1)}; on the ${readmes.filter((readme) => readme.group.startsWith('handwritten/')).length} hand-written ones only ${list(handwrittenF1)}`)
  console.log(`  each view alone, same folds: README model ${list(readmeF1)}, most why-like section ${list(sectionF1)}`)

  // The shipped weights through judge() itself: scored on the data they were trained on, so an
  // optimistic number; it shows that judge() and the evaluation read READMEs the same way.
  const shipped = readmes.map((readme) => ({why: readme.why, present: judge(readme.text, {detector: 'readme-why'}).label === 'present'}))
  const model = JSON.parse(readFileSync('src/engine/models/readme-why/weights.json', 'utf8')) as {threshold: number}
  table(`shipped weights via judge() on their own training data (optimistic; threshold ${model.threshold}, rule ${ruleThreshold()})`, shipped, true)

  // READMEs written after the last training change and never trained on: the shipped detector,
  // and the rule's nudges (a nudge on a README with a why is the costly mistake).
  const heldDir = 'test/data/heldout/readme-why'
  const held = readdirSync(heldDir).filter((name) => name.endsWith('.md') && name !== 'README.md').sort().map((name) => {
    const result = judgeReadmeWhy(readFileSync(join(heldDir, name), 'utf8'))
    return {why: /-why-/.test(name), present: result.label === 'present', nudged: result.confident}
  })
  table(`held-out READMEs (${heldDir}, written after training, shipped weights)`, held, true)
  const nudged = held.filter((item) => item.nudged)
  console.log(`  the rule nudges ${nudged.length} of the ${held.filter((item) => !item.why).length} without a why and ${nudged.filter((item) => item.why).length} of the ${held.filter((item) => item.why).length} with one`)

  // Real READMEs of npm packages, labelled by hand and never trained on: the shipped detector and
  // the rule, on all of them and on those whose label is sure.
  for (const [path, what] of [[INSTALLED_LABELS, 'installed'], ...BLIND_SETS.map((set) => [set, 'fetched by `npm run fetch-readmes`'])] as const) {
    const npm = npmReadmes(path)
    if (npm.readmes.length === 0) {
      console.log(`npm READMEs (${path}): none ${what}; skipped`)
      continue
    }
    const judged = npm.readmes.map((readme) => {
      const result = judgeReadmeWhy(readme.text)
      return {why: readme.why, sure: readme.sure, present: result.label === 'present', nudged: result.confident}
    })
    table(`npm READMEs (${path}: ${npm.readmes.length} ${what} and unchanged${npm.stale.length > 0 ? `, ${npm.stale.length} not: ${npm.stale.slice(0, 5).join(', ')}` : ''}; shipped weights)`, judged, true)
    const sure = judged.filter((item) => item.sure)
    const sureJudge = table('', sure, false)
    const sureRule = table('', sure.map((item) => ({why: item.why, present: !item.nudged})), false)
    const nudged = judged.filter((item) => item.nudged)
    console.log(`  labels marked sure only (${sure.length}): judge macro-F1 ${sureJudge.toFixed(3)}, rule ${sureRule.toFixed(3)}`)
    console.log(`  the rule nudges ${nudged.length} of the ${judged.length}: ${nudged.filter((item) => !item.why).length} without a why, ${nudged.filter((item) => item.why).length} with one (${nudged.filter((item) => item.why && item.sure).length} of them sure)`)
  }

  const texts = readmes.map((readme) => readme.text)
  for (const text of texts) judge(text, {detector: 'readme-why'})
  const cpuStarted = process.cpuUsage()
  const times: number[] = []
  const rounds = 3
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const started = performance.now()
      judge(text, {detector: 'readme-why'})
      times.push(performance.now() - started)
    }
  }
  const cpu = process.cpuUsage(cpuStarted)
  times.sort((a, b) => a - b)
  const kb = texts.reduce((sum, text) => sum + text.length, 0) / texts.length / 1024
  console.log(`judge time per README over the ${texts.length} READMEs (mean ${kb.toFixed(1)} KB): mean ${(times.reduce((sum, time) => sum + time, 0) / times.length).toFixed(3)} ms, median ${times[Math.floor(times.length / 2)]!.toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms wall clock; CPU time ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(3)} ms per README`)
  console.log(`weights: ${(statSync('src/engine/models/readme-why/weights.json').size / 1024).toFixed(1)} KB`)
}
