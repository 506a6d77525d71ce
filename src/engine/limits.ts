// Size and time limits that keep one document from stalling the linter.

export interface Limits {
  /** Past this many milliseconds a lint stops and says so. */
  budgetMs: number
  /** Prose blocks longer than this many characters are not analysed, and said so. */
  maxBlockLength: number
}

export const DEFAULT_LIMITS: Limits = {budgetMs: 5000, maxBlockLength: 20000}
