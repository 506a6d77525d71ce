// Small linear models: a logistic regression over sparse named features, trained offline by
// `npm run train` and shipped as JSON weights. Inference is a dictionary lookup per feature.

import {stemmer} from 'stemmer'

export interface LinearModel {
  /** What the model decides, e.g. `commit-why: has a why`. */
  name: string
  bias: number
  weights: Record<string, number>
  /** Decision threshold on the probability, chosen for precision when trained. */
  threshold: number
  /** Free-form training facts (data, sizes, cross-validated scores). */
  meta?: Record<string, unknown>
}

/** Feature multiset: name → value (usually 1). */
export type Features = Map<string, number>

export function addFeature(features: Features, name: string, value = 1): void {
  features.set(name, (features.get(name) ?? 0) + value)
}

// A model's weights as a Map, built once per weights object: a lookup in a Map of thousands of
// names is faster than in an object of as many keys, which V8 keeps as a slow dictionary. Keyed by
// the weights, so a copy of a model with another threshold shares its Map.
const weightMaps = new WeakMap<Record<string, number>, Map<string, number>>()

function weightMap(model: LinearModel): Map<string, number> {
  let map = weightMaps.get(model.weights)
  if (map === undefined) {
    map = new Map(Object.entries(model.weights))
    weightMaps.set(model.weights, map)
  }
  return map
}

/** Probability of the positive class. */
export function probability(model: LinearModel, features: Features): number {
  const weights = weightMap(model)
  let sum = model.bias
  for (const [name, value] of features) {
    const weight = weights.get(name)
    if (weight !== undefined) sum += weight * value
  }
  return 1 / (1 + Math.exp(-sum))
}

/** The features that moved the score most, strongest first: for evidence a person can check. */
export function topContributions(model: LinearModel, features: Features, count = 5): Array<{feature: string; weight: number}> {
  const items: Array<{feature: string; weight: number}> = []
  for (const [name, value] of features) {
    const weight = model.weights[name]
    if (weight !== undefined && weight !== 0) items.push({feature: name, weight: weight * value})
  }
  return items.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, count)
}

// Words: letters with inner apostrophes or hyphens; numbers become one token.
const WORD = /[A-Za-z]+(?:['’-][A-Za-z]+)*|\d+/g

/** Lower-cased words of a text. */
export function words(text: string): string[] {
  const out: string[] = []
  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const first = match[0].charCodeAt(0)
    out.push(first >= 48 && first <= 57 ? '<num>' : match[0].toLowerCase())
  }
  return out
}

const stemCache = new Map<string, string>()

/** Porter stem of a lower-cased word (cached). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word)
  if (stemmed === undefined) {
    stemmed = stemmer(word)
    // An editor session meets new words for hours: cap the cache (a few MB) rather than let it grow.
    if (stemCache.size > 50000) stemCache.clear()
    stemCache.set(word, stemmed)
  }
  return stemmed
}

/** Unigram and bigram features of stems, prefixed (e.g. `w:crash`, `b:fix|crash`). */
export function ngramFeatures(features: Features, tokens: string[], prefix = ''): void {
  let previous = '<s>'
  for (const token of tokens) {
    const stemmed = stem(token)
    addFeature(features, `${prefix}w:${stemmed}`)
    addFeature(features, `${prefix}b:${previous}|${stemmed}`)
    previous = stemmed
  }
}

/** A cue family: a name for the evidence and the lower-cased word sequences that signal it. */
export interface Cue {
  family: string
  phrases: string[][]
}

export const cue = (family: string, ...phrases: string[]): Cue => ({family, phrases: phrases.map((phrase) => phrase.split(' '))})

/**
 * A finder for cue phrases in lower-cased words: family → the distinct phrases found, in order
 * of appearance. `accept` can veto a match by its place (e.g. `since` before a version number).
 */
export function cueFinder(
  cues: readonly Cue[],
  accept?: (phrase: readonly string[], tokens: readonly string[], index: number) => boolean,
): (tokens: readonly string[]) => Map<string, string[]> {
  const byFirst = new Map<string, Array<{family: string; phrase: string[]}>>()
  for (const {family, phrases} of cues) {
    for (const phrase of phrases) {
      const list = byFirst.get(phrase[0]!) ?? []
      list.push({family, phrase})
      byFirst.set(phrase[0]!, list)
    }
  }
  return (tokens) => {
    const found = new Map<string, string[]>()
    for (let index = 0; index < tokens.length; index++) {
      for (const {family, phrase} of byFirst.get(tokens[index]!) ?? []) {
        let matches = true
        for (let offset = 1; offset < phrase.length && matches; offset++) matches = tokens[index + offset] === phrase[offset]
        if (!matches || (accept && !accept(phrase, tokens, index))) continue
        const list = found.get(family) ?? []
        const text = phrase.join(' ')
        if (!list.includes(text)) list.push(text)
        found.set(family, list)
      }
    }
    return found
  }
}
