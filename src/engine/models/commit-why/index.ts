// commit-why: does a commit message say why the change was made? Following Tian et al. (ICSE
// 2022), naming the bug or symptom fixed counts, as does a requirement or an objective. Exempt
// commits (merges, reverts, autosquash, version and dependency bumps) are not judged.
// A logistic regression over structure, cue families and stems (weights.json, `npm run train`).

import {parseCommitMessage} from '../../sources/commit.js'
import type {CommitMessage} from '../../sources/types.js'
import {COMMIT_BODY_LINES, promptLines} from '../../templates.js'
import type {JudgeOptions, Judgement} from '../../types.js'
import {probability, topContributions, type LinearModel} from '../linear.js'
import {exemptReason, type ExemptOptions} from './exempt.js'
import {commitFeatures, type CommitParts} from './features.js'
import weights from './weights.json'

export const MODEL = weights as LinearModel

/** The body template the `commit-missing-why` fix inserts: the shared prompts. */
export const TEMPLATE_LINES = COMMIT_BODY_LINES

export function templateText(eol = '\n'): string {
  return promptLines(TEMPLATE_LINES, false).join(eol + eol)
}

export function templateSnippet(eol = '\n'): string {
  return promptLines(TEMPLATE_LINES, true).join(eol + eol)
}

// A `Why:` line (also `Reason:`, `Motivation:`, `Problem:`) at the start of a body line.
// The rest of the line is trimmed by the caller, so no `\s*` before it competes for its blanks.
const WHY_LINE = /^\s*(?:why|reason|motivation|problem|context|rationale)\s*:(.*)$/i

/** The first explicit `Why:` line of a body: filled in with words, or still the template's prompt. */
// The snippet the editor inserts leaves the prompt without its parentheses, selected.
const SNIPPET_PROMPTS = new Set(COMMIT_BODY_LINES.map(({prompt}) => prompt.slice(1, -1).toLowerCase()))

export function whyLine(bodyLines: ReadonlyArray<{text: string; offset: number; endOffset: number}>): {state: 'filled' | 'unfilled'; offset: number; endOffset: number} | undefined {
  for (const line of bodyLines) {
    const match = WHY_LINE.exec(line.text)
    if (!match) continue
    const rest = match[1]!.trim()
    if (rest === '' || /^\(.*\)$/.test(rest) || /^<.*>$/.test(rest) || SNIPPET_PROMPTS.has(rest.toLowerCase())) return {state: 'unfilled', offset: line.offset, endOffset: line.endOffset}
    if (rest.split(/\s+/).length >= 3) return {state: 'filled', offset: line.offset, endOffset: line.endOffset}
  }
  return undefined
}

/** Body lines and trailer lines (a lone `Why: …` paragraph at the end parses as a trailer). */
export function messageLines(message: CommitMessage): Array<{text: string; offset: number; endOffset: number}> {
  return [...message.bodyLines, ...message.trailers.map((trailer) => ({text: `${trailer.key}: ${trailer.value}`, offset: trailer.offset, endOffset: trailer.endOffset}))]
}

export interface CommitWhyOptions extends ExemptOptions {
  commentChar?: string
}

export interface CommitWhyResult extends Judgement {
  label: 'present' | 'missing'
  /** Set when the commit is exempt (it is then reported `present`: there is nothing to nudge). */
  exempt?: string
  /** Set when the body has the template's `Why:` line still unfilled. */
  unfilled?: boolean
}

// The causal keywords a reason is said with (also the eval's keyword baseline).
export const STATED_REASON = /\b(?:because|so that|in order to|to avoid|to prevent|otherwise|due to|fix(?:es)? #\d+)\b/i

// A reason said in so many words: the causal keywords, a purpose or a fact about the world after
// `so`, `since`, `, it is`, `to speed up` or `rejects`, a fault named (`broken`, `wrong`, `stale`,
// `misleading`), what the change does away with (`this step eliminates`), what could not be done
// (`other builtins cannot reuse it`, `users searching "cafe" did not find "café"`), and a pointer
// to the reasoning of another commit (`the same reasoning as the preceding commit`).
// Most messages that say why use none of these, but of the 951 labelled messages, 225 of the 229
// that use one do say why (the rest argue with the labels: "so this new enforcement does not harm
// them"). The phrases after the causal keywords were chosen on those messages, so read that as a
// fit, not a test. The model alone, swayed by a body that otherwise lists what was done or by a
// subject opening with `Add`, judged some of them missing.
// Bounded: from each `users` the match reads at most 40 characters to the verb, and one line at a time.
const REASON_PHRASE = /\b(?:so (?:the|we|it|users?|they|you|a|an|this|our|callers?)|since|to (?:speed up|reduce|cut|improve|lower|shorten|save)|rejects?|refuses?|broken|wrong|incorrect(?:ly)?|flagged|complained|complains? about|(?:was|were|as) reported|misaligned|stale|outdated|inconsistent|redundant|confusing|misleading|typos?|awkward|cumbersome|error-prone|fragile|brittle|tedious|same reason(?:ing)? as|(?:cannot|can't|could not|couldn't|can no longer) (?:re)?use|(?:this|which|that)(?: step| change| patch| commit)? (?:eliminates|removes the need|avoids|prevents|fixes))\b|[,;] (?:it|they|this|that) (?:is|are|was|were|has|have|does|doesn't)\b|\b(?:users?|customers?|clients?|visitors?)\b[^.\n]{0,40}\b(?:did not|didn't|could not|couldn't|were unable|was unable|lost)\b/i

/** The phrase that states a reason in the subject, body or trailers, if one does. */
export function statedReason(parts: CommitParts): string | undefined {
  for (const line of [parts.subject, ...parts.body, ...parts.trailers.map(({key, value}) => `${key}: ${value}`)]) {
    const found = STATED_REASON.exec(line)?.[0] ?? REASON_PHRASE.exec(line)?.[0]
    if (found) return found
  }
  return undefined
}

function quote(phrases: readonly string[]): string {
  return phrases.slice(0, 3).map((phrase) => `\`${phrase}\``).join(', ')
}

export function judgeCommitWhy(text: string, options: CommitWhyOptions = {}): CommitWhyResult {
  const commentChar = options.commentChar ?? '#'
  const analysed = commitFeatures(text, commentChar)
  const {parts} = analysed
  const exempt = exemptReason(parts.subject, options)
  if (exempt) return {label: 'present', score: 1, evidence: [`exempt: ${exempt}; the why rule does not judge it`], exempt}

  const explicit = whyLine(messageLines(parseCommitMessage(text, commentChar)))
  if (explicit?.state === 'filled') return {label: 'present', score: 1, evidence: ['a `Why:` line in the body states the reason']}

  const score = probability(MODEL, analysed.features)
  const reason = statedReason(parts)
  const present = score >= MODEL.threshold || reason !== undefined
  const evidence: string[] = []
  const bodyWords = parts.body.join(' ').split(/\s+/).filter(Boolean).length
  const opens = analysed.features.has('@body-opens-what:all') ? ', every sentence of it opening with a verb that says what was done' : ''
  evidence.push(bodyWords === 0 ? (parts.squashLines > 0 ? 'no body, only a list of squashed commits' : 'no body: only the subject line') : `body of ${bodyWords} words${opens}`)
  evidence.push(`subject starts with \`${analysed.verb || '(nothing)'}\`${analysed.verbClass === 'what' ? ', a verb that says what was done' : analysed.verbClass === 'why' ? ', a verb that names a fix or a need' : ''}`)
  if (analysed.issueReference) evidence.push('refers to an issue or pull request')
  const found: string[] = []
  for (const family of ['problem', 'purpose', 'cause', 'contrast']) {
    const phrases = [...(analysed.subjectCues.get(family) ?? []), ...(analysed.bodyCues.get(family) ?? [])]
    if (phrases.length > 0) found.push(`${family} ${quote(phrases)}`)
  }
  evidence.push(found.length > 0 ? `cues found: ${found.join('; ')}` : 'looked for a problem (bug, crash, fails, wrong, missing …), a purpose (so that, to avoid, allow …), a cause (because, since …) or a contrast (previously, instead …): none found')
  const top = topContributions(MODEL, analysed.features, 3)
  if (top.length > 0) evidence.push(`strongest features: ${top.map((item) => `\`${item.feature}\` (${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)})`).join(', ')}`)
  evidence.push(`model score ${score.toFixed(2)} (missing below ${MODEL.threshold.toFixed(2)})`)
  if (reason !== undefined && score < MODEL.threshold) evidence.unshift(`states a reason in so many words: \`${reason}\``)
  const result: CommitWhyResult = {label: present ? 'present' : 'missing', score, evidence}
  if (explicit?.state === 'unfilled') {
    result.unfilled = true
    result.evidence.unshift("the body's `Why:` line is still the template's prompt")
  }
  return result
}

export function commitWhyDetector(text: string, _options: JudgeOptions): Judgement {
  return judgeCommitWhy(text)
}
