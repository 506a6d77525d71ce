// `judge(text, {detector})`: the why detectors called directly, outside a lint. Each detector
// lives in `models/<detector>/` and is listed here once.

import {WhylintError} from './lint.js'
import {judgeCommentRestates} from './models/comment-restates/index.js'
import {judgeCommentWhy} from './models/comment-why/index.js'
import {judgeReviewTone} from './models/review-tone/index.js'
import {commitWhyDetector} from './models/commit-why/index.js'
import {readmeWhyDetector} from './models/readme-why/index.js'
import type {Detector, JudgeOptions, Judgement} from './types.js'

export type DetectorFunction = (text: string, options: JudgeOptions) => Judgement

export const DETECTORS: Partial<Record<Detector, DetectorFunction>> = {
  'commit-why': commitWhyDetector,
  'comment-why': judgeCommentWhy,
  'comment-restates': judgeCommentRestates,
  'review-tone': judgeReviewTone,
  'readme-why': readmeWhyDetector,
}

export const DETECTOR_NAMES: readonly Detector[] = ['readme-why', 'commit-why', 'comment-why', 'comment-restates', 'review-tone']

export function judge(text: string, options: JudgeOptions): Judgement {
  const detector = DETECTORS[options.detector]
  if (!detector) {
    throw new WhylintError(`Unknown detector \`${String(options.detector)}\`: expected one of ${DETECTOR_NAMES.join(', ')}`)
  }
  return detector(text, options)
}
