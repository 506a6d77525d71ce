// readme-why: does a README say why the project exists (the problem, who has it, what it does
// differently)? Every section is scored, the intro included, by a logistic regression over
// position, heading words, cue families and stems, trained on README sections labelled `Why`
// (Prana et al. 2019); the README's score is the best section's.

import type {JudgeOptions, Judgement} from '../../types.js'
import {probability, type LinearModel} from '../linear.js'
import {sectionFeatures} from './features.js'
import {splitSections, type Section} from './sections.js'
import weights from './weights.json'

export const MODEL = weights as LinearModel

/** The section the `readme-missing-why` fix inserts: prompts in parentheses, and a snippet. */
export const TEMPLATE_HEADING = 'Why'
export const TEMPLATE_LINES: ReadonlyArray<{label: string; prompt: string}> = [
  {label: 'The problem', prompt: '(what goes wrong, or takes too long, without this project)'},
  {label: 'Who has it', prompt: '(the people who run into it)'},
  {label: 'What this does differently', prompt: '(how it solves the problem, and why not an existing tool)'},
]

export function templateText(eol = '\n'): string {
  return [`## ${TEMPLATE_HEADING}`, '', ...TEMPLATE_LINES.map(({label, prompt}) => `${label}: ${prompt}`)].join(eol)
}

export function templateSnippet(eol = '\n'): string {
  return [`## ${TEMPLATE_HEADING}`, '', ...TEMPLATE_LINES.map(({label, prompt}, index) => `${label}: \${${index + 1}:${prompt.slice(1, -1)}}`)].join(eol)
}

const PROMPT_LINE = /^\s*(?:the problem|who has it|what this does differently)\s*:\s*\(.*\)\s*$/i

/** A `## Why` section that still holds only the template's prompts. */
export function unfilledWhy(sections: readonly Section[]): Section | undefined {
  return sections.find((section) => {
    if (!/^why\b/i.test(section.heading)) return false
    const lines = section.content.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '')
    return lines.length > 0 && lines.every((line) => PROMPT_LINE.test(line))
  })
}

export interface SectionScore {
  section: Section
  score: number
}

export interface ReadmeWhyResult extends Judgement {
  label: 'present' | 'missing'
  best?: SectionScore
  unfilled?: Section
}

function name(section: Section): string {
  return section.heading ? `\`${section.heading.slice(0, 60)}\`` : 'the intro'
}

export function judgeReadmeWhy(text: string): ReadmeWhyResult {
  const sections = splitSections(text)
  const scored: SectionScore[] = sections.map((section) => ({section, score: probability(MODEL, sectionFeatures(section).features)}))
  const best = scored.reduce<SectionScore | undefined>((top, item) => (!top || item.score > top.score ? item : top), undefined)
  const score = best?.score ?? 0
  const present = score >= MODEL.threshold
  const evidence: string[] = [`read ${sections.length} section${sections.length === 1 ? '' : 's'}, the intro and title included`]
  if (best) {
    const {cues, headingCue} = sectionFeatures(best.section)
    const parts = ['problem', 'motivation', 'contrast', 'benefit']
      .filter((family) => cues.has(family))
      .map((family) => `${family} ${cues.get(family)!.slice(0, 3).map((phrase) => `\`${phrase}\``).join(', ')}`)
    evidence.push(`most why-like section: ${name(best.section)} (score ${best.score.toFixed(2)}, needs ${MODEL.threshold.toFixed(2)})${headingCue ? `, heading word \`${headingCue}\`` : ''}`)
    evidence.push(parts.length > 0 ? `cues there: ${parts.join('; ')}` : 'looked for the problem (pain, tedious, tired of …), a motivation (goal, designed to, so that …), a contrast (unlike, instead of, without having to …) or a benefit (makes it easy, lets you …): none found')
  } else evidence.push('the README is empty')
  const unfilled = unfilledWhy(sections)
  const result: ReadmeWhyResult = {label: present ? 'present' : 'missing', score, evidence}
  if (best) result.best = best
  if (unfilled) {
    result.unfilled = unfilled
    result.evidence.unshift('the `## Why` section still holds the template prompts')
  }
  return result
}

export function readmeWhyDetector(text: string, _options: JudgeOptions): Judgement {
  const {label, score, evidence} = judgeReadmeWhy(text)
  return {label, score, evidence}
}
