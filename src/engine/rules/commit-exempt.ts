// Commit subjects that git or a tool wrote, not a person: rules that judge how a subject is
// worded leave them alone. Shared by every commit rule so they agree on what is exempt.

import type {OptionSpec} from '../rule.js'

/** Merge commits, reverts, autosquash markers and release commits, as tools write them. */
export const DEFAULT_EXEMPT: readonly string[] = [
  '^Merge (?:branch|branches|remote-tracking branch|tag|pull request|commit|[0-9a-f]{7,40}\\b)',
  "^Merge '[^']+'",
  '^Merged? in ',
  '^Revert "',
  '^Reapply "',
  '^(?:fixup|squash|amend)! ',
  // Release commits written by release tooling: the subject is the version.
  '^v?\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][0-9A-Za-z.-]+)?$',
]

/** The `exempt` option, for rules to list in their `options`. */
export const EXEMPT_OPTION: OptionSpec = {
  type: 'string[]',
  description: 'Regular expressions; a subject matching any of them is not judged',
  default: DEFAULT_EXEMPT,
}

const compiled = new Map<string, RegExp | null>()

function compile(source: string): RegExp | null {
  let re = compiled.get(source)
  if (re === undefined) {
    try {
      // Patterns come from the user's own config; input bounded: one subject line.
      re = new RegExp(source, 'u')
    } catch {
      // A broken pattern in a user's config exempts nothing rather than failing the lint.
      re = null
    }
    if (compiled.size > 256) compiled.clear()
    compiled.set(source, re)
  }
  return re
}

/** Whether the subject is one the subject rules should not judge. */
export function isExemptSubject(subject: string, patterns: readonly string[] = DEFAULT_EXEMPT): boolean {
  const trimmed = subject.trim()
  return patterns.some((source) => compile(source)?.test(trimmed) ?? false)
}

// Conventional Commits: `type(scope)!: description`.
const CONVENTIONAL = /^([a-z][a-z0-9-]*)(?:\(([^()\r\n]*)\))?(!)?: +/i
// Kernel and git style: `subsys: …`, `subsys/part: …`, `net/ipv4, tcp: …`. A lower-case path-ish
// word (no spaces) before the colon.
const SUBSYSTEM = /^(?:[A-Za-z0-9_.+-]+(?:\/[A-Za-z0-9_.*+-]+)*)(?:, ?[A-Za-z0-9_.+-]+(?:\/[A-Za-z0-9_.*+-]+)*)*: +/

/**
 * Split a subject into a prefix (`feat(api)!: `, `net/ipv4: `) and the description people judge.
 * The prefix includes the trailing space; `description` keeps its case.
 */
export function splitSubject(subject: string): {prefix: string; description: string} {
  const match = CONVENTIONAL.exec(subject) ?? SUBSYSTEM.exec(subject)
  if (!match) return {prefix: '', description: subject}
  // `Note: …` or `Breaking: …` in a plain subject is still a prefix; a prefix that swallows the
  // whole subject is not one.
  const description = subject.slice(match[0].length)
  if (description.trim() === '') return {prefix: '', description: subject}
  return {prefix: match[0], description}
}
