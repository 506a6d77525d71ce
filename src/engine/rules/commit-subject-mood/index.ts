import {defineRule} from '../../rule.js'
import {EXEMPT_OPTION, isExemptSubject, splitSubject} from '../commit-exempt.js'
import {BASE_SET, FORMS, type Form} from './verbs.js'

export interface Options {
  exempt: string[]
}

// A third-person or -ing form followed by one of these is a noun phrase or a sentence about the
// change (`Fixes for flaky tests`, `Tests pass again`, `Logging is noisy`), not a verb to flip.
const NOUN_FOLLOWERS = new Set(
  `for to of in on at from by with without and or but when if after before during is are was were
  be been being has have had now no not should can could will would does do did doesn't don't
  didn't fail fails failed work works pass passes breaks crashes runs improvements changes updates
  fixes tests docs go goes get gets need needs must may might seem seems look looks happen happens`.split(/\s+/),
)

// Words ending like a verb form that are adjectives or nouns at the start of a subject.
const NOT_VERBS = new Set(
  `need needs needed speed proceed exceed succeed embed shred unused nested limited related
  detailed advanced based shared hundred sacred naked wicked beloved automated outdated
  missing pending existing trailing leading incoming outgoing upcoming remaining following
  interesting nothing something everything anything string thing during spring bring sing ping
  ring swing sting king wing ceiling morning evening warning logging padding spacing routing
  heading wording binding encoding setting settings building mapping typing
  process address focus bless access progress status bus class alias canvas always perhaps
  various previous numerous means series news lens analysis basis axis this its his has was does
  goes yes less unless across plus thus minus`.split(/\s+/),
)

// Determiners and pronouns: a plain `-s` word followed by one is a verb (`Improves the parser`).
const DETERMINERS = new Set(`the a an this that these those its our their your my some all any each every it them support`.split(/\s+/))

interface Verdict {
  base: string
  form: Form
  /** True when the form came from the verb table, so the fix is certain. */
  known: boolean
}

/** Guess the base of an unknown `-ed`/`-es`/`-ing` form by spelling alone. */
function guess(word: string, next: string | undefined): Verdict | undefined {
  if (NOT_VERBS.has(word) || BASE_SET.has(word)) return undefined
  if (word.length >= 6 && word.endsWith('ied')) return {base: `${word.slice(0, -3)}y`, form: 'past', known: false}
  if (word.length >= 6 && word.endsWith('ed') && !word.endsWith('eed')) {
    let stem = word.slice(0, -2)
    if (/([b-df-hj-km-np-tv-z])\1$/.test(stem) && !/(?:ll|ss|zz|ff)$/.test(stem)) stem = stem.slice(0, -1)
    else if (/(?:at|iz|is|ov|iv|rv|ag|dg|nc|rc|ac|uc|ud|id|ut|ir|ur|ar|av|us|ys|yz|ib|ub|il|ul|rs|ps|ns|lv|rg|ng)$/.test(stem)) stem += 'e'
    return {base: stem, form: 'past', known: false}
  }
  if (next !== undefined && DETERMINERS.has(next)) {
    if (word.length >= 5 && word.endsWith('ies')) return {base: `${word.slice(0, -3)}y`, form: 'third', known: false}
    if (word.length >= 5 && /(?:ss|x|z|ch|sh)es$/.test(word)) return {base: word.slice(0, -2), form: 'third', known: false}
    if (word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is|as|os)$/.test(word)) return {base: word.slice(0, -1), form: 'third', known: false}
  }
  return undefined
}

function verdict(word: string, next: string | undefined): Verdict | undefined {
  const lower = word.toLowerCase()
  const known = FORMS.get(lower)
  if (known) {
    if (known.form !== 'past' && next !== undefined && NOUN_FOLLOWERS.has(next)) return undefined
    if (known.form === 'past' && next !== undefined && /^(?:is|are|was|were)$/.test(next)) return undefined
    return {...known, known: true}
  }
  return guess(lower, next)
}

function matchCase(replacement: string, original: string): string {
  const first = original[0]!
  return first === first.toUpperCase() && first !== first.toLowerCase() ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement
}

const FORM_NAMES: Record<Form, string> = {past: 'past tense', third: 'third person', gerund: '-ing form'}

export default defineRule<Options>({
  id: 'commit-subject-mood',
  description: 'Write the commit subject in the imperative mood: `Fix`, not `Fixed` or `Fixes`',
  defaultSeverity: 'warning',
  targets: ['commit'],
  fixable: true,
  options: {exempt: EXEMPT_OPTION},
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || commit.subject === '' || isExemptSubject(commit.subject, options.exempt)) return
    const {prefix, description} = splitSubject(commit.subject)
    const match = /^([A-Za-z]+)(?:[ \t]+([A-Za-z']+))?/.exec(description)
    if (!match) return
    const word = match[1]!
    const next = match[2]?.toLowerCase()
    const found = verdict(word, next)
    if (!found) return
    const start = commit.subjectOffset + prefix.length
    const end = start + word.length
    const replacement = matchCase(found.base, word)
    report({
      message: `Unexpected ${FORM_NAMES[found.form]} \`${word}\`, expected the imperative \`${replacement}\``,
      start,
      end,
      actual: word,
      expected: [replacement],
      fixes: [{title: `Replace \`${word}\` with \`${replacement}\``, ...(found.known ? {preferred: true} : {}), edits: [{offset: start, endOffset: end, text: replacement}]}],
    })
  },
})
