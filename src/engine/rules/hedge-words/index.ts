import {hedges} from 'hedges'
import {splitIdentifier} from '../../models/comment-restates/features.js'
import {defineRule} from '../../rule.js'
import type {ProseBlock} from '../../prose.js'
import type {CodeComment, SourceDocument} from '../../sources/types.js'
import {proseBlocks, quoted} from '../retext.js'

export interface Options {
  ignore: string[]
}

// Entries of the `hedges` list that are precise in technical prose: modal verbs that state what
// a program can or must do (`can`, `must`, `should`, `will`), quantities (`many`, `few`, `most`),
// and verbs with a literal meaning there (`find`, `read`, `assume`, `indicate`).
export const PRECISE: readonly string[] = [
  'about', 'always', 'around', 'can', 'could', 'will', 'would', 'should', 'must', 'may', 'might', 'find', 'finds',
  'found', 'read', 'say', 'says', 'like', 'many', 'most', 'much', 'few', 'some', 'several', 'little', 'rare', 'clear',
  'certain', 'consider', 'considered', 'considers', 'diagnostic', 'indicate', 'assume', 'assumed', 'assumes',
  'assumption', 'estimate', 'estimated', 'estimates', 'possible', 'possibility', 'probability', 'overall', 'often',
  'frequently', 'occasionally', 'sometimes', 'seldom', 'rarely', 'usually', 'mostly', 'mainly', 'largely',
  'understand', 'understands', 'understood', 'at least', 'appear', 'appears', 'appeared', 'couple', 'definite',
  'effectively', 'practically', 'somewhere', 'something', 'someone', 'somebody', 'be sure', 'and so forth',
  'et cetera', 'consistent with', 'doubt', 'rather', 'so far', 'necessarily', 'tend', 'suggest', 'suggests',
  'suggested', 'certainly', 'clearly', 'bunch', 'thought', 'partially', 'approximately', 'roughly', 'look like',
  'looks like', 'guess', 'guessed', 'guesses', "don't know",
  'supposed', 'unlikely',
  // "The value we actually got", "code that actually runs": what happens, against what one expects.
  // Of 17 read (of 34 in the Rust book, ESLint's and Express's docs), none hedged.
  'actually',
  // A near quantity, like `approximately`: "almost always", "almost the same as".
  'almost',
  // A booster, like `certainly` and `clearly`, not a hedge: "definitely lost" (Valgrind's term).
  // So is `surely` (Hyland 2005 lists it among boosters): "CASing head will surely fail".
  'definitely', 'surely',
  // A frequency, like `rarely`: "the answer is almost never".
  'almost never',
  // A rule and its cases, like `usually` and `may`: "in general must be invoked within a loop",
  // "Possibly atomically sets the value" (it may fail spuriously). In 150 JDK files these were 140
  // of the 196 hedge hints, and read as precise statements.
  'generally', 'in general', 'possibly',
]

const TODO = /^\s*(?:todo|fixme|xxx)\b/i

const cache = new Map<string, RegExp>()
// The rule runs once per block with the same options: look each ignore list up once.
const byList = new WeakMap<readonly string[], RegExp>()

function matcher(ignore: readonly string[]): RegExp {
  const known = byList.get(ignore)
  if (known) return known
  const key = [...ignore].sort().join('|')
  let re = cache.get(key)
  if (!re) {
    const skip = new Set(ignore.map((phrase) => phrase.toLowerCase()))
    const phrases = hedges
      .filter((phrase) => !skip.has(phrase.toLowerCase()))
      // Longest first, so `appear to be` wins over `appear`.
      .sort((a, b) => b.length - a.length)
      .map((phrase) =>
        phrase
          .split(/\s+/)
          .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"))
          .join('\\s+'),
      )
    re = new RegExp(`(?<![\\w'’-])(?:${phrases.join('|')})(?![\\w'’-])`, 'gi')
    if (cache.size > 16) cache.clear()
    cache.set(key, re)
  }
  byList.set(ignore, re)
  return re
}

// Some hedges are also plain technical phrases, told apart by their neighbours: `this kind of
// error` is a type, `I think` a hedge but `think of it as` an instruction, `set a bit in the
// mask` a binary digit, `wait a bit` a while, `a bit of cleanup` an amount, `a pretty printer`
// a kind of printer.
const DETERMINERS = new Set('this that what a an the any some every each one same which these those another other different new its their our your'.split(' '))
// Verbs that take `kind of` as a hedge on what follows: "is kind of slow", "seems sort of odd".
const LINKING = new Set('is are was were be been being seems seem seemed looks look feels feel sounds sound gets get got'.split(' '))
// Words after `a bit` that make it a binary digit, an amount or a while, not a hedge.
const NOT_HEDGED_AFTER_BIT = new Set('flag field mask set vector pattern array map code count length width position index offset shift number string value order depth size stream level slice sequence buffer in at is was to and or per of about before after later then while so but here there'.split(' '))
// Words before `a bit` that make it a distance: "push almost everything down a bit", "shift it
// left a bit". The offset is often the next line of code (`dy = TOP_ANCHOR_MARGIN`).
const DIRECTIONS = new Set('up down left right forward forwards back backward backwards upward upwards downward downwards inward inwards outward outwards sideways aside over out apart'.split(' '))
// Verbs of moving or resizing a few words before `a bit`: "move it a bit", "scroll the list a bit more".
const MOVES = new Set('move moves moved moving shift shifts shifted shifting push pushes pushed pushing pull pulls pulled pulling nudge nudges nudged nudging scroll scrolls scrolled scrolling slide slides slid sliding drag drags dragged dragging offset offsets indent indents indented indenting raise raises raised raising rotate rotates rotated rotating zoom zooms zoomed zooming grow grows grew growing shrink shrinks shrank shrinking widen widens widened stretch stretches stretched enlarge enlarges enlarged resize resizes resized'.split(' '))
// Words after `a bit` that compare a position or a size: "a bit further", "a bit wider".
const PLACE_COMPARISONS = new Set('further farther closer nearer higher lower larger smaller bigger wider narrower taller shorter thicker thinner'.split(' '))
// Verbs that make `seem` how something looks to someone: "making it seem like the handler went
// from UNDETERMINED to BEGAN", "make everything seem old".
const CAUSATIVES = new Set('make makes making made'.split(' '))
// Words that end the object of `make` and start a new clause: "made changes that seem to help".
const CLAUSE_STARTS = new Set('that which who and but or so because if when sure'.split(' '))
// Words after `unsure` that say what is uncertain: "unsure whether the sheet has settled". So
// it reads like "not sure whether", which the list of hedges leaves out.
const OPEN_QUESTIONS = new Set('whether if how what which why when where who'.split(' '))
// Objects of `unsure of` and `unsure about` that name nothing: "unsure about this".
const VAGUE_OBJECTS = new Set('this that it them these those everything anything something'.split(' '))
// Kinds of sort: "a reverse sort of the keys", "a stable sort of the rows".
const SORT_KINDS = new Set('reverse stable unstable quick merge heap bubble insertion radix topological partial full numeric natural lexicographic lexical alphabetical ascending descending secondary primary initial final in-place inplace'.split(' '))
// Words before `really` that make it a softener ("doesn't really hurt", "not really safe"). Elsewhere
// it means actually, as in "to see if Seek is really supported", or boosts.
const NEGATIONS = new Set(['not', 't', 'never', 'no', 'hardly'])
// `pretty` hedges only what it qualifies: an adverb in -ly, or one of these adjectives.
const PRETTY_QUALIFIES = new Set(
  'much well sure good bad easy simple hard fast slow quick big small large long short new old clear common rare standard basic close similar different obvious straightforward useful safe stable solid robust complex complicated confident certain cool nice neat low high heavy light cheap expensive strict tight loose minimal limited huge tiny'.split(' '),
)

// Words after `quite` that make it a degree, not a doubt. Before a word that admits no degree it
// means entirely ("The behaviour on iOS is quite different"); before a size, a cost, a speed or a
// frequency it means very ("Calculation of the hash code is quite expensive. It is not
// implemented."). Words of belief stay hedged: "quite sure", "quite likely", "quite possibly".
const QUITE_DEGREE = new Set(
  'different distinct separate independent identical unlike similar expensive cheap costly slow fast quick large big small tiny huge long short high low heavy common rare popular complex complicated simple easy hard difficult tricky verbose bad'.split(' '),
)
// Words after `quite a` that make it an amount: "quite a few", "quite a bit slower" (a lot slower).
const QUITE_AMOUNT = new Set('few lot bit number while'.split(' '))

function isQualifier(word: string | undefined): boolean {
  return word !== undefined && (PRETTY_QUALIFIES.has(word) || (word.length > 4 && word.endsWith('ly')))
}

/** The last `count` words of `before` after its last clause mark, lower case: "so we move it" → move, it. */
function clauseWords(before: string, count: number): string[] {
  // Bounded: `before` is at most 40 characters, and the match has one quantifier.
  const clause = before.slice(Math.max(...[...'.,;:!?()'].map((mark) => before.lastIndexOf(mark))) + 1)
  return (clause.toLowerCase().match(/[a-z]+/g) ?? []).slice(-count)
}

function isHedgeHere(phrase: string, before: string, after: string): boolean {
  // Input bounded: `before` and `after` are at most 40 characters (see the caller).
  const previous = /([A-Za-z]+)[^A-Za-z]*$/.exec(before)?.[1]?.toLowerCase()
  const next = /^[^A-Za-z]*([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase()
  const normal = phrase.toLowerCase().replace(/\s+/g, ' ')
  if (normal === 'kind of' || normal === 'sort of') {
    if (previous === undefined) return true
    // "For reverse sort of multiple keys": a sort, not a hedge.
    if (normal === 'sort of' && SORT_KINDS.has(previous)) return false
    if (DETERMINERS.has(previous)) return false
    // "a special kind of borrow": a type, after an adjective after a determiner; "is kind of slow"
    // hedges. Bounded: `before` is at most 40 characters.
    const twoBack = /([A-Za-z]+)[^A-Za-z]+[A-Za-z]+[^A-Za-z]*$/.exec(before)?.[1]?.toLowerCase()
    return LINKING.has(previous) || twoBack === undefined || !DETERMINERS.has(twoBack)
  }
  // "Now suppose we change the source", "Suppose we have": setting up an example. "I suppose" hedges.
  if (normal === 'suppose') return previous === 'i'
  if (normal === 'think' || normal === 'thinks') return previous === 'i' || previous === 'we'
  // "I believe", "We strongly believe": the writer hedges. "If you believe you have found a security
  // vulnerability", "Users frequently believe that …", "Don't believe marketing fluff": someone
  // else's belief, or an order, not a hedge. Bounded: `before` is at most 40 characters.
  // "The logic incorrectly believed that …" is a program's mistake, told as a fact; "It is
  // believed" hedges like "we believe".
  if (normal === 'believe' || normal === 'believes' || normal === 'believed') {
    const twoBack = /([A-Za-z]+)[^A-Za-z]+[A-Za-z]+[^A-Za-z]*$/.exec(before)?.[1]?.toLowerCase()
    const passive = normal === 'believed' && previous !== undefined && /^(?:is|was|are|were|been)$/.test(previous)
    return passive || previous === 'i' || previous === 'we' || twoBack === 'i' || twoBack === 'we'
  }
  if (normal === 'really') return previous !== undefined && NEGATIONS.has(previous)
  // The code makes it seem so to whoever watches; the writer does not doubt it. Not "we made
  // changes that seem to help", where `seem` has a clause of its own.
  if (normal === 'seem') {
    const words = clauseWords(before, 3)
    const verb = Math.max(...words.map((word, index) => (CAUSATIVES.has(word) ? index : -1)))
    return verb < 0 || verb === words.length - 1 || words.slice(verb + 1).some((word) => CLAUSE_STARTS.has(word))
  }
  if (normal === 'unsure') {
    // "If unsure, start low and measure", "if you are unsure": the reader's doubt, not the writer's.
    if (previous === 'if' || previous === 'when' || clauseWords(before, 3).includes('you')) return false
    // "we are unsure of the exact sheet position anyway": it says what is uncertain, as asked.
    if (next !== undefined && OPEN_QUESTIONS.has(next)) return false
    // Bounded: `after` is at most 40 characters.
    const object = /^[^A-Za-z]*[A-Za-z]+[^A-Za-z]+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase()
    return !((next === 'of' || next === 'about') && object !== undefined && !VAGUE_OBJECTS.has(object))
  }
  if (normal === 'quite') {
    // "not quite right", "I'm not quite sure": the negation softens, whatever follows.
    if (previous !== undefined && NEGATIONS.has(previous)) return true
    // Bounded: `after` is at most 40 characters.
    if (next === 'a') return !QUITE_AMOUNT.has(/^[^A-Za-z]*a[^A-Za-z]+([A-Za-z]+)/i.exec(after)?.[1]?.toLowerCase() ?? '')
    return next === undefined || !QUITE_DEGREE.has(next)
  }
  // "Maybe you have an iterator that covers almost everything": a case set up, not a doubt.
  if ((normal === 'maybe' || normal === 'perhaps') && next === 'you') return !/^[^A-Za-z]*you\s+(?:have|need|want|are)\b/i.test(after)
  // "the most likely token type", "less likely to fail": a statement of probability. Not "You
  // most likely want to …", which is "probably". Bounded: `before` is at most 40 characters.
  if (normal === 'likely' && (previous === 'more' || previous === 'less' || (previous === 'most' && /\bthe\s+most\s*$/i.test(before)))) return false
  // "By doing that, you are likely to introduce regressions. See: …": a warning of what the
  // reader's act risks, not a doubt about a claim. "Retries are likely to fail" and "it's likely
  // the map will zoom" still hedge. Bounded: `before` is at most 40 characters.
  if (normal === 'likely' && next === 'to' && (previous === 'are' || previous === 're') && /\byou\W+(?:are|re)\s*$/i.test(before)) return false
  if (normal === 'a bit') {
    // "quite a bit slower": a lot slower.
    if (previous === 'quite') return false
    if (next !== undefined && PLACE_COMPARISONS.has(next)) return false
    // A distance ends the phrase ("down a bit", "up a bit more, so"); "ends up a bit slower" and
    // "turned out a bit hacky" go on to judge, and hedge. Bounded: `after` is at most 40 characters.
    const following = /^\s*([A-Za-z]+)/.exec(after.replace(/^\s+(?:more|less)\b/i, ''))?.[1]?.toLowerCase()
    const ends = following === undefined || NOT_HEDGED_AFTER_BIT.has(following) || following === 'because'
    if (ends && ((previous !== undefined && DIRECTIONS.has(previous)) || clauseWords(before, 4).some((word) => MOVES.has(word)))) return false
    // "in a bit", "for a bit": a while, unless a comparison follows ("for a bit longer").
    if ((previous === 'in' || previous === 'for') && !(next?.endsWith('er') ?? false)) return false
    return next === undefined || !NOT_HEDGED_AFTER_BIT.has(next)
  }
  if (normal === 'pretty') return isQualifier(next)
  // "in general purpose registers": the compound adjective.
  if (normal === 'in general') return next !== 'purpose'
  return true
}

// Each comment by its prose block, built once per document: block-scoped rules ask block by block.
const byProse = new WeakMap<readonly CodeComment[], Map<ProseBlock, CodeComment>>()

/** The words of the names on the first line of code a comment documents: `likelyBranch` → likely, branch. */
function codeWords(document: SourceDocument, block: ProseBlock): ReadonlySet<string> {
  const comments = document.comments ?? []
  let index = byProse.get(comments)
  if (!index) {
    index = new Map(comments.map((comment) => [comment.prose, comment]))
    byProse.set(comments, index)
  }
  const code = index.get(block)?.code?.text.split('\n', 1)[0] ?? ''
  const found = new Set<string>()
  // Bounded: one line of code, at most 400 characters.
  for (const name of code.slice(0, 400).match(/[A-Za-z][A-Za-z0-9]*/g) ?? []) for (const part of splitIdentifier(name)) found.add(part)
  return found
}

export default defineRule<Options>({
  id: 'hedge-words',
  description: 'Point out hedges (`probably`, `kind of`, `I think`) that weaken a statement',
  defaultSeverity: 'hint',
  targets: ['readme', 'markdown', 'review', 'commit', 'code'],
  scope: 'block',
  fixable: false,
  options: {
    ignore: {type: 'string[]', description: 'Hedges not to flag (replaces the default list of words that are precise in technical prose)', default: PRECISE},
  },
  run({document, options, report}) {
    const re = matcher(options.ignore)
    for (const block of proseBlocks(document)) {
      // A TODO is a note about what is not known yet: "TODO maybe an option instead of hard-coded 8?"
      if (document.kind === 'code' && TODO.test(block.text)) continue
      let names: ReadonlySet<string> | undefined
      re.lastIndex = 0
      for (const match of block.text.matchAll(re)) {
        const start = match.index
        const end = start + match[0].length
        if (block.touchesPlaceholder(start, end)) continue
        // A question is uncertain by nature: "maybe we want to group the reductions?"
        if (block.text.slice(end, end + 400).match(/[.!?](?=\s|$)|$/)?.[0] === '?') continue
        if (!isHedgeHere(match[0], block.text.slice(Math.max(0, start - 40), start), block.text.slice(end, end + 40))) continue
        if (quoted(block.text, start, end)) continue
        // "Likely direction for branches." above the field `Likely`: the hedge is the code's own term.
        if (document.kind === 'code' && !/\s/.test(match[0]) && (names ??= codeWords(document, block)).has(match[0].toLowerCase())) continue
        report({
          message: `Unexpected hedge \`${match[0]}\`: say it plainly, or say what is uncertain`,
          start: block.toOriginal(start, 'start'),
          end: block.toOriginal(end, 'end'),
          actual: match[0],
          expected: [],
        })
      }
    }
  },
})
