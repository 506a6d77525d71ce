// Commits the why rule does not judge: merges, reverts and autosquash markers (shared with the
// other commit rules, `rules/commit-exempt.ts`), and version or dependency bumps that tools write.

import {isExemptSubject} from '../../rules/commit-exempt.js'

// Each pattern is anchored and linear: runs of non-space characters and bounded word counts.
const BUMPS: ReadonlyArray<{what: string; re: RegExp}> = [
  {what: 'a version number', re: /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/i},
  {what: 'a release', re: /^(?:chore\(release\):\s*|release:?\s+|releasing\s+|prepare(?:d)? release\s+|bump(?:ed)? version to\s+|release version\s+|start version\s+|version\s+)v?\d+(?:\.\d+)+/i},
  {what: 'a release', re: /^(?:Git \d+\.\d+(?:\.\d+)?(?:-rc\d+)?|Start Git \d+\.\d+ cycle.*|The \w+ batch|A few more topics before .*)$/},
  {what: 'a release', re: /^(?:Build: changelog update for|chore: package\.json update for|chore: updates for v?\d)/i},
  // `Bump lodash from 1.2.0 to 1.2.1`, `Bump eslint to 8.57`; not `Bump the retry count to 5` or
  // `Bump timeout to 30s`, which change a setting: without `from`, the version has a dot or a `v`.
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?bump(?:s|ed)?\s+(?!(?:the|a|an|our|my|its|default|max|min)\s)\S+(?:\s+\S+){0,6}?\s+from\s+\S+\s+to\s+v?[\^~]?\d/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?bump(?:s|ed)?\s+(?!(?:the|a|an|our|my|its|default|max|min)\s)\S+(?:\s+\S+){0,2}?\s+to\s+(?:v\d|[\^~]?\d+\.\d)/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?bump(?:s|ed)?\s+the\s+\S+\s+group\b/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?(?:update|upgrade)\s+(?:dependency\s+)?@?\S+(?:\s+(?:action|dependency|plugin|package|image))?\s+(?:from\s+\S+\s+)?to\s+(?:version\s+)?[`'"]?v?[\^~]?\d[\w.+-]*[`'"]?$/i},
  {what: 'a dependency bump', re: /^bump\s+[\w.-]+\s+v?\d+(?:\.\d+)+$/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?upgrade\s+(?:to\s+)?[`'"]?@?[\w./-]+@\^?\d/i},
  {what: 'a dependency bump', re: /^(?:chore|build|fix|ci)\((?:deps|deps-dev|dependencies)\)!?:/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?(?:update|upgrade|bump)\s+(?:(?:dev|min|first-party|all|npm|python|ecosystem|the)\s+)?(?:dependencies|deps|requirements|plugins|ecosystem plugins|pre-commit hooks|github actions|actions versions|lock ?file|yarn\.lock|package-lock\.json)$/i},
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?update\s+(?:`[^`]+`|@?[\w./-]+)\s+dependenc(?:y|ies)(?:\s+to\s+(?:version\s+)?v?\d.*)?$/i},
  {what: 'a dependency bump', re: /^\[pre-commit\.ci\]/i},
  // Renovate's `Update rust crate serde to 1.0.190`, `update actions/checkout action to v4`; not
  // `Update the timeout to 30`.
  {what: 'a dependency bump', re: /^(?:\w+(?:\([\w./-]*\))?!?:\s*)?update\s+(?!(?:the|a|an|our|my|its|default|max|min)\s)(?:\S+\s+){0,3}\S+\s+to\s+(?:v\d+(?:\.\d+)*|\^?\d+(?:\.\d+)+)(?:\s*\(#\d+\))?(?:\s*\[security\])?$/i},
]

export interface ExemptOptions {
  /** Extra regular expressions (sources); a subject matching any is exempt. */
  exempt?: readonly string[]
  /** Whether version and dependency bumps are exempt (default true). */
  exemptBumps?: boolean
}

const extraCache = new Map<string, RegExp | null>()

function compile(source: string): RegExp | null {
  let re = extraCache.get(source)
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u')
    } catch {
      re = null
    }
    if (extraCache.size > 256) extraCache.clear()
    extraCache.set(source, re)
  }
  return re
}

/** Why a commit is exempt (words for the evidence), or undefined when it is judged. */
export function exemptReason(subject: string, options: ExemptOptions = {}): string | undefined {
  const trimmed = subject.trim()
  // The subject sans a trailing PR number: `chore: update x to v2 (#123)`.
  const bare = trimmed.replace(/(?<!\s)\s*\(#\d+\)$/, '')
  if (isExemptSubject(trimmed)) return 'a merge, revert or autosquash commit'
  if (options.exemptBumps !== false) {
    for (const {what, re} of BUMPS) if (re.test(bare) || re.test(trimmed)) return what
  }
  for (const source of options.exempt ?? []) if (compile(source)?.test(trimmed)) return `matches the configured pattern \`${source}\``
  return undefined
}
