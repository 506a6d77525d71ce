// comment-why: does a comment give a reason (`present`) or only say what (`missing`)?
// A logistic regression over cue phrases and families (weights.json, from `npm run train`), plus
// explicit reason markers that count on their own: in real comments (unlike the lower-cased
// training sentences) "because", "so that", "to avoid", "workaround" are a rationale.

import type {JudgeOptions, Judgement} from '../../types.js'
import {probability, topContributions, type LinearModel} from '../linear.js'
import {commentWhyFeatures, commentWords, findCues} from './features.js'
import weights from './weights.json'

export const MODEL = weights as LinearModel

// Phrases that state a reason outright, whatever the model says.
const EXPLICIT = /\b(?:because|so that|in order to|to avoid|to prevent|(?<=[,;:.—-]\s{0,3}|^)otherwise|otherwise,? (?:it|the|we|this|they|a|an|there|you|users?|callers?)|due to|work(?:s)?[ -]?around|the reason|(?:is|are) (?:needed|required) (?:to|for|because|so)|rather than|instead of|as opposed to|trade-?off|compromise|prevents?|ensures?|for (?:performance|compatibility|safety|security)|(?:faster|cheaper|safer|slower) than|too (?:slow|expensive|costly)\b|thread-?safe|intentionally|on purpose|to match|is fine|is (?:harmless|expected|safe|not an error)|means|legacy (?:clients?|callers?|code|api|apis|format|formats|behaviou?r|users?|systems?|browsers?|versions?|data|files?|servers?|headers?|fields?|flags?|options?|endpoints?|routes?|protocols?|schemas?|paths?|names?|syntax|mode|support)|kept (?:for|until|around|as long as)|(?:so as |in order )?(?:not to|to not) (?:cause|trigger|hit|exceed|overflow|lose|break|block|leak|crash|hang|starve)|(?:don't|do not|doesn't|does not|won't|will not|never|so as not to) (?:overflow|underflow|leak|crash|hang|block|deadlock|lose|drop|break|exceed|starve|time out)|falls? back|(?:a|the) (?:better|cleaner|proper|real) (?:solution|fix|way|approach) (?:is|would be)|allow(?:s|ing)? for|(?:leaves?|leaving) (?:some |enough )?(?:room|headroom|slack) for|headroom|,\s*so [a-z]+|(?:needs?|takes?|requires?|lasts?) (?:about |up to |at least )?\d|so (?:we|it|they|the|that|a|an|our|this|users?|callers?|(?:[a-z]+ ){1,3}(?:do|does|is|are|can|cannot|can't|don't|doesn't|never|stays?|won't|will))\b|[,;] (?:since|as) [a-z]+|(?:keeps?|stops?) [a-z ]{1,30} from|,\s*where\s+(?:[\w'.]+\s+){1,4}(?:is|are|was|were|has|have|does|do|doesn't|don't|can|cannot|can't|never|always|only)\b)/i

// A clause after `:`, `;` or ` -- ` that says something about the world (has a verb-like word):
// "Max 50 items per page: the API rejects larger pages".
const CLAUSE = /(?::|;| --?|—) +(?:[\w'.]+ +){1,}(?:is|are|was|were|has|have|needs?|rejects?|reuses?|relies|compares|makes?|leaves?|would|will|can|cannot|can't|does|doesn't|don't|must|never|only|still|already|assumes?|reads?|writes?|calls?|uses?|returns?|breaks?|fails?|loses?|drops?|sends?|expects?)\b/i

// A limit of a system outside the code, stated as a fact, is the reason for the code next to it:
// "The API rejects batches over 100 items" above `BATCH_SIZE = 100`.
const CONSTRAINT = /\b(?:api|apis|server|servers|backend|service|browser|browsers|database|db|driver|kernel|os|library|upstream|provider|gateway|proxy|load balancer|vendor|platform|platforms|environments?|engines?|firmware|device|host|registry|cdn|broker|runtime|runtimes|jvm|chrome|safari|firefox|windows|macos|ios|android|postgres|mysql|redis|s3)\s+(?:\w+\s+)?(?:rejects?|refuses?|limits?|caps?|truncates?|throttles?|drops?|times? out|closes?|kills?|only (?:accepts?|allows?|supports?|returns?|keeps?|sends?)|(?:accepts?|allows?|returns?) (?:at most|only|up to)|(?:does|do) not (?:support|allow|permit|take kindly)|(?:doesn't|don't) (?:support|allow|permit|take kindly)|will not|won't|chokes?|crashes|hangs|enforces?|rounds?)\b/i

// A link to a spec, an issue or a discussion points at the reason, and so does a named source:
// "from the steinmetz package", "per the Material design spec", "from the font", "\@arstrutbox
// in lttab.dtx" (the repetition is bounded).
const LINK = /\bhttps?:\/\/\S+|\bfrom the (?:font|fonts|spec|specification|standard|paper|datasheet|manual|documentation|docs|kernel|hardware|vendor|original|reference implementation)\b|\bin [\w-]{1,60}\.(?:dtx|tex|sty|c|h|cc|cpp|hpp|py|js|ts|go|rs|java|rb|md|txt|rst)\b|(?:^|\s)(?:see|per|cf\.?|fixes|refs?) (?:#\d+|[A-Z]+-\d+|rfc ?\d+)|\(#\d{2,}\)|\b(?:see|per) (?:issue|bug|gh)[ -]?#?\d{2,}\b|\brfc ?\d{3,}|\b(?:from|per|by|in) the (?:spec|specification|standard|protocol)\b|\b(?:from|per|according to) the (?:[\w.-]+ ){1,3}(?:spec|specification|standard|package|library|paper|book|manual|datasheet|guidelines)\b/i

export function explicitReason(text: string): string | undefined {
  const match = EXPLICIT.exec(text) ?? CLAUSE.exec(text) ?? CONSTRAINT.exec(text) ?? LINK.exec(text)
  // `since` and `as` alone are too ambiguous (`@since 1.2`, "as a string"): left to the model.
  return match ? match[0].trim() : undefined
}

// An explicit reason phrase decides on its own; its score says so, whatever the model gave.
const EXPLICIT_SCORE = 0.95

/** Comments this short are a label or an order ("Hack.", "Skip validation."), not a reason. */
export const MIN_WORDS = 5

export interface CommentWhyResult extends Judgement {
  label: 'present' | 'missing'
}

/** Comment text without its markers, when `judge` is given the comment as written (`// …`, `# …`, `/** … *\/`). */
export function stripMarkers(text: string): string {
  return text
    .replace(/^\s*(?:\/\*\*?|\/\/[/!]?|#|--|"""|''')\s?/, '')
    .trimEnd()
    .replace(/(?:\*\/|"""|''')$/, '')
    .trimEnd()
    .replace(/^[ \t]*(?:\*(?!\/)|\/\/[/!]?|#)[ \t]?/gm, '')
}

/** A feature as a person reads it: `so that` for a phrase, `purpose cues` for a family. */
function cueName(feature: string): string {
  return feature.startsWith('p:') ? `\`${feature.slice(2)}\`` : `${feature.replace(/^@cue:/, '')} cues`
}

export function judgeCommentWhy(input: string, _options?: Partial<JudgeOptions>): CommentWhyResult {
  const text = stripMarkers(input)
  const features = commentWhyFeatures(text)
  const score = probability(MODEL, features)
  const explicit = explicitReason(text)
  const long = commentWords(text).length >= MIN_WORDS
  const present = explicit !== undefined || (long && score >= MODEL.threshold)
  const evidence: string[] = []
  if (explicit) evidence.push(`states a reason: \`${explicit}\``)
  const cues = findCues(commentWords(text))
  if (cues.size > 0) evidence.push(`reason cues: ${[...cues].map(([family, phrase]) => `\`${phrase}\` (${family.split(' (')[0]})`).join(', ')}`)
  else evidence.push('looked for reason cues (because, so that, to avoid, otherwise, workaround, instead of, faster, note that, …): none found')
  const top = topContributions(MODEL, features, 3).filter((item) => !item.feature.startsWith('@len'))
  if (top.length > 0) evidence.push(`strongest cues: ${top.map((item) => `${cueName(item.feature)} (${item.weight > 0 ? '+' : ''}${item.weight.toFixed(2)})`).join(', ')}`)
  evidence.push(`model score ${score.toFixed(2)} (threshold ${MODEL.threshold.toFixed(2)})${long ? '' : `; under ${MIN_WORDS} words reads as a label, not a reason`}`)
  return {label: present ? 'present' : 'missing', score: explicit ? Math.max(score, EXPLICIT_SCORE) : score, evidence}
}
