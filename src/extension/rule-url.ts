// Rule docs links without loading the rules (the activation bundle stays small).

/** Mirrors the engine's `DOCS_BASE` (a unit test keeps them equal). */
export const DOCS_BASE = 'https://github.com/whylint/whylint/blob/main/src/engine/rules/'

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}/README.md`
}
