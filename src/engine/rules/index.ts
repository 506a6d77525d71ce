// The registry: every rule whylint has, in the order they run. Add a rule here and nowhere else.

import type {AnyRule} from '../rule.js'
import analysisLimit from './analysis-limit/index.js'
import commentMissingWhy from './comment-missing-why/index.js'
import commentRestatesCode from './comment-restates-code/index.js'
import commitBodyLineLength from './commit-body-line-length/index.js'
import commitBodySeparator from './commit-body-separator/index.js'
import commitMissingWhy from './commit-missing-why/index.js'
import commitSubjectLength from './commit-subject-length/index.js'
import commitSubjectMood from './commit-subject-mood/index.js'
import commitSubjectVague from './commit-subject-vague/index.js'
import hedgeWords from './hedge-words/index.js'
import longSentence from './long-sentence/index.js'
import passiveVoice from './passive-voice/index.js'
import readability from './readability/index.js'
import readmeMissingWhy from './readme-missing-why/index.js'
import reviewBluntTone from './review-blunt-tone/index.js'
import suppressionWithoutReason from './suppression-without-reason/index.js'
import templatePlaceholder from './template-placeholder/index.js'
import wordyPhrase from './wordy-phrase/index.js'

export const RULES: AnyRule[] = [
  // The why detectors first: they are what whylint is for.
  readmeMissingWhy,
  commitMissingWhy,
  commentMissingWhy,
  commentRestatesCode,
  reviewBluntTone,
  // Commit messages.
  commitSubjectLength,
  commitSubjectMood,
  commitSubjectVague,
  commitBodySeparator,
  commitBodyLineLength,
  // Prose.
  readability,
  longSentence,
  wordyPhrase,
  passiveVoice,
  hedgeWords,
  // Code comments and templates.
  suppressionWithoutReason,
  templatePlaceholder,
  analysisLimit,
]
