// Features for "does this review sentence read as a blunt verdict": stems and stem pairs, plus
// tone cues a person can check: condescension, rhetorical questions, bare orders, verdict words,
// praise words next to a failure (sarcasm), and the softeners of constructive reviews
// (Conventional Comments labels, questions about intent, a stated reason).

import {addFeature, ngramFeatures, words, type Features} from '../linear.js'

export interface ToneCue {
  /** Feature name. */
  id: string
  /** What it means, for evidence. */
  label: string
  /** Sign it usually carries: blunt (+) or constructive (-). */
  blunt: boolean
  test(sentence: string, lower: string, tokens: string[]): string | undefined
}

const match = (re: RegExp) => (_sentence: string, lower: string) => re.exec(lower)?.[0]

const ORDER_VERBS = new Set(
  'remove delete drop use change fix rename move revert undo stop write add make get take put split close document follow handle rewrite redo start kill read learn do'.split(' '),
)
const REASON = /\b(?:because|since|so that|so (?:we|it|the|this|these|they|that|users?|callers?|readers?|reviewers?|nobody|no one|you)|otherwise|as it(?! is\b| stands\b)|which|to (?:keep|avoid|make|match|prevent)|for (?:consistency|clarity)|it (?:prints|leaks|breaks|hides)|before merging|(?:this|that) way|now that|so (?:an? |the )?[a-z]+ (?:can|will|won't|does|doesn't|shows?|knows?|gets?|stays?|is|are)\b)\b|(?:[:;,]| [—–-]) (?:the|it|this|that|we|nothing)\b/
// An exasperated opener ("Nope, this …", "Come on, we …") is not the start of a reason.
const INTERJECTION = /^(?:nope|nah|no|ugh|sigh|come on|seriously|hmm+|meh)[,.!]*\s+/
const statesReason = (lower: string): string | undefined => REASON.exec(lower.replace(INTERJECTION, ''))?.[0]
const CC_LABEL = /^(?:praise|nitpick|nit|suggestion|issue|question|thought|chore|note|todo|typo|polish|quibble)\s*(?:\([^)]*\)\s*)?:/

export const TONE_CUES: readonly ToneCue[] = [
  {id: 'condescension', label: 'condescension', blunt: true, test: match(/\b(?:obviously|clearly(?= (?:this|that|the|these|those|it|you|we|is|are|was|should|does|doesn't|not|wrong|a|an)\b|[.!]*$)|everyone knows|any (?:junior|beginner)|basic stuff|[a-z]+ 101(?=:)|it is simple|it's simple|not hard|of course you|trivial(?:ly)?)\b/)},
  {
    id: 'just-order',
    label: 'an order softened with `just`/`simply`',
    blunt: true,
    test: (_s, lower) => /^(?:just|simply) (?!put[:,])[a-z]+\b/.exec(lower)?.[0] ?? /\byou (?:just|simply) (?:need|have) to\b/.exec(lower)?.[0] ?? /\bjust (?:do|fix|read|use) (?:it|the|this)\b/.exec(lower)?.[0],
  },
  // bounded: after each `why`, at most six words are read looking for `even`, so every character
  // is read for at most seven `why`s.
  {id: 'rhetorical', label: 'a rhetorical question', blunt: true, test: match(/\b(?:did you (?:even|actually)|have you (?:even|actually|ever)|do you (?:even|understand)|did (?:anyone|nobody)|why (?:on earth|would (?:anyone|you ever))|what were you thinking|who (?:wrote|names)|what is this supposed|are you (?:serious|kidding)|you are joking|how many times|really\?|seriously\??|what is this\?|^again with\b|^what(?: is|'s) the point of\b|why (?:[a-z']+ ){1,6}even\b)/)},
  {id: 'verdict', label: 'a verdict on the work', blunt: true, test: match(/\b(?:is|looks) (?:just |completely |so |totally )?(?:wrong|bad|terrible|awful|horrible|a mess|garbage|useless|pointless|unacceptable|a joke|a disaster|lazy|sloppy|rushed|careless|a hack|meaningless|a waste of (?:[a-z']+ )?time)\b|\bmakes no sense\b|\b(?:is|'s) not how we\b|\bneeds to be (?:completely |totally )?rewritten\b|\bneeds a (?:complete |total )?rewrite\b|^(?:no|nope|wrong|bad|ugly|sloppy|lazy|useless|pointless|unreadable|rejected|overengineered|inconsistent|typo|naming|formatting|spaces|lol|insecure|hard no|not acceptable|sigh|ugh|meh|smh|yikes)\b[.!]*$/)},
  {id: 'you-always', label: 'blame on the person', blunt: true, test: match(/\byou (?:always|never|keep|clearly|obviously|broke|managed)\b|\byour code is\b|\bi (?:already |have already |'ve already )?told you\b|\bas i said\b|^come on\b|\b(?:talked about|been over|been through|discussed) this (?:before|already)\b/)},
  // Passive aggression: a point made before, made again with a sigh ("Please don't make me say
  // this again", "I told in last review already"), and a wish for what should be normal ("if,
  // just once, the description matched the PR").
  {id: 'passive-aggression', label: 'passive aggression', blunt: true, test: match(/\bi (?:already |have already |'ve already )?(?:told|said|asked|mentioned) (?:you |this |it )?(?:in|at|during|on) (?:the |my )?(?:last|previous|first) (?:review|comment|round|time|patch\w*|ps\d*)\b|\b(?:don't|do not) make me (?:say|repeat|ask|explain|point)\b|\b(?:needs|need) (?:saying|to be said)\b|\bif,? just once\b|\bnot my problem\b|\blost on you\b|\byou know what(?:'s| is) wrong\b/)},
  {
    id: 'sarcasm',
    label: 'sarcasm',
    blunt: true,
    test: (_s, lower) => {
      const praise = /\b(?:thanks|thank you|great|nice|brilliant|wow|good job|congratulations|love|cool|oh good|sure|apparently|must be nice|i guess)\b/.exec(lower)
      if (!praise) return undefined
      const failure = /\b(?:break(?:ing|s)?|broke|broken|bug|nothing (?:compiles|works)|disable|slower|again|extra work|reinvent(?:ed)?|nobody|untested|optional|never hurt|worked so well|for other people|not (?:to )?write)\b/.exec(lower)
      return failure ? `${praise[0]} … ${failure[0]}` : undefined
    },
  },
  {
    id: 'sarcastic-another',
    label: 'sarcasm',
    blunt: true,
    // Praise for one more of something: "Oh great, another global.", "Another global variable,
    // nice." Not "Nice, another test for the empty case": praise first is sarcastic only with
    // `oh` or `yet another`.
    test: match(/^(?:oh (?:great|good|nice|look),? (?:yet )?another|(?:great|nice|wonderful|lovely|perfect|awesome|fantastic|brilliant),? yet another)\b|^(?:yet )?another\b.*, (?:nice|great|lovely|perfect|awesome|brilliant|wonderful|fantastic)[.!]*$/),
  },
  {id: 'refusal', label: 'a refusal with no reason', blunt: true, test: match(/^(?:nope|nah)[,.!]* (?:not|this|that|it|revert|remove|drop|no)\b|\b(?:not merging|won't merge|will not merge|not going to merge|not approving|won't approve|not accepting|(?:is|'s) not going in)\b/)},
  {
    id: 'bare-order',
    label: 'an order without a reason',
    blunt: true,
    test: (_s, lower, tokens) => {
      const first = tokens[0] === 'please' ? tokens[1] : tokens[0]
      const negative = tokens[0] === 'don\'t' || tokens[0] === 'never' || (tokens[0] === 'do' && tokens[1] === 'not')
      if (!first || (!ORDER_VERBS.has(first) && !negative)) return undefined
      if (statesReason(lower) !== undefined || lower.endsWith('?')) return undefined
      return tokens.slice(0, 3).join(' ')
    },
  },
  {
    id: 'reasoned-order',
    label: 'an order with its reason',
    blunt: false,
    test: (_s, lower, tokens) => {
      const first = tokens[0] === 'please' ? tokens[1] : tokens[0]
      if (!first || !ORDER_VERBS.has(first) || lower.endsWith('?')) return undefined
      const reason = statesReason(lower)
      return reason === undefined ? undefined : `${tokens.slice(0, 2).join(' ')} … ${reason}`
    },
  },
  {id: 'shouting', label: 'shouting (capitals, `!`)', blunt: true, test: (sentence) => /\b[A-Z]{3,}\b.*\b[A-Z]{3,}\b|^[A-Z!]{2,}$|!$/.exec(sentence.trim())?.[0]},
  {id: 'cc-label', label: 'a Conventional Comments label', blunt: false, test: (_s, lower) => CC_LABEL.exec(lower)?.[0]},
  {id: 'reason', label: 'a stated reason', blunt: false, test: (_s, lower) => statesReason(lower)},
  {id: 'softener', label: 'a question or suggestion (`could we`, `what do you think`)', blunt: false, test: match(/\b(?:could we|could you|(?<!why )would you|would it|can we|should we|what do you think|i think|i wonder|maybe|might|worth|how about|what about|i am not sure|i'm not sure|i may be|happy to|i can help|is (?:it|this|that) (?:on purpose|intentional|intended|deliberate|expected)|works for me|either (?:way|one|name|option) (?:works|is fine)|not (?:a )?blocking|non-blocking|not a blocker)\b/)},
  {id: 'acknowledgement', label: 'an acknowledgement (`done`, `agreed`, `LGTM`)', blunt: false, test: match(/^(?:done|agreed|lgtm|fixed|ack|makes sense|no (?:strong )?(?:opinion|preference|objection)s?|good (?:point|catch|question)|fair (?:point|enough)|you are right|you're right|same (?:question|as above)|thanks|thank you|will do|updated)\b/)},
  {id: 'behaviour-question', label: 'a question about behaviour (`how`, `where`, `what happens`)', blunt: false, test: (_s, lower) => (lower.endsWith('?') && !/\b(?:even|ever|on earth|seriously|really)\b/.test(lower) ? /^(?:how (?:does|do|did|is|are|will|would|should)|where (?:is|are|does|do)|when (?:does|do|is|will)|which|what happens|what if|is (?:the|this|it|that) [a-z ]*(?:in|for|on|meant|expected|intended|needed|used))\b/.exec(lower)?.[0] : undefined)},
  {id: 'own-mistake', label: 'owns a mistake (`my mistake`, `I was wrong`)', blunt: false, test: match(/\b(?:my (?:mistake|bad|fault|error)|i was wrong|i stand corrected|i misread|i missed (?:this|that|it)|my (?:[\w`']+ ){1,3}(?:was|were) wrong)\b/)},
  {id: 'first-person', label: 'speaks from experience (`I found`, `I measured`)', blunt: false, test: match(/\bi (?:found|measured|could not|couldn't|had trouble|suspect|did not see|looked)\b/)},
]

/** Lower-cased text with curly apostrophes straightened. */
export function lowerOf(sentence: string): string {
  return sentence.toLowerCase().replace(/[’‘]/g, "'").trim()
}

/** The cues a sentence carries, by id, with the text that matched. */
export function toneCues(sentence: string): Map<string, {cue: ToneCue; matched: string}> {
  const lower = lowerOf(sentence)
  const tokens = words(lower)
  const found = new Map<string, {cue: ToneCue; matched: string}>()
  for (const cue of TONE_CUES) {
    const matched = cue.test(sentence, lower, tokens)
    if (matched) found.set(cue.id, {cue, matched})
  }
  // "Thanks for breaking the build" thanks no one: the thanks is the sarcasm's praise.
  if (found.has('sarcasm') || found.has('sarcastic-another')) found.delete('acknowledgement')
  return found
}

/** Where a sentence stands: in a comment that opens with a label, in a list item, in a text with headings (a PR description or template). */
export interface ToneContext {
  labelled: boolean
  listItem?: boolean
  headings?: boolean
  /**
   * Cues of the next sentence that can turn this one into a real question or a reasoned request
   * ("Why is this a global? I could not find a second caller."), by id.
   */
  next?: readonly string[]
  /** Words in the sentences before and after this one in the same comment (0: none). */
  wordsBefore?: number
  wordsAfter?: number
}

/** Cues in the next sentence that turn a bare question or order into a real one. */
export const FOLLOW_UP = new Set(['reason', 'softener', 'first-person', 'behaviour-question'])

// Cues that make a sentence blunt on their own, unless the same sentence softens it (a label, a
// reason, a question or suggestion): an order opened with `just`/`simply`, a rhetorical question,
// blame on the person, praise for one more of something, a refusal, condescension. In the 2,222
// labelled comments they make 207 of the 902 blunt ones blunt, and 21 of the 1,320 constructive.
// "Simply put: …" introduces a summary, not an order.
const JUST_ORDER = /^(?:just|simply) (?!put[:,])([a-z]+)\b/
const SOFTENING = new Set(['cc-label', 'reason', 'softener', 'own-mistake'])
// `clearly` and `trivially` also describe evidence ("Clearly this is a bug upstream", "trivially
// parallel"): the model weighs them, they are not blunt on their own.
const WEAK_CONDESCENSION = /^(?:clearly|trivial(?:ly)?)$/
// An order aimed at the code under review ("Change this to a loop", "Delete it"), not one that
// describes a change ("Drop support for Node 16", as a PR description says).
const POINTED = /\b(?:this|that|it|these|those|them)\b/

/**
 * The cue that makes this sentence blunt outright, in words, or undefined. A bare order counts
 * only in a comment and only aimed at the code under review: in a list, or in a text with
 * headings (a PR description), an imperative usually describes the change; `please` asks.
 * `cues` are the sentence's `toneCues`, when the caller has them already.
 */
export function outrightBlunt(sentence: string, context: ToneContext = {labelled: false}, cues = toneCues(sentence)): string | undefined {
  // A reason does not soften a sigh: "I told in last review already, the API is deprecated."
  const sigh = cues.get('passive-aggression')
  if (sigh) return `${sigh.cue.label}: \`${sigh.matched}\``
  for (const id of cues.keys()) if (SOFTENING.has(id)) return undefined
  const lower = lowerOf(sentence)
  const just = JUST_ORDER.exec(lower)
  if (just && ORDER_VERBS.has(just[1]!)) return `${cues.get('just-order')?.cue.label ?? 'an order softened with `just`/`simply`'}: \`${just[0]}\``
  const order = cues.get('bare-order')
  // An order that goes on past a comma or a dash may give its reason there ("Drop the flag; if
  // someone runs it against prod it overwrites the state file"): the model weighs it.
  const goesOn = TAIL.exec(lower)
  const explained = goesOn !== null && words(lower.slice(goesOn.index)).length >= 4
  if (order && POINTED.test(lower) && !explained && !context.listItem && !context.headings && !context.labelled && !lower.startsWith('please')) return `${order.cue.label}: \`${order.matched}\``
  for (const id of ['rhetorical', 'you-always', 'sarcastic-another', 'refusal', 'condescension']) {
    const found = cues.get(id)
    if (found && (id !== 'condescension' || !WEAK_CONDESCENSION.test(found.matched))) return `${found.cue.label}: \`${found.matched}\``
  }
  return undefined
}

/** Sentence features; the context matters because a bare imperative reads as an order in a comment but as a change in a PR list. */
export function toneFeatures(sentence: string, context: ToneContext = {labelled: false}): Features {
  const features: Features = new Map()
  const lower = lowerOf(sentence)
  const tokens = words(lower)
  ngramFeatures(features, tokens)
  // The sentence's first word matters (an order starts with a verb).
  if (tokens[0]) addFeature(features, `first:${tokens[0]}`)
  for (const id of toneCues(sentence).keys()) addFeature(features, `@cue:${id}`)
  if (context.labelled) addFeature(features, '@cue:comment-labelled')
  // An imperative list item under a heading usually describes the change ("- Remove the flag").
  if (context.listItem) addFeature(features, '@ctx:list')
  if (context.headings) addFeature(features, '@ctx:headings')
  if (context.listItem && context.headings) addFeature(features, '@ctx:list-under-heading')
  if (lower.endsWith('?')) addFeature(features, '@question')
  addFeature(features, tokens.length <= 3 ? '@len:short' : tokens.length <= 10 ? '@len:mid' : '@len:long')
  // What follows: a question or an order followed by the asker's reason or an offer is a real one.
  for (const id of context.next ?? []) {
    addFeature(features, `@next:${id}`)
    if (lower.endsWith('?')) addFeature(features, `@question-then:${id}`)
  }
  if ((context.next ?? []).length > 0) addFeature(features, '@next:follow-up')
  // Alone, an order or a question is all the reader gets; with more said around it, it may be
  // the start of an explanation ("Use `Span<byte>` here. This runs per packet, …").
  const around = `${(context.wordsBefore ?? 0) >= 4 ? 'before' : ''}${(context.wordsAfter ?? 0) >= 4 ? 'after' : ''}` || 'alone'
  addFeature(features, `@around:${around}`)
  const shape = lower.endsWith('?') ? 'question' : features.has('@cue:bare-order') ? 'order' : undefined
  if (shape) addFeature(features, `@around:${shape}:${around}`)
  // An order that goes on past a comma, a semicolon or a dash often gives its reason there
  // ("Rename this to `maxRetries`, `n` is hard to follow 80 lines down").
  if (shape === 'order') {
    const tail = TAIL.exec(lower)
    if (tail && words(lower.slice(tail.index)).length >= 4) addFeature(features, '@order:goes-on')
  }
  return features
}

/** Where a sentence goes on after its first clause: a comma, semicolon or colon, or a dash. */
const TAIL = /[,;:](?=\s)|\s[—–-]\s/

/** A sentence of a review text with its context, cues and features, read once for the model and the evidence. */
export interface ReadSentence extends Sentence {
  context: ToneContext
  cues: Map<string, {cue: ToneCue; matched: string}>
  features: Features
  /** The cue that makes it blunt whatever the model gives, in words. */
  outright?: string
}

/** A block of a review text (a paragraph, a list item), with what its caller knows of its place. */
export interface ToneBlock {
  text: string
  /** The comment opens with a Conventional Comments label. */
  labelled: boolean
  /** The block is a list item (undefined: each sentence says by its marker). */
  listItem?: boolean | undefined
}

/**
 * The sentences of a review text's blocks, each with its features, read as one text: the words
 * around a sentence and the sentence after it cross from block to block, so a rule that reports
 * block by block reads a comment as `judge` does. `headings`: the text has Markdown headings.
 */
export function readBlocks(blocks: readonly ToneBlock[], headings: boolean): ReadSentence[][] {
  const cuts = blocks.map((block) => proseSentences(block.text))
  const all = cuts.flat()
  const cues = all.map((sentence) => toneCues(sentence.text))
  const counts = all.map((sentence) => words(sentence.text).length)
  const total = counts.reduce((sum, count) => sum + count, 0)
  let index = 0
  let before = 0
  return blocks.map((block, position) =>
    cuts[position]!.map((sentence) => {
      const next = index + 1 < all.length ? followUps(cues[index + 1]!) : []
      const context: ToneContext = {labelled: block.labelled, headings, listItem: block.listItem ?? sentence.listItem ?? false, next, wordsBefore: before, wordsAfter: total - before - counts[index]!}
      const found = cues[index]!
      before += counts[index]!
      index++
      const outright = outrightBlunt(sentence.text, context, found)
      return {...sentence, context, cues: found, features: toneFeatures(sentence.text, context), ...(outright === undefined ? {} : {outright})}
    }),
  )
}

/**
 * The sentences of a review text, each with its features. By default the context comes from the
 * text itself (a leading Conventional Comments label, list markers, headings); a caller that has
 * parsed the Markdown passes what it knows. Training, evaluation and `judge` all read this way.
 */
export function readSentences(text: string, context: Partial<Pick<ToneContext, 'labelled' | 'headings' | 'listItem'>> = {}): ReadSentence[] {
  return readBlocks([{text, labelled: context.labelled ?? isLabelled(text), listItem: context.listItem}], context.headings ?? hasHeadings(text))[0]!
}

/** The sentences of a review text that `judge` reads: prose only, and each with a word in it. */
function proseSentences(text: string): Sentence[] {
  // A sentence with no word in it ("+1", "👍", a lone `}`) carries no tone the model can read.
  return sentences(proseOnly(text)).filter((sentence) => /[A-Za-z]/.test(sentence.text))
}

function followUps(cues: ReadonlyMap<string, unknown>): string[] {
  return [...cues.keys()].filter((id) => FOLLOW_UP.has(id))
}

export interface Sentence {
  text: string
  /** The sentence opens a list item (`- `, `* `, `1. `, `- [ ] `). */
  listItem?: boolean
  /** Offset in the text it was cut from. */
  start: number
  end: number
}

/** Cut prose into sentences at `.`, `!`, `?` followed by space, and at line breaks. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  // Cut only before white space, so `1.5` or `a.b()` stay whole; `e.g.` and `etc.` do not cut.
  let start = 0
  // Whether the sentence under way has a character other than white space yet.
  let filled = false
  const push = (end: number) => {
    const raw = text.slice(start, end)
    const marker = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/.exec(raw)
    const listItem = marker !== null && (start === 0 || text[start - 1] === '\n')
    const lead = listItem ? marker[0].length : raw.length - raw.trimStart().length
    const trimmed = raw.slice(lead).trim()
    if (trimmed !== '') out.push({text: trimmed, start: start + lead, end: start + lead + trimmed.length, ...(listItem ? {listItem} : {})})
    start = end
    filled = false
  }
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') filled = true
    if (char === '\n') {
      // A line wrapped mid-sentence ("closed when\nyour PR is merged.") goes on in lower case:
      // the break is a space. A new line in capitals, or a list item, starts a new sentence.
      if (filled && /^[ \t]*[a-z]/.test(text.slice(index + 1, index + 201))) continue
      push(index)
      start = index + 1
    } else if ((char === '.' || char === '!' || char === '?') && (index + 1 >= text.length || /\s/.test(text[index + 1]!))) {
      // Keep runs like `?!` and `...` together.
      let end = index + 1
      while (end < text.length && /[.!?]/.test(text[end]!)) end++
      if (char === '.' && /\b(?:e\.g|i\.e|etc|vs)\.$/i.test(text.slice(Math.max(0, index - 4), index + 1))) continue
      // `1. ` opening a numbered list item is a marker, not a sentence.
      if (char === '.' && /(?:^|\n)[ \t]*\d+$/.test(text.slice(Math.max(0, index - 12), index))) continue
      push(end)
      index = end - 1
    }
  }
  push(text.length)
  return out
}

/**
 * The text with fenced code blocks, quoted lines and HTML comments blanked out, offsets kept: a
 * ```suggestion block is code, and a `> ` line quotes someone else's words. Each line is read once.
 */
export function proseOnly(text: string): string {
  // An HTML comment (`<!-- fill in below -->` in a PR template) is not shown to the reader.
  if (text.includes('<!--')) text = withoutHtmlComments(text)
  if (!text.includes('```') && !text.includes('~~~') && !/^[ \t]*>/m.test(text)) return text
  let fence: string | undefined
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1]
      if (fence !== undefined) {
        if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined
        return blank(line)
      }
      if (marker !== undefined) {
        fence = marker
        return blank(line)
      }
      return /^\s{0,3}>/.test(line) ? blank(line) : line
    })
    .join('\n')
}

/** `text` with each `<!-- … -->` blanked (an unclosed one runs to the end), found by one scan. */
function withoutHtmlComments(text: string): string {
  let out = ''
  let from = 0
  for (let start = text.indexOf('<!--'); start !== -1; start = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', start + 4)
    const end = close === -1 ? text.length : close + 3
    out += text.slice(from, start) + blank(text.slice(start, end))
    from = end
  }
  return out + text.slice(from)
}

/** Text of the same length with only its line breaks kept. */
function blank(line: string): string {
  return line.replace(/[^\r\n]/g, ' ')
}

/** Whether a text has Markdown headings (a PR description or template, not a one-off comment). */
export function hasHeadings(text: string): boolean {
  return /^#{1,6}\s+\S/m.test(text)
}

/** Whether a comment opens with a Conventional Comments label (`suggestion:`, `nitpick (non-blocking):`). */
export function isLabelled(text: string): boolean {
  return CC_LABEL.test(lowerOf(text))
}
