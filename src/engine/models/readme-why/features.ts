// Features of a whole README, and of each of its sections, for "does it say why the project exists". Where a why lives: in the
// title's intro paragraph or the first sections, or under a heading such as "Why", "Motivation",
// "Introduction", "About". What it sounds like: a problem (tedious, tired of), a goal (designed to,
// the aim), a contrast with alternatives (unlike, instead of, without having to) or a benefit
// (makes it easy, lets you). README-level facts (how much prose the intro has, how long the README
// is, which heading families occur, the plain keywords why/motivation/problem/because) go into one
// logistic regression, with the stems of the intro and the headings' words.

import {addFeature, type Cue, cue, cueFinder, type Features, stem, words} from '../linear.js'
import {splitSections, type Section} from './sections.js'

export const CUE_FAMILIES = ['problem', 'motivation', 'contrast', 'benefit'] as const

export const CUES: readonly Cue[] = [
  cue('problem', 'problem', 'problems', 'pain', 'painful', 'tedious', 'cumbersome', 'annoying', 'frustrating', 'hard to', 'difficult', 'struggle', 'tired of', 'sick of', 'error-prone', 'error prone', 'boilerplate', 'limitations', 'lack', 'lacks', 'lacking', 'too slow', 'too complex', 'complicated', 'messy', 'headache', 'repetitive', 'time-consuming', 'time consuming', 'not enough', 'challenge', 'challenges', 'issue with',
    'crash', 'crashes', 'waste', 'wastes', 'wasted', 'fails', 'fail', 'failing', 'breaks', 'broken', 'slow', 'expensive', 'costly', 'risky', 'manually', 'by hand', 'forget', 'forgets', 'cannot', "can't", "doesn't scale", 'no way to', 'there is no', 'there was no', 'unpredictable', 'unreliable', 'lock', 'locks', 'downtime', 'outage', 'outages', 'bugs', 'errors', 'mistakes',
    'noisy', 'noise', 'flood', 'floods', 'flooded', 'gets lost', 'get lost', 'buried', 'drown', 'drowns', 'clutter', 'drift', 'drifts', 'out of sync', 'stale'),
  cue('motivation', 'motivation', 'why', 'because', 'the goal', 'our goal', 'goal is', 'goals', 'aims to', 'aim is', 'the aim', 'the idea', 'purpose', 'in order to', 'so that', 'need to', 'the need', 'a need', 'wanted to', 'i wanted', 'we wanted', 'i needed', 'we needed', 'inspired', 'born', 'created to', 'designed to', 'designed for', 'built to', 'intended to', 'meant to', 'rationale', 'philosophy', 'vision', 'mission', 'objectives', 'reason', 'reasons'),
  cue('contrast', 'unlike', 'instead of', 'rather than', 'compared to', 'compared with', 'alternative', 'alternatives', 'other libraries', 'existing', 'traditional', 'without having to', 'without the need', 'without any', 'no need', 'differs', 'better than', 'replacement for', 'than'),
  cue('benefit', 'makes it easy', 'makes it easier', 'make it easy', 'easy', 'easier', 'easily', 'simple', 'simpler', 'fast', 'faster', 'lightweight', 'powerful', 'flexible', 'helps', 'help you', 'allows you', 'allows users', 'lets you', 'enables', 'so you can', 'save', 'saves', 'productive', 'reliable', 'minimal', 'elegant', 'convenient', 'effortless', 'hassle', 'just works', 'out of the box', 'efficient', 'robust', 'scalable', 'modern', 'great for', 'ideal for', 'perfect for', 'useful'),
]


/** Cue phrases found in a token list, by family, each phrase once. */
export const findCues = cueFinder(CUES)

/** Heading families: where a why is written down, and where it is not. */
export const HEADING_FAMILIES: ReadonlyArray<{family: string; pattern: RegExp}> = [
  {family: 'why', pattern: /\b(?:why|should (?:i|you|we) use|when to use|what (?:do|would|can|should) (?:people|you|i|we) use (?:\S+ ){1,3}for|what (?:does|can|will) \S+ do for (?:me|you|us)|what (?:is|are) (?:this|it|these|they|\S+) useful for)\b/i},
  {family: 'motivation', pattern: /\b(?:motivation|rationale|inspiration|background|the problem|problem|story|reasoning)\b/i},
  {family: 'purpose', pattern: /\b(?:purpose|goals?|objectives?|aims?|mission|vision|philosophy|principles)\b/i},
  {family: 'about', pattern: /\b(?:about|introduction|intro|overview|summary|description|what is|what's|what it does|what does)\b/i},
  {family: 'benefit', pattern: /\b(?:features|highlights|benefits|advantages|comparison|compared|vs\.?|versus|alternatives|design|faster|use cases?)\b/i},
  {family: 'how', pattern: /\b(?:install|installation|installing|setup|set up|getting started|quick ?start|usage|use|using|requirements|prerequisites|build|building|download|configuration|configure|options|api|example|examples|demo|run|running|test|tests|testing|deploy|deployment|documentation|docs)\b/i},
  {family: 'meta', pattern: /\b(?:license|licence|contributing|contribute|contributors|authors?|credits|changelog|history|versioning|release|releases|support|contact|thanks|acknowledg\w*|todo|roadmap|faq|issues|team|maintainers)\b/i},
]

/** The plain keyword check: a README "has a why" when it says any of these words. */
export const KEYWORDS = ['why', 'motivation', 'problem', 'because'] as const
const KEYWORD = /\b(why|motivation|problem|because)\b/gi

// Code, HTML, images, badges and link targets are not prose.
export function proseOf(markdown: string): {prose: string; codeLines: number; listLines: number; lines: number} {
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
    if (inFence || /^(?: {4}|\t)(?!\s*(?:[-*+]|\d+[.)])\s)/.test(line)) {
      codeLines++
      continue
    }
    if (line.trim() === '') continue
    lines++
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line)) listLines++
    kept.push(line)
  }
  let prose = kept.join('\n')
  // Images and links end at a `)`, tags at a `>`: the patterns run only up to the last one, so
  // each `(` or `<` is followed by its closer and no scan for one can run on to the end of the text.
  // bounded: the text ends at a `)`, and an image starts only at a `![` with no earlier `![` since
  // the last `]` or `)` (a later one would reach the same `]` and fail where the first failed), so
  // each stretch of text is scanned once for a `]`.
  prose = beforeLast(prose, ')', (head) => head.replace(/(?<!!\[[^\])]*?)!\[[^\]]*\]\([^)]*\)/g, ' '))
  // bounded: the same two guards for links: the text ends at a `)`, and a `[` after an unclosed
  // `[` is skipped (both reach the same `]`, so it fails where the first failed).
  prose = beforeLast(prose, ')', (head) => head.replace(/(?<!\[[^\])]*?)\[([^\]]*)\]\([^)]*\)/g, '$1'))
  // bounded: the guard of a link for reference links; then the text ends at a `>`, so every `<`
  // scan ends at a `>` and the match takes it.
  prose = prose.replace(/(?<!\[[^\])]*?)\[([^\]]*)\]\[[^\]]*\]/g, '$1')
  // A tag opens with a letter, `/` or `!`: "Created with <3 for …" is prose.
  prose = beforeLast(prose, '>', (head) => head.replace(/<[A-Za-z/!][^>]*>/g, ' '))
  prose = prose
    .replace(/`[^`]*`/g, ' X ')
    .replace(/https?:\/\/\S+/g, ' ')
  return {prose, codeLines, listLines, lines}
}

/** Apply `edit` to `text` up to and including the last `closer`, keeping the rest as it is. */
function beforeLast(text: string, closer: string, edit: (head: string) => string): string {
  const end = text.lastIndexOf(closer) + 1
  return edit(text.slice(0, end)) + text.slice(end)
}

function bucket(value: number, edges: readonly number[]): string {
  let index = 0
  while (index < edges.length && value > edges[index]!) index++
  return index === 0 ? `<=${edges[0]}` : index === edges.length ? `>${edges[edges.length - 1]}` : `<=${edges[index]}`
}

// bounded: a heading is one line of a README.
export function cleanHeading(heading: string): string {
  return heading.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, ' ').replace(/[*_`#]/g, ' ')
}

export function headingFamily(heading: string): string | undefined {
  const clean = cleanHeading(heading)
  return HEADING_FAMILIES.find(({pattern}) => pattern.test(clean))?.family
}

/** Sentences of at least four words. */
function sentenceCount(prose: string): number {
  return prose.split(/[.!?](?:\s|$)|\n\s*\n/).filter((part) => words(part).length >= 4).length
}

/** The intro: the title's section and what follows it until the first how-to or meta heading. */
export function introSections(sections: readonly Section[]): Section[] {
  const intro: Section[] = []
  for (const section of sections) {
    if (intro.length >= 4) break
    // The first heading after a preamble without one (badges, a logo) is the title, whatever its words.
    const title = intro.length === 0 || (section.depth === 1 && intro.every((part) => part.heading === ''))
    const family = title ? undefined : headingFamily(section.heading)
    if (family === 'how' || family === 'meta') break
    intro.push(section)
  }
  return intro
}

// Judging stays well under a millisecond on long READMEs: only the first part is read (a why
// lives near the top), and at most this much of it for cues and keywords.
export const READ_LIMIT = 16000
/** How far a heading that compares the project with others is looked for. */
const COMPARISON_LIMIT = 100_000
/**
 * Words of prose under a "Why …" or "When should I use this?" heading that count as saying why,
 * whatever the models weigh: "This package might be useful when you are making your own micromark
 * extensions." (13 words) answers the question its heading asks.
 */
const WHY_PROSE_WORDS = 8
/**
 * A heading that names the why outright: "Motivation", "Purpose", "Rationale", "The problem".
 * Not "Background", which as often defines a term ("A tar file is an archive …"). One heading line.
 */
const WHY_NAMED_HEADING = /^\W*(?:(?:the|our|project|design) )?(?:motivation|purpose|rationale|problem(?: statement)?|use[- ]cases?)\W*$/i
/**
 * A line that works as a heading without Markdown's `#`: a line of bold text alone ("**Why another
 * GitHub URL parser library?**") or the summary of a `<details>` block ("<summary><strong>Why use
 * this library?</strong></summary>"). Read only to find a why heading inside a section.
 */
const PSEUDO_HEADING_START = /^[ \t]*(?:\*\*|__|<summary>)/im
const PSEUDO_HEADING = /^[ \t]*(?:\*\*([^*\n]{3,120})\*\*|__([^_\n]{3,120})__|<summary><(?:b|strong)>([^<\n]{3,120})<\/(?:b|strong)>[^<\n]{0,40}<\/summary>|<summary>([^<\n]{3,120})<\/summary>)[ \t]*$/gm
/**
 * The project answering a problem the README has just stated, anywhere in it: "`nconf` addresses
 * this problem by …", "Superjson solves these issues by …", "see how Braces solves this problem".
 * The subject must be the project: its title (in code or not), "it", or "this library".
 */
const SOLVES_PROBLEM = /(?:^|[.!?:]\s+|\bhow\s+)(it|[\w.-]{2,40}|this (?:library|package|module|project|tool|plugin|framework)) (?:solves|addresses|tackles) (?:this|that|these|those|both|exactly this|exactly that|the above|your) (?:problems?|issues?|concerns?|limitations?|shortcomings?)\b[^.!?\n]{0,200}/gim

/**
 * A README that describes its folder, not a project: "This directory contains the source code of
 * the rust project", "This folder contains tests for MIR optimizations.", "A variety of tests
 * around reachability." Read on the intro's first paragraph (at most 600 characters).
 */
const FOLDER = /\bthis (?:directory|folder|dir|subdirectory|sub-directory)\b|\bfiles in this (?:directory|folder)\b|^(?:this is )?(?:an? (?:variety|collection|set|bunch|suite|couple) of |some |these )?(?:\w+ )?tests? (?:for|around|of|that|which|targeted|covering)\b/i

/**
 * A README titled as a task ("How to generate new metrics", "Steps to release"): a how-to kept in
 * a folder, not a project's front page. Bounded: one heading.
 */
const HOW_TO_TITLE = /^(?:how to|how do (?:i|you|we)|steps to|instructions (?:for|to))\b.{0,200}/i

/**
 * A sentence of the intro that says when the project is useful or what it is meant to do: "Useful
 * when you need to cache something and limit memory usage.", "Useful to be able to measure the
 * actual width of command-line output.", "This module is meant to ensure a stream gets destroyed,
 * handling different APIs and Node.js bugs.", "When you want to fire an event no matter how a
 * process exits: … Use `signal-exit`.", "for environments that do not have it, like browsers",
 * "It aims to be quick to integrate and be low maintenance afterward.", "You should use this package
 * instead of an array if you do a lot of `Array#push()` and `Array#shift()`", "Its core goals are
 * accuracy, ease of development …", "perfect for dev-savvy bloggers who want to get started with
 * Jekyll". That is the problem and who has it, or the project's goal, in the intro.
 * Bounded: at most 4,000 characters, and each part reads at most 300.
 */
const USE_CASE = /(?<![\w-])(?:useful|handy|helpful) (?:when|whenever|for|if|to|as)\b[^.!?\n]{10,300}|\b(?:is|are) (?:meant|intended|designed) to (?!(?:work|handle|run|support|provide|parse|extract|process|accept|read|load|be (?:used|paired|combined|installed|imported|included|called|run|a|an|the|(?:as |very |really |easily )?(?:simple|simplest|easy|easiest|fast|fastest|small|smallest|lightweight|light|minimal|flexible|extensible|extended|intuitive|modular|portable|robust|efficient|performant|compatible|secure)))\b)[^.!?\n]{10,300}|\b(?:aims? to|the (?:main )?goal (?:of (?:the |this |our )?\w+ )?is|our goal is|(?:its|our|the) (?:core|main|primary|design) goals? (?:is|are))\b[^.!?\n]{10,300}|\b(?:perfect|ideal|great|made|built|created|written)(?: with \S{1,10})? for (?:[\w-]+ ){0,3}(?:who|wanting|looking)\b[^.!?\n]{5,300}|\b(?:perfect|ideal|great) for (?:the following )?(?:tasks|things|cases|use cases|scenarios|situations|jobs|projects|apps|applications)(?: like| such as|:)[^.!?\n]{5,300}|\b(?:its|the|our) (?:main |primary |sole )?purpose is\b[^.!?\n]{5,300}|(?:^|[.!?] )(?:suppose|imagine) you (?:have|want|need|are)\b[^.!?\n]{5,300}|(?:^|[.!?] )(?:you can )?use (?:it |this )?(?:to|for|when) [^.!?\n]{10,300}|(?:^|[.!?:] )when(?:ever)? you (?:want|need) to\b[^.!?\n]{10,300}|\bfor (?:\w+ ){0,2}(?:that|who|which) (?:do not|don't|does not|doesn't|cannot|can't|lack)\b[^.!?\n]{0,300}|\byou should use this (?:package|library|module|tool)\b[^.!?\n]{10,300}|\bis (?:just |exactly )?what you(?:'re| are) looking for\b|(?:^|[.!?] )if you (?:want|need) to\b[^.!?\n]{5,200}, use\b|(?:^|[.!?] )ever (?:had|wanted|needed|wished)\b[^.!?\n]{5,300}\?|\bto (?:speed up|simplify|shorten|ease) your\b[^.!?\n]{3,200}|\b(?:was|were) (?:created|made|built|written|designed) to (?:give|help|make|let|allow|solve|simplify|save|spare)\b[^.!?\n]{5,300}/im
/**
 * A sentence of the intro that states the problem the project answers: a concession before it
 * ("Bash is great, but when it comes to writing more complex scripts …"), a verdict on what there
 * is ("JSON mangles buffers by converting to an array... which isn't helpful"), false positives,
 * being forced to do something, or getting it wrong ("Most developers get this wrong."). Bounded: at most 4,000 characters, and each part reads at most
 * 300.
 */
const PROBLEM_STATEMENT = /\b\w+ (?:is|are) (?:great|nice|fine|good|powerful|useful), but\b[^.!?\n]{10,300}|\b(?:isn't|is not|aren't|are not|wasn't|was not) (?:very |always |really )?(?:helpful|useful|ideal|practical|enough|good enough|fast enough|portable|reliable)\b[^.!?\n]{0,300}|(?<!\b(?:finds|reports|produces|gives|has|raises|flags|yields|generates) (?:a lot of |lots of |many |some |a few )?)\bfalse (?:positives|negatives)\b|\b(?:was|were) (?:created|made|written|built|born|started) (?:since|because)\b[^.!?\n]{5,300}|\b(?:were|are|was|is|been) forced to\b[^.!?\n]{0,300}|\bget (?:this|it) wrong\b|\balready (?:ha(?:ve|s)|supports?|provides?|offers?|includes?) [^.!?\n]{3,120}, but\b[^.!?\n]{5,300}|\bthere(?: is|'s| are) already [^.!?\n]{3,120}, but\b[^.!?\n]{5,300}|\b(?:it's|it is|is|are) (?:both )?(?:tedious|error-prone|cumbersome)\b[^.!?\n]{0,300}|\bhard to get right\b|\bwhat you(?:'d| would)(?: have)? expected [^.!?\n]{1,80} to (?:be|do)\b|\bto (?:prevent|protect (?:\w+ )?(?:from|against)|guard against|defend against|mitigate) [^.!?\n]{0,60}?\b(?:attacks?|exploits?|injections?|tampering|vulnerabilit(?:y|ies)|xss|csrf)\b|\bwhich (?:is|are|was|were) (?:both |now |long )?(?:unmaintained|abandoned)\b|\bto (?:reduce|cut|shrink|minimi[sz]e) (?:the )?(?:dependencies|dependency|install|installation|bundle|download|package)(?: size| count|\/install size)?\b|\bbecause (?:i|we)(?:'ve| have)? (?:had to|kept having to|got tired of|needed)\b[^.!?\n]{3,300}|\b(?:lets|allows|helps) you [^.!?\n]{3,120}? instead of (?:using |lugging |writing |maintaining |calculating |copying |repeating |managing |hard-?coding )[^.!?\n]{3,200}|\binstead of (?:using |lugging |writing |maintaining |calculating |copying |repeating |managing |hard-?coding )[^.!?\n]{3,120}, you can\b[^.!?\n]{3,200}|\b(?:eliminat|remov)(?:es|ing) (?:the need (?:to|for)|(?:(?:a lot|much|most) of )?the (?:up[- ]?front|initial) setup)\b[^.!?\n]{0,300}/i
/**
 * A sentence that sets the project against a named alternative, which says why to use it over the
 * others: "14 times smaller and 2 times faster than chalk", "A faster alternative to
 * `[].slice.call(arguments)`", "contrary to many other JavaScript solutions, he handles astral
 * symbols", "Like read-package-json, but faster", "Similar to the `mime@1.x` module, except: …".
 * Bounded: each part reads at most 60 characters, and none can start where another could.
 */
const COMPARISON = /\b(?:faster|smaller|lighter|simpler|better|quicker|safer|cheaper|leaner|(?:better|faster|smaller|lighter|lower|higher) (?:benchmark |bundle |install |startup |runtime |overall )?(?:performance|size|footprint|throughput|latency|memory usage)|(?:easier|simpler|faster) to (?:use|read|learn|write|maintain|set up)|more (?:efficient|reliable|robust|accurate|compliant|correct|secure|lightweight|performant)|less (?:memory|overhead|verbose)) than (?!\d|one\b|once\b|ever\b|before\b|usual\b|expected\b|necessary\b|needed\b|it\b|that\b|this\b|you\b|a few\b|the (?:original|previous|last|old|default|current)\b)[\w`@'"]|\b(?:alternative|replacement|substitute) (?:to|for) (?:the |a |an )?[\w`@'"]|\b(?:meant|designed|intended|built|aims?) to replace (?:the |a |an )?[\w`@'"]|\b(?:unlike|contrary to|in contrast to|as opposed to|compared (?:to|with)) (?!its\b|their\b|our\b)(?:the |other |most |many |some |similar )?[\w`@'"]|\buse (?:this|it|this (?:module|package|library)) instead of (?:the |a |an )?[\w`@'"]|\badvantages? of (?:this|the|using) [\w -]{1,40}? (?:vs\.?|versus|over) (?:the |a |an )?[\w`@'"]/i
/**
 * A section that sets the project against others: "Benchmarks", "Comparison with other
 * libraries", "Benefits over plain `fetch`", "Differences from rc", "How is this different from
 * the p-queue package?". One heading line.
 */
const BENCHMARK_HEADING = /\bbenchmark(?:s|ing)?\b|^\W*performance(?: (?:comparison|benchmarks?|results?))?\W*$|\b(?:benefits|advantages) (?:over|compared (?:to|with))\b|\bcomparisons? (?:with|to|against|of)\b|^\W*(?:features? )?comparison(?: (?:table|chart|matrix))?\W*$|\bhow (?:does|do) (?:it|they|we|\S+) compare\b|\bdifferences? (?:from|with|to)\b(?! (?:the )?(?:[\w-]+ ){0,2}(?:rfc|spec|specification|standard)\b)|\bhow (?:is|does) (?:this|it|\S+) differ(?:ent)?\b/i
/** A heading that sets the project against another by name: the part of BENCHMARK_HEADING that is not about speed. */
const OTHER_PROJECT_HEADING = /\b(?:benefits|advantages) (?:over|compared (?:to|with))\b|\bcomparisons? (?:with|to|against|of)\b|\bdifferences? (?:from|with|to)\b(?! (?:the )?(?:[\w-]+ ){0,2}(?:rfc|spec|specification|standard)\b)|\bhow (?:is|does) (?:this|it|\S+) differ(?:ent)?\b/i
/** A heading about speed alone: its section must also set the project against a rival. */
const SPEED_HEADING = /\bbenchmark(?:s|ing)?\b/i
/** "Performance": often a list of articles or tips; it compares only with timings of rivals or a claim against them. */
const PERFORMANCE_HEADING = /^\W*performance\b/i
/** Looked for past the first part: a heading that names another project, or timings (checked for rivals). */
const LATE_HEADING = new RegExp(`${OTHER_PROJECT_HEADING.source}|${SPEED_HEADING.source}|${PERFORMANCE_HEADING.source}`, 'i')
const RIVAL_CLAIM = /\bfastest is\b|\b(?:faster|slower) than\b|\bthan (?:other|similar|competing)\b|\bother (?:[\w-]+ )?(?:librar(?:y|ies)|parsers|implementations|frameworks|tools)\b/i
/** A heading that sets the project, by its title, against another: "Fecha vs Moment" (not "Callbacks vs Promises"). */
const VERSUS = /^(.{1,60}?) (?:vs\.?|versus) (.{1,60})$/i
/**
 * What a benchmark of rivals says and a benchmark of a package against itself does not: "The
 * fastest is fast-deep-equal", "Difference with slowest", "each test runner", a table of
 * "Framework" or "Test Target", "the library versions tested", "candidates". escape-html, cookie
 * and etag time only their own functions. Read on a section's first 4,000 characters.
 */
const RIVALS = /\bfastest is\b|\b(?:difference|relative) (?:with|to) (?:the )?slowest\b|\b(?:faster|slower) than\b|\bvs\.?(?:\s|$)|\bversus\b|\bcompar(?:e|es|ed|ing|ison)\b|\b(?:libraries|frameworks|implementations|candidates|competitors|alternatives|test runners|test targets?)\b|\b(?:other|another|each|every) (?:[\w-]+ )?(?:library|framework|test runner)\b|\|\s*(?:library|framework|package|module|implementation)\s*\||\bmay be faster\b/i
/**
 * A row of timing results: "fast-deep-equal x 261,950 ops/sec", "fastq: 854ms",
 * "htmlparser2        : 2.17215 ms/file". Bounded: one line; the name and each run of spaces
 * are capped, so a line of spaces is read at most 40 × 40 times from each start.
 */
const RESULT_ROW = /^[^\S\n]{0,40}(?:[·•*-][^\S\n]{1,40})?([\w@/.-]{2,60})(?:[^\S\n]{0,40}:|[^\S\n]{1,40}x)?[^\S\n]{0,40}\d[\d,.]{0,20}[^\S\n]{0,4}(?:ms|s|µs|ns|ops\/s(?:ec)?|mb\/s|req\/s(?:ec)?)\b/gim

/**
 * Timing rows for the project (its title) and something else by name, as fasturl beside
 * parseurl; or for at least three names, two of them package-like ("async.queue",
 * "html-dom-parser"). A package timing its own cases names them in words ("simple", "decode").
 */
function timesRivals(content: string, title: string): string[] | undefined {
  const names = new Set([...content.matchAll(RESULT_ROW)].map((match) => match[1]!.toLowerCase()))
  for (const name of [...timedColumns(content), ...benchmarkTitles(content)]) names.add(name)
  const rivals = (names.has(title) && names.size > 1) || (names.size >= 3 && [...names].filter((name) => /[-.@/]/.test(name)).length >= 2)
  return rivals ? [...names] : undefined
}

/**
 * The names heading the columns of a table of timings: "| Operation | JSDOM | Happy DOM |" over
 * rows of "333 ms | 45 ms". A name is written as the title is (`happy dom` for happy-dom);
 * generic columns ("Operation", "Time") are left out. Read on lines of at most 400 characters.
 */
function timedColumns(content: string): string[] {
  const lines = content.split('\n', 200)
  for (let index = 0; index + 3 < lines.length; index++) {
    const header = lines[index]!
    if (header.length > 400 || !/^\s*\|.*\|\s*$/.test(header) || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[index + 1]!)) continue
    const rows = lines.slice(index + 2, index + 6).filter((line) => line.length <= 400 && TIMED_CELL.test(line))
    if (rows.length < 2) continue
    return header.split('|').map((cell) => cell.trim().toLowerCase().replace(/[\s_]+/g, '-')).filter((cell) => cell !== '' && !GENERIC_COLUMN.test(cell))
  }
  return []
}

const TIMED_CELL = /\|\s*\d[\d,.]{0,20}\s?(?:ms|s|µs|ns|ops\/s(?:ec)?)\s*\|/i
const GENERIC_COLUMN = /^(?:operation|operations|test|tests|task|case|benchmark|name|library|package|time|duration|ops|ops\/sec|size|result|results|#|scenario|method|function)$/

/** Names that head benchmark results, one to a line: "fast-uri benchmark", "uri-js benchmark". */
function benchmarkTitles(content: string): string[] {
  return [...content.slice(0, 4000).matchAll(/^[^\S\n]{0,8}([\w@/.-]{2,40}) benchmarks?[^\S\n]{0,8}$/gim)].map((match) => match[1]!.toLowerCase())
}

/** Results in a benchmark's code block, not only the command that runs it: "1122538 ± 0.01%", "ops/sec", "x 1.5 faster". */
const BENCHMARK_RESULTS = /±|\bops\/s(?:ec)?\b|\bops per second\b|\b(?:x|times) faster\b|\bfaster than\b/i
const COMPARISON_WORDS = ['than', 'advantage', 'alternative', 'replace', 'substitute', 'unlike', 'contrary', 'contrast', 'opposed', 'compared', 'instead']
const INTRO_COMPARISON_WORDS = ['like', 'similar', 'better', 'faster', 'smaller', 'simpler', 'safer', 'lighter', 'leaner', 'saner', 'friendlier', 'what about', 'why not']
const RELATED = /\b(?:related|see also|similar)\b/i
/** An API reference by another name: a comparison between its functions is about them, not the project. */
const REFERENCE = /^\W*(?:functions|methods|apis|api reference|reference|commands|properties|events|hooks|components)\W*$/i
/** In the intro, a project set beside another: "Like read-package-json, but faster" (not "like it, but"). Bounded: at most 60 characters between. */
const LIKE_BUT = /\b(?:like|similar to) (?!it\b|this\b|that\b|them\b)(?:[^,.;:!?\n]|\.(?=\w)){1,60},? (?:but|except)\b(?! (?:for|from)\b)/i
/**
 * A sentence of the intro that opens by claiming to be a better one of a named thing: "A better
 * forEach.", "A better fetch API." Read line by line. Bounded: each part reads at most 40
 * characters.
 */
const BETTER_ONE = /(?:^|[.!?] )(?:a|an) (?:better|faster|smaller|simpler|safer|lighter|leaner|saner|friendlier) (?!way\b|idea\b|choice\b|option\b|approach\b|solution\b|experience\b|place\b)[`\w$.]{2,40}/im
/**
 * In the intro, a named rival set beside the project another way: "It uses a larger alphabet than
 * UUID", "What about `JSON.stringify()`!?", "Why not just use Lodash?". Code reads as " X ".
 * Bounded: each part reads at most 20 characters.
 */
const INTRO_RIVAL = /\b(?:[Ll]arger|[Ss]horter|[Ss]maller|[Ff]aster|[Ss]afer|[Ss]impler|[Ll]ighter|[Bb]etter) [a-z]{2,20} than (?:the )?(?:X\b|[A-Z])|\b(?:[Ww]hat about|[Ww]hy not (?:just )?use) (?:the )?(?:X\b|[A-Z][\w.-]{0,20})\W{0,3}[!?]/
const MAX_SECTIONS = 30
const MAX_CHARS = 10000

export interface ReadmeFeatures {
  features: Features
  sections: Section[]
  intro: Section[]
  /** Cue phrases found in the intro and in the rest, by family. */
  introCues: Map<string, string[]>
  cues: Map<string, string[]>
  /** Headings of the why families (why, motivation, purpose), in order. */
  whyHeadings: Section[]
  /** Sections headed "Why …" or "When should I use this?" (after the title) with prose under them. */
  whyProse: Section[]
  /** The intro's sentence on when the project is useful, what it aims to do, or who lacks what it gives, if it has one. */
  useCase?: string
  /** The intro's sentence stating the problem the project answers, if it has one. */
  problem?: string
  /** A sentence, anywhere, in which the project answers a problem just stated ("`nconf` addresses this problem by …"). */
  solves?: string
  /** Where the README compares the project with a named alternative: a sentence, or a section's heading. */
  comparison?: {text: string; heading: boolean}
  /** The words of the intro's first paragraph that make this a folder's README ("This directory contains"). */
  folder?: string
  keywords: string[]
  introWords: number
  /** Features of each section read (the first sections of the first part), for the section model. */
  sectionFeatures: Features[]
}

/** A section's prose and its words, read once for both models. */
interface SectionProse {
  part: ReturnType<typeof proseOf>
  tokens: string[]
}

function sectionProse(section: Section): SectionProse {
  const part = proseOf(section.content.slice(0, MAX_CHARS))
  return {part, tokens: words(part.prose)}
}

export function readmeFeatures(text: string): ReadmeFeatures {
  const sections = splitSections(text.length > READ_LIMIT ? text.slice(0, READ_LIMIT) : text)
  const features: Features = new Map()
  const intro = introSections(sections)
  const read = sections.slice(0, MAX_SECTIONS)
  const prose = read.map(sectionProse)
  addFeature(features, `@sections:${bucket(sections.length, [1, 3, 6, 12, 25])}`)

  // Intro prose: the intro is at most the first four sections, all of them read.
  const introProse = intro.map((_, index) => prose[index]!.part)
  const introText = introProse.map((part) => part.prose).join('\n\n')
  const introTokens = words(introText)
  addFeature(features, `@intro-words:${bucket(introTokens.length, [0, 10, 25, 50, 100, 200, 400])}`)
  addFeature(features, `@intro-sentences:${bucket(sentenceCount(introText), [0, 1, 2, 4, 8])}`)
  addFeature(features, `@intro-sections:${intro.length}`)
  const introLines = introProse.reduce((sum, part) => sum + part.lines, 0)
  const introList = introProse.reduce((sum, part) => sum + part.listLines, 0)
  if (introLines > 0 && introList / introLines > 0.5) addFeature(features, '@intro-mostly-list')
  for (const token of new Set(introTokens)) addFeature(features, `w:${stem(token)}`)
  const introCues = findCues(introTokens)
  for (const [family, phrases] of introCues) {
    addFeature(features, `@intro-cue:${family}`)
    addFeature(features, `@intro-cue:${family}:${bucket(phrases.length, [1, 2, 4])}`)
  }
  const introSentences = unwrapped(introText.slice(0, 4000))
  const useCase = USE_CASE.exec(introSentences)
  // "A drop-in replacement for the combined-stream module" under `# combined-stream` is another
  // project's claim: a comparison that names this project's title is not this project's why.
  const title = cleanHeading(sections[0]?.heading ?? '').trim().toLowerCase()
  const problem = PROBLEM_STATEMENT.exec(introSentences)?.[0] ?? platformGap(introSentences, title)
  let solves: string | undefined
  const mentionsSolving = text.includes('solves ') || text.includes('addresses ') || text.includes('tackles ')
  const folder = FOLDER.exec(introText.trimStart().split(/\n\s*\n/, 1)[0]!.slice(0, 600)) ?? HOW_TO_TITLE.exec(cleanHeading(sections[0]?.heading ?? '').trim())
  const introFamilies = CUE_FAMILIES.filter((family) => introCues.has(family)).length
  addFeature(features, `@intro-cue-families:${introFamilies}`)

  // The whole README (its first part): headings, keywords, cues, amount of prose and code.
  let chars = 0
  let proseWords = 0
  let codeLines = 0
  const tokens: string[] = []
  const whyHeadings: Section[] = []
  const whyProse: Section[] = []
  let comparison: ReadmeFeatures['comparison']
  let otherDepth: number | undefined
  const headingWords = new Set<string>()
  let headingText = ''
  for (const section of read) {
    if (chars > MAX_CHARS) break
    chars += section.endOffset - section.offset
    const family = headingFamily(section.heading)
    if (family) {
      addFeature(features, `@h:${family}`)
      if (section.index <= 2) addFeature(features, `@h-early:${family}`)
      if (family === 'why' || family === 'motivation' || family === 'purpose') whyHeadings.push(section)
    }
    const headingTokens = words(cleanHeading(section.heading))
    for (const token of headingTokens) headingWords.add(stem(token))
    headingText += `${section.heading}\n`
    const {part, tokens: sectionTokens} = prose[section.index]!
    proseWords += sectionTokens.length
    codeLines += part.codeLines
    for (const token of sectionTokens) tokens.push(token)
    if (family && family !== 'how' && family !== 'meta' && section.index > 0 && sectionTokens.length >= 15) addFeature(features, `@h-prose:${family}`)
    if ((family === 'why' || WHY_NAMED_HEADING.test(cleanHeading(section.heading))) && section.index > 0 && proseUnder(read, prose, section.index) >= WHY_PROSE_WORDS) whyProse.push(section)
    else {
      const named = whyUnderPseudoHeading(section, () => proseUnder(read, prose, section.index, true))
      if (named !== undefined) whyProse.push({...section, heading: named})
    }
    if (mentionsSolving) solves ??= solvesProblem(section.content.slice(0, MAX_CHARS), title)
    // A comparison in an API's options, or in a list of related projects, and in their
    // subsections, is about something else. The title's badges do not make it one.
    if (otherDepth !== undefined && section.depth <= otherDepth) otherDepth = undefined
    // Not the title after a preamble of badges, whose own badges ("Build Status") read as "build".
    if (otherDepth === undefined && section.index >= intro.length && (family === 'how' || family === 'meta' || RELATED.test(section.heading) || REFERENCE.test(cleanHeading(section.heading)))) otherDepth = section.depth
    if (comparison === undefined && otherDepth === undefined) {
      const sentence = comparisonIn(part.prose, section.index < intro.length, title)
      // Timings in the intro, with no heading of their own ("fastq: 854ms", "async.queue: 1298ms").
      const timed = sentence === undefined && section.index < intro.length ? timesRivals(section.content.slice(0, 4000), title) : undefined
      if (sentence !== undefined) comparison = {text: sentence, heading: false}
      else if (timed !== undefined) comparison = {text: `timings of ${timed.slice(0, 4).join(', ')}`, heading: false}
    }
  }
  // Benchmarks come late in a README: their heading is looked for in every section cut, with
  // results or prose under it ("$ npm run bench" alone compares nothing). A heading that names
  // another project, or timings checked for rivals, is looked for past the first 16K characters
  // too, up to 100K: cosmiconfig's "Differences from rc" starts 30K in, and msgpack's benchmark
  // of its rivals near the end. A "Comparison" that late is as often of versions (semver's).
  const compares = (section: Section, heading: RegExp) => {
    const clean = cleanHeading(section.heading).trim()
    if (section.index === 0) return false
    const versus = VERSUS.exec(clean)
    const named = versus !== null && title.length >= 3 && [versus[1]!, versus[2]!].some((side) => `${title} `.startsWith(`${side.trim().toLowerCase()} `))
    if (!named && !heading.test(clean)) return false
    const head = section.content.slice(0, 4000)
    const timed = timesRivals(head, title) !== undefined
    if (!(timed || proseOf(head.slice(0, 2000)).lines > 0 || BENCHMARK_RESULTS.test(head))) return false
    if (PERFORMANCE_HEADING.test(clean)) return timed || RIVAL_CLAIM.test(head)
    return timed || !SPEED_HEADING.test(clean) || OTHER_PROJECT_HEADING.test(clean) || RIVALS.test(head)
  }
  const benchmark = comparison === undefined ? sections.find((section) => compares(section, BENCHMARK_HEADING)) ?? (text.length > READ_LIMIT ? splitSections(text.slice(0, COMPARISON_LIMIT)).find((section) => compares(section, LATE_HEADING)) : undefined) : undefined
  if (benchmark) comparison = {text: cleanHeading(benchmark.heading).replace(/\s+/g, ' ').trim().slice(0, 60), heading: true}
  for (const word of headingWords) addFeature(features, `h:${word}`)
  addFeature(features, `@prose-words:${bucket(proseWords, [30, 100, 300, 800, 2000])}`)
  addFeature(features, `@code-lines:${bucket(codeLines, [0, 10, 40, 150])}`)
  const cues = findCues(tokens)
  for (const [family, phrases] of cues) addFeature(features, `@cue:${family}:${bucket(phrases.length, [1, 3, 6])}`)

  const keywords: string[] = []
  const keywordText = `${headingText}\n${tokens.join(' ')}`
  for (const match of keywordText.matchAll(KEYWORD)) {
    const word = match[1]!.toLowerCase()
    if (!keywords.includes(word)) keywords.push(word)
  }
  for (const word of keywords) addFeature(features, `@kw:${word}`)
  addFeature(features, `@kw-count:${keywords.length}`)
  const sectionFeatureList = read.map((section, position) => sectionFeatures(section, position, prose[position]))
  return {features, sections, intro, introCues, cues, whyHeadings, whyProse, keywords, introWords: introTokens.length, sectionFeatures: sectionFeatureList, ...(comparison === undefined ? {} : {comparison}), ...(useCase ? {useCase: useCase[0].replace(/\s+/g, ' ').trim()} : {}), ...(problem ? {problem: problem.replace(/\s+/g, ' ').trim()} : {}), ...(solves ? {solves: solves.replace(/\s+/g, ' ').trim()} : {}), ...(folder ? {folder: folder[0].replace(/\s+/g, ' ').trim()} : {})}
}

/**
 * The text of a line in `section` that works as a why heading ("**Why another … library?**"),
 * when prose of at least `WHY_PROSE_WORDS` words follows it before the next such line.
 */
function whyUnderPseudoHeading(section: Section, subsections: () => number): string | undefined {
  const content = section.content.slice(0, MAX_CHARS)
  // Most sections have no line that starts so: bold inside a paragraph is emphasis.
  if (!(content.includes('**') || content.includes('__') || content.includes('<summary')) || !PSEUDO_HEADING_START.test(content)) return undefined
  const found = [...content.matchAll(PSEUDO_HEADING)]
  for (let index = 0; index < found.length; index++) {
    const match = found[index]!
    const text = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim()
    if (headingFamily(text) !== 'why' && !WHY_NAMED_HEADING.test(text)) continue
    const last = index + 1 === found.length
    const after = content.slice(match.index! + match[0].length, last ? content.length : found[index + 1]!.index)
    // Last in its section, it may be answered in the subsections that follow, as a heading is.
    if (words(proseOf(after).prose).length >= WHY_PROSE_WORDS || (last && subsections() >= WHY_PROSE_WORDS)) return text
  }
  return undefined
}

/**
 * A gap in the platform the project fills, said in the intro: "Electron doesn't have a built-in
 * context menu." Not the project's own limit: "graphql-request doesn't have a built-in cache".
 * Bounded: read on 4,000 characters of the intro, with a subject of at most 40.
 */
const PLATFORM_GAP = /\b([A-Z][\w.-]{1,40}) (?:doesn't|does not|don't|do not) (?:have|provide|ship with|come with) (?:a |an |any )?built-in\b[^.!?\n]{0,300}/g

function platformGap(sentences: string, title: string): string | undefined {
  for (const match of sentences.slice(0, 4000).matchAll(PLATFORM_GAP)) {
    const subject = match[1]!.toLowerCase()
    if (subject !== 'x' && subject !== 'it' && subject !== 'this' && subject !== title) return match[0]
  }
  return undefined
}

const SOLVES_WORD = /\b(?:solves|addresses|tackles) /i

/** A sentence in which the project answers the problem just stated ("`nconf` addresses this problem by …"). */
function solvesProblem(markdown: string, title: string): string | undefined {
  if (!SOLVES_WORD.test(markdown)) return undefined
  for (const match of markdown.replace(/`([^`\n]{1,60})`|\*\*([^*\n]{1,60})\*\*/g, '$1$2').matchAll(SOLVES_PROBLEM)) {
    const subject = match[1]!.toLowerCase()
    if (subject === 'it' || subject === 'this' || subject.startsWith('this ') || (title !== '' && subject === title)) return match[0].replace(/^(?:[.!?:]\s+|how\s+)/i, '').trim()
  }
  return undefined
}

/**
 * Words of prose in a section and, when it has none of its own, in its subsections: "What does
 * Verdaccio do for me?" answers under "### Use private packages" and its siblings. With
 * `subsectionsOnly`, only the subsections' words count.
 */
function proseUnder(read: readonly Section[], prose: readonly SectionProse[], index: number, subsectionsOnly = false): number {
  let count = subsectionsOnly ? 0 : prose[index]!.tokens.length
  if (count > 0) return count
  for (let next = index + 1; next < read.length && read[next]!.depth > read[index]!.depth; next++) count += prose[next]!.tokens.length
  return count
}

/** Paragraphs on one line each: "This is useful for parsers\nand other text processors" is one sentence. */
function unwrapped(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .reduce((out, line) => (line === '' ? `${out}\n` : out === '' || out.endsWith('\n') ? out + line : `${out} ${line}`), '')
}

/** The sentence around the first comparison with a named alternative in `prose`, if any (`intro`: also "like X, but"). */
function comparisonIn(text: string, intro: boolean, title = ''): string | undefined {
  // Most sections hold none of the words a comparison needs: one cheap scan rules them out.
  const lower = text.toLowerCase()
  if (!COMPARISON_WORDS.some((word) => lower.includes(word)) && !(intro && INTRO_COMPARISON_WORDS.some((word) => lower.includes(word)))) return undefined
  // Code in a link's text leaves two spaces ("faster than [`deasync`](…)").
  const prose = text.replace(/\s+/g, ' ')
  const match = firstComparison(prose, intro) ?? (intro ? LIKE_BUT.exec(prose) ?? INTRO_RIVAL.exec(prose) : null)
  if (!match) {
    // Read on the lines as written: the claim opens a line, often right under the badges.
    const better = intro ? BETTER_ONE.exec(text) : null
    if (!better || (title.length >= 3 && better[0].toLowerCase().includes(title))) return undefined
    return better[0].replace(/^[.!?]?\s*/, '').replace(/\s+/g, ' ').trim()
  }
  if (title.length >= 3 && prose.slice(match.index, match.index + match[0].length + 40).toLowerCase().includes(title)) return undefined
  const start = Math.max(prose.lastIndexOf('.', match.index) + 1, match.index - 80)
  return prose.slice(start, match.index + 80).trim()
}

const COMPARISON_ALL = new RegExp(COMPARISON.source, 'gi')
/** "Unlike", "contrary to", "as opposed to", "compared to/with", and what they set the project against. */
const CONTRAST_WORD = /^(?:unlike|contrary|in contrast|as opposed|compared) (?:to |with )?(other |most |many |some |similar )?/i

/**
 * The first comparison in `prose`. Past the intro, "unlike" and its kin must name something: a
 * name in capitals or code, or other, most or many of a kind ("Unlike Redux", "unlike other
 * routers"), not a word of the API ("Unlike text and background colors, underline colors …").
 */
function firstComparison(prose: string, intro: boolean): RegExpExecArray | null {
  COMPARISON_ALL.lastIndex = 0
  for (let match = COMPARISON_ALL.exec(prose); match !== null; match = COMPARISON_ALL.exec(prose)) {
    const contrast = CONTRAST_WORD.exec(match[0])
    if (intro || !contrast || contrast[1] !== undefined) return match
    const named = match[0].slice(-1)
    if (named !== named.toLowerCase() || /[`@'"]/.test(named)) return match
  }
  return null
}

/**
 * Features of one section for "does this section say why": where it is (the first sections hold
 * most whys), its heading's family and words, the cue families and keywords in its prose, how
 * much prose and list it has, and the stems of its words.
 */
export function sectionFeatures(section: Section, position: number, read: SectionProse = sectionProse(section)): Features {
  const features: Features = new Map()
  addFeature(features, `@s-pos:${position === 0 ? '0' : position === 1 ? '1' : position <= 3 ? '2-3' : '>3'}`)
  const family = headingFamily(section.heading)
  addFeature(features, `@s-h:${family ?? (section.heading === '' ? 'none' : 'other')}`)
  for (const token of new Set(words(cleanHeading(section.heading)))) addFeature(features, `sh:${stem(token)}`)
  const {part, tokens} = read
  addFeature(features, `@s-words:${bucket(tokens.length, [0, 10, 25, 50, 100, 200])}`)
  if (part.lines > 0 && part.listLines / part.lines > 0.5) addFeature(features, '@s-mostly-list')
  if (part.codeLines > 0) addFeature(features, '@s-code')
  for (const [cueFamily] of findCues(tokens)) addFeature(features, `@s-cue:${cueFamily}`)
  for (const [cueFamily] of findCues(tokens.slice(0, 40))) addFeature(features, `@s-cue-early:${cueFamily}`)
  addFeature(features, `@s-pos-h:${position === 0 ? '0' : position <= 2 ? '1-2' : '>2'}:${family ?? (section.heading === '' ? 'none' : 'other')}`)
  for (const match of `${section.heading}\n${part.prose}`.matchAll(KEYWORD)) features.set(`@s-kw:${match[1]!.toLowerCase()}`, 1)
  for (const token of new Set(tokens)) addFeature(features, `sw:${stem(token)}`)
  return features
}
