// Size and time limits that keep one document from stalling the linter.

export interface Limits {
  /** Past this many milliseconds a lint stops and says so. */
  budgetMs: number
  /** Prose blocks longer than this many characters are not analysed, and said so. */
  maxBlockLength: number
}

export const DEFAULT_LIMITS: Limits = {budgetMs: 5000, maxBlockLength: 20000}

/**
 * Characters (of cache keys: paragraph and chunk texts) each generation of a result cache holds.
 * A 1 MB Markdown document takes about 1.8 million in the paragraph caches, so one generation
 * holds it whole. Linting the 36 corpus documents and then six different 1 MB documents in a
 * 128 MB heap (the worker's) left at most 60 MB live; with caches bounded by entry counts, the
 * sixth 1 MB document ran out of memory.
 */
export const CACHE_BUDGET = 3_000_000
