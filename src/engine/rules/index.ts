// The registry: every rule whylint has, in the order they run. Add a rule here and nowhere else.

import type {AnyRule} from '../rule.js'
import analysisLimit from './analysis-limit/index.js'
import commitSubjectLength from './commit-subject-length/index.js'
import commitMissingWhy from './commit-missing-why/index.js'
import readmeMissingWhy from './readme-missing-why/index.js'
import suppressionWithoutReason from './suppression-without-reason/index.js'
import templatePlaceholder from './template-placeholder/index.js'

export const RULES: AnyRule[] = [analysisLimit, commitSubjectLength, commitMissingWhy, readmeMissingWhy, suppressionWithoutReason, templatePlaceholder]
