// review-tone: is a review comment (or one of its sentences) a blunt verdict, a rhetorical or
// sarcastic question, condescension, or an order without a reason? A logistic regression over
// each sentence (weights.json, from `npm run train`); a comment is as blunt as its bluntest
// sentence.

import type {JudgeOptions, Judgement} from '../../types.js'
import {probability, topContributions, type LinearModel} from '../linear.js'
import {hasHeadings, isLabelled, outrightBlunt, sentences, toneCues, toneFeatures, type Sentence, type ToneContext} from './features.js'
import weights from './weights.json'

export const MODEL = weights as LinearModel

export interface SentenceTone extends Sentence {
  score: number
  blunt: boolean
  /** Tone cues found, in words. */
  cues: string[]
  /** The cue that made the sentence blunt whatever the model gave, in words. */
  outright?: string
}

// A sentence with an outright blunt cue is blunt whatever the model gave; its score shows it.
const OUTRIGHT_SCORE = 0.99

/**
 * Judge each sentence of a review text. By default the context comes from the text itself (a
 * leading Conventional Comments label, list markers, headings); a caller that has parsed the
 * Markdown passes what it knows.
 */
export function judgeSentences(text: string, context: Partial<ToneContext> = {}): SentenceTone[] {
  const labelled = context.labelled ?? isLabelled(text)
  const headings = context.headings ?? hasHeadings(text)
  const judged = sentences(text).map((sentence) => {
    const sentenceContext = {labelled, headings, listItem: context.listItem ?? sentence.listItem ?? false}
    const model = probability(MODEL, toneFeatures(sentence.text, sentenceContext))
    const found = toneCues(sentence.text)
    const outright = outrightBlunt(sentence.text, sentenceContext, found)
    const score = outright === undefined ? model : Math.max(model, OUTRIGHT_SCORE)
    const cues = [...found.values()].map(({cue, matched}) => `${cue.label}: \`${matched}\``)
    return {...sentence, score, blunt: outright !== undefined || model >= MODEL.threshold, cues, ...(outright === undefined ? {} : {outright}), found}
  })
  // A bare question ("Why is this a global?") reads as a verdict on its own, but not when the
  // next sentence gives the asker's reason or offers a way out ("I could not find a second
  // caller, so a local might do."). A rhetorical question, blunt outright, stays blunt.
  judged.forEach((sentence, index) => {
    const next = judged[index + 1]
    if (!sentence.blunt || sentence.outright !== undefined || !sentence.text.endsWith('?') || !next || next.blunt) return
    const softener = [...next.found.values()].find(({cue}) => FOLLOW_UP.has(cue.id))
    if (!softener) return
    sentence.blunt = false
    // Just under the threshold, so the score still shows how near to blunt the question came.
    sentence.score = Math.min(sentence.score, MODEL.threshold - 0.01)
    sentence.cues.push(`followed by ${softener.cue.label}: \`${softener.matched}\``)
  })
  return judged.map(({found: _found, ...sentence}) => sentence)
}

/** Cues in the next sentence that turn a bare question into a real one. */
const FOLLOW_UP = new Set(['reason', 'softener', 'first-person', 'behaviour-question'])

export interface ReviewToneResult extends Judgement {
  label: 'blunt' | 'constructive'
}

export function judgeReviewTone(text: string, _options?: Partial<JudgeOptions>): ReviewToneResult {
  const judged = judgeSentences(text)
  if (judged.length === 0) return {label: 'constructive', score: 0, evidence: ['no sentences to judge']}
  const worst = judged.reduce((a, b) => (b.score > a.score ? b : a))
  const evidence: string[] = []
  for (const sentence of judged.filter((item) => item.blunt)) {
    evidence.push(`blunt sentence \`${sentence.text.replace(/\s+/g, ' ')}\` (score ${sentence.score.toFixed(2)})${sentence.cues.length > 0 ? `: ${sentence.cues.join(', ')}` : ''}${sentence.outright ? `; blunt on its own: ${sentence.outright}` : ''}`)
  }
  if (evidence.length === 0) {
    const cues = judged.flatMap((item) => item.cues)
    evidence.push(
      cues.length > 0
        ? `tone cues found: ${cues.join(', ')}; bluntest sentence scores ${worst.score.toFixed(2)} (threshold ${MODEL.threshold.toFixed(2)})`
        : `looked for verdicts, rhetorical questions, condescension (obviously, just, clearly), bare orders and sarcasm: none found; bluntest sentence scores ${worst.score.toFixed(2)}`,
    )
  }
  const top = topContributions(MODEL, toneFeatures(worst.text, {labelled: isLabelled(text), headings: hasHeadings(text), listItem: worst.listItem ?? false}), 3)
  if (top.length > 0) evidence.push(`strongest features of \`${worst.text.replace(/\s+/g, ' ')}\`: ${top.map((item) => `${item.feature.replace(/^@cue:/, 'cue ').replace(/^[wb]:/, '').replace('|', ' ')} (${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)})`).join(', ')}`)
  return {label: worst.blunt ? 'blunt' : 'constructive', score: worst.score, evidence}
}
