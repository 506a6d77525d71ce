// readme-why: does a README say why the project exists (the problem, who has it, what it does
// differently)? Two logistic regressions, trained on READMEs whose sections are labelled `Why`
// (Prana et al. 2019). One reads the whole README: how much prose the intro has,
// problem/goal/contrast/benefit cues in the intro and in the rest, heading families (Why,
// Motivation, Purpose, About …), the plain keywords why/motivation/problem/because, and the stems
// of the intro and of the headings. The other reads one section at a time (its place, heading,
// cues and words) and the README takes its most why-like section. The score is the geometric mean
// of the two, so both views must agree (`npm run eval readme-why` prints each alone). Two thresholds:
// `judge` says `missing` below `MODEL.threshold` (the best macro-F1 in cross-validation); the rule
// nudges only below `MODEL.ruleThreshold`, where a README called missing almost always is.

import type {JudgeOptions, Judgement} from '../../types.js'
import {promptLines, README_WHY_LINES} from '../../templates.js'
import {probability, topContributions, type LinearModel} from '../linear.js'
import {cleanHeading, CUE_FAMILIES, READ_LIMIT, readmeFeatures} from './features.js'
import {splitSections, type Section} from './sections.js'
import weights from './weights.json'

export interface ReadmeWhyModel {
  name: string
  /** Whole README: the README says why. */
  readme: LinearModel
  /** One section: this section says why. */
  section: LinearModel
  /** `judge` calls a README missing below this score. */
  threshold: number
  /** The rule nudges only below this, stricter, score. */
  ruleThreshold: number
  meta?: Record<string, unknown>
}

export const MODEL = weights as ReadmeWhyModel

/** The README's score from its two views: the geometric mean of the README model and its best section. */
export function combine(readmeScore: number, sectionScore: number): number {
  return Math.sqrt(readmeScore * sectionScore)
}

/** The section the `readme-missing-why` fix inserts: the shared prompts, one paragraph each. */
export const TEMPLATE_HEADING = 'Why'
export const TEMPLATE_LINES = README_WHY_LINES

export function templateText(eol = '\n'): string {
  return [`## ${TEMPLATE_HEADING}`, ...promptLines(TEMPLATE_LINES, false)].join(eol + eol)
}

export function templateSnippet(eol = '\n'): string {
  return [`## ${TEMPLATE_HEADING}`, ...promptLines(TEMPLATE_LINES, true)].join(eol + eol)
}

// Blanks before the prompt stay on its line: `\s*` after `^` would rescan every run of blank lines.
const PROMPT_ANYWHERE = /^[^\S\r\n\u2028\u2029]*who has it\s*:/im
const PROMPT_LINE = /^\s*(?:the problem|who has it|what this does differently)\s*:\s*\(.*\)\s*$/i
// The snippet the editor inserts leaves the prompts without their parentheses, selected.
const PROMPT_TEXTS = new Set(README_WHY_LINES.map(({label, prompt}) => `${label}: ${prompt.slice(1, -1)}`.toLowerCase()))

/** A `## Why` section that still holds only the template's prompts. */
export function unfilledWhy(sections: readonly Section[]): Section | undefined {
  return sections.find((section) => {
    if (!/^why\b/i.test(section.heading)) return false
    const lines = section.content.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '')
    return lines.length > 0 && lines.every((line) => PROMPT_LINE.test(line) || PROMPT_TEXTS.has(line.trim().toLowerCase()))
  })
}

export interface ReadmeWhyResult extends Judgement {
  label: 'present' | 'missing'
  /** True when the score is low enough for the rule to nudge (below the rule's threshold). */
  confident: boolean
  unfilled?: Section
}

/** The rule's threshold: stricter than the judge's, since a wrong nudge costs more than a missed one. */
export function ruleThreshold(model: ReadmeWhyModel = MODEL): number {
  return Math.min(model.ruleThreshold, model.threshold)
}

/** A section's heading as evidence quotes it: markup stripped, on one line, at most 60 characters. */
function shownHeading(section: Section): string {
  return cleanHeading(section.heading).replace(/\s+/g, ' ').trim().slice(0, 60)
}

function quote(phrases: readonly string[]): string {
  return phrases.slice(0, 3).map((phrase) => `\`${phrase}\``).join(', ')
}

/** Judge a README with a given model (the shipped one unless training or evaluating). */
export function judgeReadmeWithModel(text: string, model: ReadmeWhyModel): ReadmeWhyResult {
  // A `## Why` that holds only the template's prompts says nothing yet: judge the rest.
  const unfilled = PROMPT_ANYWHERE.test(text) ? unfilledWhy(splitSections(text)) : undefined
  const read = readmeFeatures(unfilled ? text.slice(0, unfilled.offset) + text.slice(unfilled.endOffset) : text)
  const {sections} = read
  const readmeScore = probability(model.readme, read.features)
  let best = -1
  let bestScore = 0
  read.sectionFeatures.forEach((features, index) => {
    const sectionScore = probability(model.section, features)
    if (sectionScore > bestScore) {
      bestScore = sectionScore
      best = index
    }
  })
  const score = combine(readmeScore, bestScore)
  // A section headed "Why …" with a paragraph of prose under it says why, whatever the models
  // weigh: in cross-validation they missed one or two of the ten Prana READMEs that have one. So
  // does a comparison with a named alternative ("faster than chalk", "an alternative to X", a
  // "Benchmarks" section): of 159 hand-labelled npm READMEs, 16 have one and all 16 say why, yet the
  // models scored 12 of them below the threshold. On Prana's, cross-validated macro-F1 0.739 -> 0.744.
  // So does an intro that says when the project is useful, what it is meant to do, or the problem
  // it answers ("Useful when you need to cache something and limit memory usage."): that is the
  // problem and who has it. Prana's labels call 10 of the 18 such intros in their READMEs no why,
  // and counting them costs 0.016 of cross-validated macro-F1 there (0.780 -> 0.764); on the three
  // npm sets labelled by hand against the rule's definition, it gains 0.031-0.070.
  const whySection = read.whyProse[0]
  const {useCase, problem, solves, folder, comparison} = read
  const present = score >= model.threshold || whySection !== undefined || comparison !== undefined || useCase !== undefined || problem !== undefined || solves !== undefined
  const evidence: string[] = [`score ${score.toFixed(2)}: ${score >= model.threshold ? 'at or above' : 'below'} ${model.threshold.toFixed(2)}; read ${sections.length} section${sections.length === 1 ? '' : 's'}${text.length > READ_LIMIT ? ` in the first ${READ_LIMIT / 1000}K characters` : ''}, the intro ${read.intro.length > 0 ? `(${read.introWords} words)` : '(none)'} and title included`]
  const bestSection = sections[best]
  if (bestSection) evidence.push(`most why-like section: ${bestSection.heading === '' ? 'the text before the first heading' : `\`${shownHeading(bestSection)}\``} (${bestScore.toFixed(2)}); the README as a whole ${readmeScore.toFixed(2)}`)
  const introFound = CUE_FAMILIES.filter((family) => read.introCues.has(family)).map((family) => `${family} ${quote(read.introCues.get(family)!)}`)
  evidence.push(introFound.length > 0 ? `cues in the intro: ${introFound.join('; ')}` : 'looked in the intro for a problem (pain, tedious, tired of …), a goal (designed to, the aim, so that …), a contrast (unlike, instead of, without having to …) or a benefit (makes it easy, lets you …): none found')
  if (read.whyHeadings.length > 0) evidence.push(`why-like heading${read.whyHeadings.length === 1 ? '' : 's'}: ${read.whyHeadings.slice(0, 3).map((section) => `\`${section.heading.slice(0, 60)}\``).join(', ')}`)
  if (read.keywords.length > 0) evidence.push(`says ${quote(read.keywords)}`)
  const strongest = topContributions(model.readme, read.features, 4).map(({feature, weight}) => `${feature} ${weight > 0 ? '+' : ''}${weight.toFixed(2)}`)
  if (strongest.length > 0) evidence.push(`strongest features: ${strongest.join(', ')}`)
  // A folder's README ("This directory contains …") is not asked why the project exists.
  if (folder && !present) evidence.push(`reads as the README of a folder, not of a project (\`${folder.slice(0, 60)}\`): the rule does not nudge`)
  if (whySection && score < model.threshold) evidence.unshift(`has a section headed \`${shownHeading(whySection)}\` with prose under it: counted as saying why`)
  else if (comparison !== undefined && score < model.threshold) evidence.unshift(`sets itself against an alternative (${comparison.heading ? `a section headed "${comparison.text}"` : `\`${comparison.text.slice(0, 100)}\``}): counted as saying why to use it`)
  else if (useCase && score < model.threshold) evidence.unshift(`the intro says when it is useful or what it is meant to do (\`${useCase.slice(0, 80)}\`): counted as saying why`)
  else if (problem && score < model.threshold) evidence.unshift(`the intro states a problem (\`${problem.slice(0, 80)}\`): counted as saying why`)
  else if (solves && score < model.threshold) evidence.unshift(`says the project answers a problem it states (\`${solves.slice(0, 80)}\`): counted as saying why`)
  const result: ReadmeWhyResult = {label: present ? 'present' : 'missing', score, evidence, confident: !present && folder === undefined && score < ruleThreshold(model)}
  if (unfilled) {
    result.unfilled = unfilled
    result.evidence.unshift('the `## Why` section still holds the template prompts')
  }
  return result
}

export function judgeReadmeWhy(text: string): ReadmeWhyResult {
  return judgeReadmeWithModel(text, MODEL)
}

export function readmeWhyDetector(text: string, _options: JudgeOptions): Judgement {
  const {label, score, evidence} = judgeReadmeWhy(text)
  return {label, score, evidence}
}
