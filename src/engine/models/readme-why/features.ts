// Features of one README section for "does it say why the project exists": its position (the
// title, the intro, the first sections), its heading words, cue families in its text (problem,
// motivation, contrast with alternatives, benefit) and the stems of its prose.

import {addFeature, stem, words, type Features} from '../linear.js'

interface Cue {
  family: string
  phrases: string[][]
}

const cue = (family: string, ...phrases: string[]): Cue => ({family, phrases: phrases.map((phrase) => phrase.split(' '))})

export const CUES: readonly Cue[] = [
  cue('problem', 'problem', 'problems', 'pain', 'painful', 'tedious', 'cumbersome', 'annoying', 'frustrating', 'hard to', 'difficult', 'struggle', 'tired of', 'sick of', 'error-prone', 'error prone', 'boilerplate', 'limitations', 'lacks', 'lacking', 'missing', 'too slow', 'too complex', 'complicated', 'messy', 'headache'),
  cue('motivation', 'motivation', 'why', 'because', 'the goal', 'goal', 'goals', 'aims to', 'aim', 'the idea', 'idea', 'purpose', 'in order to', 'so that', 'need', 'needed', 'wanted', 'i wanted', 'we wanted', 'i needed', 'we needed', 'inspired', 'born', 'created to', 'designed to', 'built to', 'was written', 'rationale', 'philosophy', 'vision', 'mission'),
  cue('contrast', 'unlike', 'instead of', 'rather than', 'compared to', 'compared with', 'alternative', 'alternatives', 'other libraries', 'existing', 'most', 'traditional', 'without having to', 'without the need', 'without', 'no need', 'only', 'but', 'however', 'differs', 'different'),
  cue('benefit', 'makes it easy', 'makes it easier', 'easy', 'easier', 'easily', 'simple', 'simpler', 'simply', 'fast', 'faster', 'lightweight', 'powerful', 'flexible', 'helps', 'help you', 'allows you', 'lets you', 'enables', 'so you can', 'you can', 'save', 'saves', 'productive', 'reliable', 'minimal', 'clean', 'elegant', 'convenient', 'effortless', 'hassle', 'just works', 'out of the box'),
  cue('audience', 'for developers', 'for people', 'for anyone', 'for teams', 'if you', 'you', 'your', 'users', 'developers', 'beginners'),
  cue('how', 'install', 'installation', 'npm', 'pip', 'gem', 'usage', 'run', 'build', 'clone', 'configure', 'configuration', 'command', 'options', 'api', 'example', 'license', 'contributing', 'copyright', 'mit', 'author', 'authors', 'test', 'tests', 'changelog', 'version', 'release', 'requirements', 'dependencies'),
]

const byFirst = new Map<string, Array<{family: string; phrase: string[]}>>()
for (const {family, phrases} of CUES) {
  for (const phrase of phrases) {
    const list = byFirst.get(phrase[0]!) ?? []
    list.push({family, phrase})
    byFirst.set(phrase[0]!, list)
  }
}

export function findCues(tokens: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (let index = 0; index < tokens.length; index++) {
    for (const {family, phrase} of byFirst.get(tokens[index]!) ?? []) {
      let matches = true
      for (let offset = 1; offset < phrase.length && matches; offset++) matches = tokens[index + offset] === phrase[offset]
      if (!matches) continue
      const list = found.get(family) ?? []
      const text = phrase.join(' ')
      if (!list.includes(text)) list.push(text)
      found.set(family, list)
    }
  }
  return found
}

export const WHY_HEADING = /\b(?:why|motivation|rationale|background|the problem|problem|purpose|goals?|philosophy|reasoning|about|introduction|intro|overview|summary|description|what is|what's)\b/i

// Code, HTML, images, badges and link targets are not prose.
export function proseOf(markdown: string): {prose: string; codeLines: number; listLines: number; lines: number; links: number} {
  let codeLines = 0
  let listLines = 0
  let lines = 0
  let inFence = false
  const kept: string[] = []
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    if (/^ {0,3}(?:```|~~~)/.test(line)) {
      inFence = !inFence
      codeLines++
      continue
    }
    if (inFence || /^(?: {4}|\t)/.test(line)) {
      codeLines++
      continue
    }
    if (line.trim() === '') continue
    lines++
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) listLines++
    kept.push(line)
  }
  const joined = kept.join('\n')
  const links = (joined.match(/\]\(/g) ?? []).length
  const prose = joined
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/`[^`]*`/g, ' X ')
    .replace(/https?:\/\/\S+/g, ' ')
  return {prose, codeLines, listLines, lines, links}
}

function bucket(value: number, edges: readonly number[]): string {
  let index = 0
  while (index < edges.length && value > edges[index]!) index++
  return index === 0 ? `<=${edges[0]}` : index === edges.length ? `>${edges[edges.length - 1]}` : `<=${edges[index]}`
}

export interface SectionInput {
  heading: string
  content: string
  /** 0 for the first section of the README. */
  index: number
  /** Heading depth, 0 for text before any heading. */
  depth: number
}

export interface SectionFeatures {
  features: Features
  cues: Map<string, string[]>
  headingCue: string | undefined
}

export function sectionFeatures(section: SectionInput): SectionFeatures {
  const features: Features = new Map()
  addFeature(features, `@pos:${section.index === 0 ? 'first' : section.index === 1 ? 'second' : section.index <= 3 ? 'early' : 'late'}`)
  addFeature(features, `@depth:${section.depth}`)
  const heading = section.heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`#]/g, ' ')
  const headingTokens = words(heading)
  for (const token of new Set(headingTokens)) addFeature(features, `h:${stem(token)}`)
  const headingCue = WHY_HEADING.exec(heading)?.[0]
  if (headingCue) addFeature(features, `@heading:${stem(headingCue.toLowerCase().replace(/^the /, ''))}`)
  const {prose, codeLines, listLines, lines, links} = proseOf(section.content)
  const tokens = words(prose)
  addFeature(features, `@words:${bucket(tokens.length, [0, 15, 40, 100, 250])}`)
  if (codeLines > 0) addFeature(features, `@code:${bucket(codeLines, [3, 15])}`)
  if (lines > 0 && listLines / lines > 0.5) addFeature(features, '@mostly-list')
  if (links > 3) addFeature(features, '@many-links')
  const sentences = prose.split(/[.!?](?:\s|$)/).filter((part) => words(part).length >= 4).length
  addFeature(features, `@sentences:${bucket(sentences, [0, 1, 3, 6])}`)
  for (const token of new Set(tokens)) addFeature(features, `w:${stem(token)}`)
  const cues = findCues(tokens)
  for (const [family, phrases] of cues) {
    addFeature(features, `@cue:${family}`)
    addFeature(features, `@cue:${family}:${bucket(phrases.length, [1, 3])}`)
    if (section.index <= 1) addFeature(features, `@cue-early:${family}`)
  }
  return {features, cues, headingCue}
}
