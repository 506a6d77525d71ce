// Features of a commit message for "does it say why". Structure first (is there a body, how long,
// issue references, the verb class of the subject, a Conventional Commits type), then cue
// families a person can check in the evidence, then stems and stem pairs of the subject and body.

import {splitSubject} from '../../rules/commit-exempt.js'
import {parseCommitMessage} from '../../sources/commit.js'
import {addFeature, type Cue, cue, cueFinder, type Features, ngramFeatures, stem, words} from '../linear.js'

export const CUES: readonly Cue[] = [
  cue(
    'problem',
    'bug', 'bugs', 'crash', 'crashes', 'crashed', 'crashing', 'fail', 'fails', 'failed', 'failing', 'failure', 'failures', 'error', 'errors',
    'npe', 'exception', 'leak', 'leaks', 'leaking', 'wrong', 'wrongly', 'broken', 'breaks', 'break', 'regression', 'incorrect', 'incorrectly',
    'missing', 'invalid', 'typo', 'typos', 'hang', 'hangs', 'deadlock', 'race', 'flaky', 'flakiness', 'slow', 'timeout', 'timeouts', 'segfault',
    'overflow', 'underflow', 'unexpected', 'unexpectedly', 'inconsistent', 'stale', 'redundant', 'unused', 'unnecessary', 'deprecated',
    'obsolete', 'outdated', 'false positive', 'false positives', 'false negative', 'vulnerability', 'vulnerabilities', 'hazard', 'unsafe',
    'corrupt', 'corruption', 'lost', 'loss', 'silently', 'spurious', 'bogus', 'null', 'uninitialized', 'oob', 'dead', 'mistake', 'mistakenly',
    'accidentally', 'confusing', 'confusion', 'ambiguous', 'problem', 'problems', 'issue', 'issues', 'does not', "doesn't", 'did not', "didn't",
    'cannot', "can't", 'could not', "couldn't", 'not work', 'no longer', 'never', 'forgot', 'forgotten', 'misleading', 'inefficient',
    'expensive', 'duplicate', 'duplicated', 'twice', 'incomplete', 'unreliable', 'clash', 'clashes', 'conflict', 'conflicts', 'end of life',
    'eol', 'security', 'xss', 'injection', 'oom', 'out of memory', 'memory leak', 'memory usage', 'memory use', 'more memory', 'much memory', 'memory footprint', 'abort', 'aborts', 'panic', 'stuck', 'freeze', 'freezes', 'garbage',
    'password', 'passwords', 'credentials', 'secret', 'secrets', 'pii', 'exposed', 'exposes',
    'hard to', 'difficult', 'awkward', 'cumbersome', 'tedious', 'clunky', 'brittle', 'fragile', 'painful', 'error-prone', 'error prone',
    'flagged', 'complained', 'complains', 'reported',
  ),
  cue(
    'purpose',
    'so that', 'so we', 'so it', 'so the', 'so they', 'so users', 'so you', 'in order to', 'to avoid', 'to prevent', 'to allow', 'to make',
    'to ensure', 'to keep', 'to support', 'to reduce', 'to improve', 'to speed', 'to match', 'to fix', 'to address', 'to help', 'to get rid',
    'make sure', 'makes it', 'allows', 'allow', 'enables', 'lets', 'needed', 'required', 'requires', 'necessary', 'need', 'needs',
    'want', 'wants', 'goal', 'intent', 'purpose', 'useful', 'helps', 'easier', 'simpler', 'faster', 'safer', 'cheaper', 'readability',
    'for compatibility', 'compatibility', 'compatible', 'consistent', 'consistency', 'prepare', 'preparation', 'in preparation', 'subsequent',
    'upcoming', 'following commit', 'next commit', 'future', 'later',
  ),
  cue('cause', 'because', 'since', 'due to', 'as a result', 'caused by', 'the reason', 'reason', 'why', 'otherwise', 'thus', 'therefore', 'hence', 'so'),
  cue(
    'contrast',
    'previously', 'currently', 'instead', 'instead of', 'rather than', 'however', 'but', 'although', 'while', 'whereas', 'now', 'no longer',
    'anymore', 'without', 'only', 'still', 'already', 'actually', 'unfortunately', 'yet',
  ),
  cue('condition', 'when', 'if', 'unless', 'whenever', 'after', 'before', 'once', 'until', 'on', 'with'),
]


/** Every cue phrase found in lower-cased words: family → phrases, in order of appearance. */
export const findCues = cueFinder(CUES)

const CONVENTIONAL_TYPES = new Set(['feat', 'fix', 'docs', 'doc', 'style', 'refactor', 'perf', 'test', 'tests', 'build', 'ci', 'chore', 'revert', 'deps', 'security'])

// Subject verbs that only say what was done, and verbs that name a problem being fixed or a need.
const WHAT_VERBS = new Set(
  'update updat add ad remov remove renam rename move refactor bump polish chang tweak clean cleanup reformat format use convert replac replace extract introduc introduce drop set switch wire mark split merg merge document test implement creat create reorgan reorganis reorganize rework rewrit rewrite simplifi simplify inlin inline declar declare expos expose moderniz modernize migrat migrate unifi unify standard standardis standardiz enabl enable disabl disable pin unpin sort tidi wip initi misc minor chore adjust improv improve enhanc enhance'
    .split(' ')
    .map((word) => stem(word)),
)
const WHY_VERBS = new Set(
  'fix prevent avoid handl handle support correct restor restore ensur ensure stop guard protect plug resolv resolve escap escape allow skip ignor ignore silenc silence accept permit reduc reduce speed optim optimize optimis respect honor honour preserv preserve recogn recognize work address mitig mitigate limit catch retri retry deal make repair'
    .split(' ')
    .map((word) => stem(word)),
)

// A link is looked for from the first `http` of each word only: if any later start in the word
// matches, that one does too, so no word is scanned twice.
export const ISSUE_REFERENCE = /(?:^|[\s(])(?:#\d+|GH-\d+|[A-Z][A-Z0-9]+-\d+)\b|(?<!\S)(?:(?!https?:\/\/)\S)*https?:\/\/\S+\/(?:issues|pull|bugs?|tickets?|browse)\/\S/
const FIXES_TRAILER = /\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|addresses|refs?|see|related(?: to)?)[:\s]+(?:#\d+|GH-\d+|[A-Z][A-Z0-9]+-\d+|https?:\/\/\S+)/i
// Squash-merge bodies that list the branch's commits: `* fix lint`, `* apply suggestions`.
const SQUASH_LINE = /^\s*\*\s+\S/
const LITERAL_LINE = /^(?: {4}|\t)/

export interface CommitParts {
  subject: string
  /** Conventional type or subsystem prefix, e.g. `fix(api): `. */
  prefix: string
  description: string
  /** Body prose lines: no trailers, comments, squash lists or quoted code. */
  body: string[]
  /** Body lines that list squashed commits. */
  squashLines: number
  /** Lines of quoted code or output. */
  literalLines: number
  trailers: Array<{key: string; value: string}>
}

export function commitParts(text: string, commentChar = '#'): CommitParts {
  const message = parseCommitMessage(text, commentChar)
  const {prefix, description} = splitSubject(message.subject)
  const body: string[] = []
  let squashLines = 0
  let literalLines = 0
  for (const line of message.bodyLines) {
    if (line.text.trim() === '' || /^-{3,}$/.test(line.text.trim())) continue
    if (SQUASH_LINE.test(line.text)) squashLines++
    else if (LITERAL_LINE.test(line.text)) literalLines++
    else body.push(line.text.trim())
  }
  return {subject: message.subject, prefix, description, body, squashLines, literalLines, trailers: message.trailers.map(({key, value}) => ({key, value}))}
}

/** The first word of each sentence or bullet of the body, lower-cased. */
function bodyOpenings(body: readonly string[]): string[] {
  const openings: string[] = []
  for (const part of body.join('\n').split(/[.!?:](?:\s+|$)|\n(?=[ \t]{0,8}[-*+]\s)/)) {
    const word = /^[\s\-*+]*([A-Za-z][A-Za-z']*)/.exec(part)?.[1]
    if (word) openings.push(word.toLowerCase())
  }
  return openings
}

function bucket(value: number, edges: readonly number[]): string {
  let index = 0
  while (index < edges.length && value > edges[index]!) index++
  return index === 0 ? `<=${edges[0]}` : index === edges.length ? `>${edges[edges.length - 1]}` : `<=${edges[index]}`
}

export interface CommitFeatures {
  features: Features
  parts: CommitParts
  subjectCues: Map<string, string[]>
  bodyCues: Map<string, string[]>
  verb: string
  verbClass: 'what' | 'why' | 'other'
  issueReference: boolean
}

export function commitFeatures(text: string, commentChar = '#'): CommitFeatures {
  const parts = commitParts(text, commentChar)
  const features: Features = new Map()
  const type = /^([a-z]+)(?:\(|!|:)/i.exec(parts.prefix)?.[1]?.toLowerCase()
  // Conventional Commits types mean the same in every project; any other prefix is a subsystem
  // name (`odb:`, `worktree:`), which says where, and learning one project's names says nothing
  // about the next project.
  if (type && CONVENTIONAL_TYPES.has(type)) addFeature(features, `@type:${type}`)
  else if (parts.prefix) addFeature(features, '@subsystem')
  if (parts.prefix.includes('!')) addFeature(features, '@breaking')

  const subjectTokens = words(parts.description.replace(/\(#\d+\)\s*$/, ''))
  const first = subjectTokens[0] ?? ''
  const verb = stem(first)
  const verbClass = WHY_VERBS.has(verb) ? 'why' : WHAT_VERBS.has(verb) ? 'what' : 'other'
  addFeature(features, `@verb:${verbClass}`)
  if (/^(?:don't|do not|never|no longer|stop|only)\b/i.test(parts.description)) addFeature(features, '@subject-negation')
  addFeature(features, `@subject-words:${bucket(subjectTokens.length, [2, 4, 7, 11])}`)
  ngramFeatures(features, subjectTokens, 's')

  const bodyText = parts.body.join(' ')
  const bodyTokens = words(bodyText)
  addFeature(features, `@body-words:${bucket(bodyTokens.length, [0, 8, 20, 50, 120])}`)
  if (bodyTokens.length > 0) {
    const sentences = bodyText.split(/[.!?](?:\s|$)/).filter((part) => /[a-z]/i.test(part)).length
    addFeature(features, `@body-sentences:${bucket(sentences, [1, 2, 4])}`)
    // A body that only lists what was done, a sentence or bullet at a time ("Move X into Y.
    // Wire it up as Z."), says what at length and why nowhere: its length is not a reason.
    const opened = bodyOpenings(parts.body)
    const what = opened.filter((word) => WHAT_VERBS.has(stem(word))).length
    if (opened.length > 0) addFeature(features, `@body-opens-what:${what === 0 ? 'none' : what === opened.length ? 'all' : what * 2 >= opened.length ? 'most' : 'some'}`)
    for (const token of new Set(bodyTokens)) addFeature(features, `bw:${stem(token)}`)
  }
  if (parts.squashLines > 0) addFeature(features, `@squash-lines:${bucket(parts.squashLines, [1, 3])}`)
  if (parts.literalLines > 0) addFeature(features, '@quoted-output')

  const issueReference = ISSUE_REFERENCE.test(text) || FIXES_TRAILER.test(text)
  if (issueReference) addFeature(features, '@issue-reference')
  if (FIXES_TRAILER.test(text)) addFeature(features, '@fixes-reference')
  if (parts.trailers.length > 0) addFeature(features, '@trailers')

  const subjectCues = findCues(subjectTokens)
  const bodyCues = findCues(bodyTokens)
  for (const [family, phrases] of subjectCues) {
    addFeature(features, `@s-cue:${family}`)
    if (phrases.length > 1) addFeature(features, `@s-cue:${family}:2+`)
  }
  for (const [family, phrases] of bodyCues) {
    addFeature(features, `@b-cue:${family}`)
    addFeature(features, `@b-cue:${family}:${bucket(phrases.length, [1, 3])}`)
  }
  addFeature(features, `@verb:${verbClass}:${bodyTokens.length > 0 ? 'body' : 'no-body'}`)
  return {features, parts, subjectCues, bodyCues, verb: first, verbClass, issueReference}
}
