// review-tone: is a review comment (or one of its sentences) a blunt verdict, a rhetorical or
// sarcastic question, condescension, or an order without a reason? A logistic regression over
// each sentence (weights.json, from `npm run train`); a comment is as blunt as its bluntest
// sentence.

import type {JudgeOptions, Judgement} from '../../types.js'
import {probability, topContributions, type Features, type LinearModel} from '../linear.js'
import {readBlocks, readSentences, TONE_CUES, type ReadSentence, type Sentence, type ToneBlock, type ToneContext} from './features.js'
import weights from './weights.json'

export const MODEL = weights as LinearModel

export interface SentenceTone extends Sentence {
  score: number
  features: Features
  blunt: boolean
  /** Tone cues found, in words. */
  cues: string[]
  /** The cue that made the sentence blunt whatever the model gave, in words. */
  outright?: string
}

// A sentence with an outright blunt cue is blunt whatever the model gave; its score shows it.
const OUTRIGHT_SCORE = 0.99

/**
 * Judge each sentence of a review text with a model (the shipped one unless training or
 * evaluating). A bare question ("Why is this a global?") reads as a verdict on its own, but not
 * when the next sentence gives the asker's reason or offers a way out ("I could not find a second
 * caller, so a local might do."): the model reads the next sentence's cues as features of this
 * one. A rhetorical question, blunt outright, stays blunt.
 */
export function judgeSentencesWithModel(text: string, model: LinearModel, context: Partial<ToneContext> = {}): SentenceTone[] {
  return readSentences(text, context).map((sentence) => scored(sentence, model))
}

export function judgeSentences(text: string, context: Partial<ToneContext> = {}): SentenceTone[] {
  return judgeSentencesWithModel(text, MODEL, context)
}

/** Judge each sentence of a text's blocks, read as one text (see `readBlocks`), with the shipped model. */
export function judgeBlocks(blocks: readonly ToneBlock[], headings: boolean): SentenceTone[][] {
  return readBlocks(blocks, headings).map((sentences) => sentences.map((sentence) => scored(sentence, MODEL)))
}

function scored({features, cues: found, outright, context, ...sentence}: ReadSentence, model: LinearModel): SentenceTone {
  const modelScore = probability(model, features)
  const score = outright === undefined ? modelScore : Math.max(modelScore, OUTRIGHT_SCORE)
  const cues = [...found.values()].map(({cue, matched}) => `${cue.label}: \`${matched}\``)
  if (sentence.text.endsWith('?') && (context.next ?? []).length > 0) cues.push(`followed by ${TONE_CUES.find((cue) => cue.id === context.next![0])!.label}`)
  return {...sentence, score, blunt: outright !== undefined || modelScore >= model.threshold, cues, features, ...(outright === undefined ? {} : {outright})}
}

export interface ReviewToneResult extends Judgement {
  label: 'blunt' | 'constructive'
}

/** Judge a review comment with a model: it is as blunt as its bluntest sentence. */
export function judgeReviewToneWithModel(text: string, model: LinearModel): ReviewToneResult {
  const judged = judgeSentencesWithModel(text, model)
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
        ? `tone cues found: ${cues.join(', ')}; bluntest sentence scores ${worst.score.toFixed(2)} (threshold ${model.threshold.toFixed(2)})`
        : `looked for verdicts, rhetorical questions, condescension (obviously, just, clearly), bare orders and sarcasm: none found; bluntest sentence scores ${worst.score.toFixed(2)}`,
    )
  }
  const top = topContributions(model, worst.features, 3)
  if (top.length > 0) evidence.push(`strongest features of \`${worst.text.replace(/\s+/g, ' ')}\`: ${top.map((item) => `${item.feature.replace(/^@cue:/, 'cue ').replace(/^[wb]:/, '').replace('|', ' ')} (${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)})`).join(', ')}`)
  return {label: worst.blunt ? 'blunt' : 'constructive', score: worst.score, evidence}
}

export function judgeReviewTone(text: string, _options?: Partial<JudgeOptions>): ReviewToneResult {
  return judgeReviewToneWithModel(text, MODEL)
}
