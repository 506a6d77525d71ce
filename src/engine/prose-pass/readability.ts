// Readability of one sentence, judged as retext-readability 8 judges it: the same per-word
// counts, the same seven formula packages, the same conversions to a reader's age. What differs
// is the cost: the Dale–Chall and Spache word lists are sets, not arrays scanned per word, and
// syllables are counted once per distinct word.

import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'

const EASY = new Set(daleChall)
const FAMILIAR = new Set(spache)

// `syllable` runs a dozen regular expressions per word; prose repeats its words.
const syllables = new Map<string, number>()
const SYLLABLE_CACHE_LIMIT = 100_000

/** Forget remembered syllable counts (so benchmarks can measure a cold lint). */
export function clearSyllableCache(): void {
  syllables.clear()
}

/** `syllable(word)`, remembered by the exact word (its answer depends on nothing else). */
export function syllablesOf(word: string): number {
  let count = syllables.get(word)
  if (count === undefined) {
    count = syllable(word)
    if (syllables.size >= SYLLABLE_CACHE_LIMIT) syllables.clear()
    syllables.set(word, count)
  }
  return count
}

/** What the formulas need to know about one sentence. */
export interface SentenceCounts {
  words: number
  letters: number
  syllables: number
  /** Words of three or more syllables. */
  polysyllabic: number
  /** …of those, the ones not starting with a capital (a rough "not a proper noun"). */
  complexPolysyllabic: number
  /** Distinct lower-cased words on the Dale–Chall list of easy words. */
  easy: number
  /** Distinct lower-cased words on the Spache list of familiar words. */
  familiar: number
}

/** Counts a sentence word by word; `add` each word's text in order, then read `counts`. */
export class SentenceCounter {
  readonly counts: SentenceCounts = {words: 0, letters: 0, syllables: 0, polysyllabic: 0, complexPolysyllabic: 0, easy: 0, familiar: 0}
  private readonly seenEasy = new Set<string>()
  private readonly seenFamiliar = new Set<string>()

  /** Count one word (`caseless` is its lower case, when the caller has it); returns its syllables. */
  add(value: string, caseless = value.toLowerCase()): number {
    const counts = this.counts
    const count = syllablesOf(value)
    counts.words++
    counts.syllables += count
    counts.letters += value.length
    if (count >= 3) {
      counts.polysyllabic++
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) counts.complexPolysyllabic++
    }
    if (FAMILIAR.has(caseless) && !this.seenFamiliar.has(caseless)) {
      this.seenFamiliar.add(caseless)
      counts.familiar++
    }
    if (EASY.has(caseless) && !this.seenEasy.has(caseless)) {
      this.seenEasy.add(caseless)
      counts.easy++
    }
    return count
  }
}

export interface ReadabilityOptions {
  /** Reader age; `0` or missing means 16, as in retext-readability. */
  age?: number | undefined
  /** Share of formulas that must vote "hard"; `0` or missing means 4/7. */
  threshold?: number | undefined
  /** Sentences with fewer words are not judged; missing means 5. */
  minWords?: number | undefined
}

export interface Verdict {
  /** Formulas that put the sentence above the reader's age. */
  votes: number
  /** Formulas asked (seven). */
  of: number
}

// Scores to reader ages exactly as retext-readability converts them, so the votes agree with it.
const gradeToAge = (grade: number) => Math.round(grade + 5)
const fleschToAge = (score: number) => 20 - Math.floor(score / 10)
const smogToAge = (score: number) => Math.ceil(Math.sqrt(score) + 2.5) // retext-readability's constant, so the votes match it

/** The seven formulas' ages for a sentence, in retext-readability's order. */
export function ages(counts: SentenceCounts): number[] {
  const input = {
    character: counts.letters,
    complexPolysillabicWord: counts.complexPolysyllabic,
    difficultWord: counts.words - counts.easy,
    letter: counts.letters,
    polysillabicWord: counts.polysyllabic,
    sentence: 1,
    syllable: counts.syllables,
    unfamiliarWord: counts.words - counts.familiar,
    word: counts.words,
  }
  return [
    gradeToAge(automatedReadability(input)),
    gradeToAge(colemanLiau(input)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(input))[1]!),
    fleschToAge(flesch(input)),
    gradeToAge(gunningFog(input)),
    smogToAge(smogFormula(input)),
    gradeToAge(spacheFormula(input)),
  ]
}

/** The verdict on a hard sentence, or undefined when it reads fine or is too short to judge. */
export function judgeSentence(counts: SentenceCounts, options: ReadabilityOptions = {}): Verdict | undefined {
  const age = options.age || 16
  const threshold = options.threshold || 4 / 7
  const minWords = typeof options.minWords === 'number' ? options.minWords : 5
  if (counts.words < minWords) return undefined
  const scores = ages(counts)
  let votes = 0
  for (const score of scores) if (score > age) votes++
  return votes / scores.length >= threshold ? {votes, of: scores.length} : undefined
}

/** retext-readability's message for a verdict. */
export function readabilityReason(verdict: Verdict): string {
  return `Unexpected hard to read sentence, according to ${verdict.votes < verdict.of ? `${verdict.votes} out of ` : 'all '}${verdict.of} algorithms`
}
