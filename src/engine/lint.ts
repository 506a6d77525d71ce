// The pipeline: text → source document → enabled rules → messages → findings.

import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {resolveRules, validateConfig, type ActiveRule} from './config.js'
import {inferKind, isGeneratedPath, isLicenceFile} from './kinds.js'
import {editBetween, forgetLastLines, lineIndex, lineStartsOfEdited, unshared, versionOf, type Version} from './lines.js'
import {CACHE_BUDGET, DEFAULT_LIMITS, type Limits} from './limits.js'
import {GenerationalCache} from './cache.js'
import {WhylintEnglish} from './english.js'
import {clearSyllableCache} from './prose-pass/readability.js'
import type {ProseBlock} from './prose.js'
import {fixesOf, makeReport, severityOf, type Report, type RuleContext} from './rule.js'
import {parseSource} from './sources/index.js'
import {forgetPlaceholderScan} from './rules/template-placeholder/index.js'
import {clearMarkdownCache, resizeMarkdownCache} from './sources/markdown.js'
import type {Directive, SourceDocument} from './sources/types.js'
import type {Config, Finding, Kind, LintOptions} from './types.js'

export class WhylintError extends Error {
  override name = 'WhylintError'
}

export interface Analysis {
  kind: Kind
  findings: Finding[]
  /** Document-level figures rules publish (e.g. `readabilityGrade`). */
  metrics: Record<string, number>
}

const english = new WhylintEnglish()

/** Parse a block's prose into an English syntax tree (sentences, words, punctuation). */
export function parseProse(block: ProseBlock): NlcstRoot {
  return english.parse(block.text)
}

/** Resolve the kind for a lint call; throws when it cannot be told. */
export function kindFor(options: LintOptions): Kind {
  const kind = options.kind ?? inferKind(options.filePath, options.languageId)
  if (!kind) {
    throw new WhylintError(
      `Cannot tell what kind of text ${options.filePath ? `\`${options.filePath}\`` : 'this'} is: pass kind (readme, markdown, commit, code or review)`,
    )
  }
  return kind
}

/** Lint `text`; findings sorted by position. */
export async function lint(text: string, options: LintOptions = {}): Promise<Finding[]> {
  return analyze(text, options).findings
}

/** Lint synchronously and also return document metrics (the editor's status item uses them). */
export function analyze(text: string, options: LintOptions = {}): Analysis {
  return run(text, options, false).analysis
}

/**
 * `analyze`, plus a VFile message for every finding, stamped as the rules' wrapper stamps them
 * (the fixture runner checks them). `analyze` turns cached block results straight into
 * findings instead: building thousands of messages per keystroke costs more than linting.
 */
export function analyzeWithMessages(text: string, options: LintOptions = {}): {analysis: Analysis; messages: VFileMessage[]} {
  return run(text, options, true)
}

function run(text: string, options: LintOptions, keepMessages: boolean): {analysis: Analysis; messages: VFileMessage[]} {
  const kind = kindFor(options)
  const config = options.config ?? {}
  const problems = validateConfig(config)
  if (problems.length > 0) throw new WhylintError(problems.map((problem) => problem.message).join('\n'))
  const limits = limitsOf(config)
  const deadline = now() + limits.budgetMs
  const document = parseSource(text, kind, {
    ...(options.languageId === undefined ? {} : {languageId: options.languageId}),
    ...(options.filePath === undefined ? {} : {filePath: options.filePath}),
    commentChar: config.commit?.commentChar ?? '#',
    deadline,
    now,
  })
  const file = new VFile({value: text, ...(options.filePath ? {path: options.filePath} : {})})
  // Rules that follow one language's conventions (Go's doc comments) read it from here.
  if (options.languageId !== undefined) file.data.languageId = options.languageId
  const starts = lineStartsOf(document)
  const toPoint = (offset: number) => {
    const clamped = Math.min(Math.max(offset, 0), text.length)
    const line = lineIndex(starts, clamped)
    return {line: line + 1, column: clamped - starts[line]! + 1, offset: clamped}
  }
  const metrics: Record<string, number> = {}
  const severities = new Map<VFileMessage, Finding['severity']>()
  const report = (r: Report) => makeReport(file, toPoint, r)
  const direct: Finding[] = []
  // Oversized blocks (a megabyte without a blank line) are left out, and said so, rather than
  // letting one paragraph stall every rule.
  const oversized = document.blocks.filter((block) => block.text.length > limits.maxBlockLength)
  if (oversized.length > 0) {
    document.blocks = document.blocks.filter((block) => block.text.length <= limits.maxBlockLength)
    document.skippedBlocks = oversized
  }
  // A generated file is rewritten by its generator: a note in it would be lost on the next run.
  // It says so in a header, or lives in a folder for generated code. A licence is legal text
  // that must stay word for word.
  if (kind === 'code' && document.generated === undefined && isGeneratedPath(options.filePath)) document.generated = 'a folder for generated code'
  const active = document.generated === undefined && !isLicenceFile(options.filePath) ? resolveRules(config, kind) : []
  const emit = (rule: ActiveRule, r: Report) => {
    if (!keepMessages) {
      direct.push(reportToFinding(r, rule, text, toPoint))
      return
    }
    const message = report(r)
    message.ruleId = rule.rule.id
    message.source = 'whylint'
    message.url = rule.rule.url
    severities.set(message, severityOf(message, rule.severity))
  }
  // Trees live for one lint: block results are what is cached across lints, and keeping every
  // tree of a megabyte document alive would cost hundreds of megabytes.
  const trees = new Map<ProseBlock, NlcstRoot>()
  const parse = (block: ProseBlock) => {
    let tree = trees.get(block)
    if (!tree) {
      tree = english.parse(block.text)
      trees.set(block, tree)
    }
    return tree
  }
  let stoppedAt: number | undefined
  // Block-scoped rules run block by block, all rules on one block before the next, so each
  // block is parsed once and its tree can go as soon as the block is done.
  const blockRules = active.filter((entry) => entry.rule.scope === 'block')
  if (blockRules.length > 0) {
    const keys = blockRules.map((entry) => internedKey(`${entry.rule.id}\u0000${JSON.stringify(entry.options)}`))
    const sums = blockRules.map(() => ({names: [] as string[], values: [] as number[]}))
    const sink: BlockSink = keepMessages
      ? {report: (entry, r, base) => emit(entry, shiftReport(r, base))}
      : {text, lines: starts.length, toPoint, into: direct, severities: blockRules.map((entry) => entry.severity).join()}
    stoppedAt = runBlockRules(document, blockRules, keys, sums, deadline, parse, sink)
    blockRules.forEach((entry, index) => {
      const {names, values} = sums[index]!
      for (let slot = 0; slot < names.length; slot++) metrics[names[slot]!] = values[slot]!
      entry.rule.summarize?.(metrics)
    })
  }
  for (const entry of active) {
    if (entry.rule.scope === 'block') continue
    if (stoppedAt === undefined && now() > deadline) stoppedAt = 0
    if (stoppedAt !== undefined) break
    const before = file.messages.length
    entry.rule.run({document, options: entry.options, file, parse, report, metrics} satisfies RuleContext<any>)
    for (const message of file.messages.slice(before)) {
      message.ruleId = entry.rule.id
      message.source = 'whylint'
      message.url = entry.rule.url
      severities.set(message, severityOf(message, entry.severity))
    }
  }
  if (stoppedAt !== undefined) {
    const limitRule = active.find((entry) => entry.rule.id === 'analysis-limit')
    if (limitRule) {
      emit(limitRule, {
        message: `Not fully analysed: linting took longer than ${limits.budgetMs} ms; findings from line ${toPoint(stoppedAt).line} on may be missing`,
        start: stoppedAt,
        end: stoppedAt,
      })
    }
  }
  const findings: Finding[] = []
  for (const finding of direct) if (!suppressed(finding, document, starts)) findings.push(finding)
  for (const message of file.messages) {
    const severity = severities.get(message)
    if (!severity) continue
    const finding = toFinding(message, severity, text, toPoint)
    if (finding && !suppressed(finding, document, starts)) findings.push(finding)
  }
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId))
  return {analysis: {kind, findings, metrics}, messages: file.messages}
}

interface BlockResult {
  /** Reports with offsets relative to the block's start. */
  reports: readonly Report[]
  /** Metric names and values, in the order the rule set them. */
  metricNames: readonly string[]
  metricValues: readonly number[]
}

// Block-scoped rule results by rule, options and block identity: re-linting after an edit
// re-runs rules only on the blocks the edit changed.
const blockCache = new GenerationalCache<RuleResults>(CACHE_BUDGET)

/**
 * One block's results by rule: rule key, result, rule key, result. A handful of rules, looked up
 * by interned key: a list costs a tenth of a Map's hash table, and a megabyte document keeps
 * thousands of them alive.
 */
type RuleResults = Array<string | BlockResult>

function resultFor(results: RuleResults, key: string): BlockResult | undefined {
  for (let at = 0; at < results.length; at += 2) if (results[at] === key) return results[at + 1] as BlockResult
  return undefined
}

// Rule keys are built anew on every lint; looked up thousands of times per lint, a fresh string
// is compared character by character with the one the cache holds, the interned one by identity.
const ruleKeys = new Map<string, string>()

function internedKey(key: string): string {
  let interned = ruleKeys.get(key)
  if (interned === undefined) {
    if (ruleKeys.size >= 1000) ruleKeys.clear()
    interned = key
    ruleKeys.set(key, key)
  }
  return interned
}

/**
 * A report as the block cache keeps it: relative to the block, with strings of its own. A rule's
 * `actual` is often a slice of the document, and a message a template around it, so the cache
 * would otherwise keep the whole version of the document each report came from.
 */
function cachedReport(r: Report, delta: number): Report {
  const kept = shiftReport(r, delta)
  kept.message = unshared(r.message)
  if (r.actual !== undefined) kept.actual = unshared(r.actual)
  if (r.expected !== undefined) kept.expected = r.expected.map(unshared)
  if (r.note !== undefined) kept.note = unshared(r.note)
  for (const fix of kept.fixes ?? []) {
    fix.title = unshared(fix.title)
    for (const edit of fix.edits) {
      edit.text = unshared(edit.text)
      if (edit.snippet !== undefined) edit.snippet = unshared(edit.snippet)
    }
  }
  return kept
}

function shiftReport(r: Report, delta: number): Report {
  const shifted: Report = {...r, start: r.start + delta, end: r.end + delta}
  if (r.fixes) {
    shifted.fixes = r.fixes.map((fix) => ({...fix, edits: fix.edits.map((edit) => ({...edit, offset: edit.offset + delta, endOffset: edit.endOffset + delta}))}))
  }
  return shifted
}

const now: () => number = typeof performance === 'undefined' ? Date.now : () => performance.now()


function limitsOf(config: Config): Limits {
  const setting = config.rules?.['analysis-limit']
  const options = Array.isArray(setting) ? (setting[1] as Partial<Limits> | undefined) : undefined
  return {...DEFAULT_LIMITS, ...options}
}

/** Metric sums of one rule, in the order the names first appear (as a Map would keep them). */
interface Sums {
  names: string[]
  values: number[]
}

/**
 * What every block-scoped rule of one rule set finds in one block: the reports of all rules in
 * rule order (offsets relative to the block's start), and their metric entries.
 */
interface BlockRecord {
  /** The rule set: interned rule keys joined. */
  set: string
  /** Index into the rule set of each report's rule. */
  rules: readonly number[]
  reports: readonly Report[]
  /** Per metric entry, in rule order: its slot (see `Slots`), then its value. */
  metrics: readonly number[]
}

// Records by block key: one lookup per block instead of one per rule, for the rule set of the
// last lint (a config change builds new records from the per-rule results).
const recordCache = new GenerationalCache<BlockRecord>(CACHE_BUDGET)

// The blocks and records of the last lint: after an edit, the blocks before it are the same
// objects and the blocks after it share their key strings, so their records are taken without
// a lookup; only the blocks the edit touched are looked up.
let lastPass:
  | {
      set: string
      blocks: readonly ProseBlock[]
      records: BlockRecord[]
      metrics: MetricRows
      /** Findings path only: the text's version, its line count, the rules' severities, each block's findings. */
      findings?: {version: Version; lines: number; severities: string; byBlock: Array<Finding[] | undefined>}
    }
  | undefined

/**
 * Where block results go: VFile messages (`report`), or findings built straight from the reports
 * into `into`. Findings of a block the last lint had too are taken from that lint: as they were
 * when the block lies before the edit, moved by the edit's length and line count after it.
 */
type BlockSink =
  | {report: (entry: ActiveRule, r: Report, base: number) => void}
  | {text: string; lines: number; toPoint: ToPoint; into: Finding[]; severities: string}

/** How many leading and trailing blocks the last lint had too (same key, in order). */
function sameEnds(blocks: readonly ProseBlock[], previous: readonly ProseBlock[]): {head: number; tail: number} {
  const shorter = Math.min(blocks.length, previous.length)
  let head = 0
  while (head < shorter && (blocks[head] === previous[head] || blocks[head]!.key === previous[head]!.key)) head++
  let tail = 0
  while (tail < shorter - head && blocks[blocks.length - 1 - tail]!.key === previous[previous.length - 1 - tail]!.key) tail++
  return {head, tail}
}

/**
 * Metric slots of one rule set: each (rule, name) pair its block rules have published, numbered
 * in the order first met. Slots only grow, so a block's metrics can be kept as a row of a flat
 * array and copied from one lint to the next without reading its record.
 */
interface Slots {
  rules: number[]
  names: string[]
  index: Map<string, number>
}

const slotTables = new Map<string, Slots>()

function slotsOf(set: string): Slots {
  let slots = slotTables.get(set)
  if (!slots) {
    if (slotTables.size >= 100) {
      // Records hold slot numbers: they go with their tables.
      slotTables.clear()
      recordCache.clear()
      lastPass = undefined
    }
    slots = {rules: [], names: [], index: new Map()}
    slotTables.set(set, slots)
  }
  return slots
}

function slotOf(slots: Slots, rule: number, name: string): number {
  const key = `${rule}\u0000${name}`
  let slot = slots.index.get(key)
  if (slot === undefined) {
    slot = slots.rules.length
    slots.rules.push(rule)
    slots.names.push(name)
    slots.index.set(key, slot)
  }
  return slot
}

/** Each block's metric values by slot, `stride` slots a row, and which of them the block set. */
interface MetricRows {
  stride: number
  values: Float64Array
  set: Uint8Array
}

/** Copy `count` rows between row tables in one typed-array copy when their strides match, so shifting a document's metrics after an edit allocates nothing per block. */
function copyRows(from: MetricRows, source: number, into: MetricRows, target: number, count: number): void {
  if (count <= 0) return
  if (from.stride === into.stride) {
    const stride = from.stride
    into.values.set(from.values.subarray(source * stride, (source + count) * stride), target * stride)
    into.set.set(from.set.subarray(source * stride, (source + count) * stride), target * stride)
    return
  }
  for (let row = 0; row < count; row++) {
    for (let slot = 0; slot < from.stride; slot++) {
      into.values[(target + row) * into.stride + slot] = from.values[(source + row) * from.stride + slot]!
      into.set[(target + row) * into.stride + slot] = from.set[(source + row) * from.stride + slot]!
    }
  }
}

/**
 * Run block-scoped rules on every block, from the cache where it can; metrics are summed into
 * `sums`. Returns where the time budget ran out, if it did. A function of its own: it runs on
 * every keystroke over thousands of blocks, and for the blocks before and after the edit it reads
 * no record: their findings come from the last lint, their metrics from its flat rows. Each
 * record read is a cache miss, and a megabyte document has thousands of them.
 */
function runBlockRules(
  document: SourceDocument,
  blockRules: readonly ActiveRule[],
  keys: readonly string[],
  sums: readonly Sums[],
  deadline: number,
  parse: (block: ProseBlock) => NlcstRoot,
  sink: BlockSink,
): number | undefined {
  const blocks = document.blocks
  const set = internedKey(keys.join('\u0001'))
  const slots = slotsOf(set)
  const previous = lastPass?.set === set ? lastPass : undefined
  const ends = previous ? sameEnds(blocks, previous.blocks) : {head: 0, tail: 0}
  const records: BlockRecord[] = new Array<BlockRecord>(blocks.length)
  const direct = 'into' in sink ? sink : undefined
  const byBlock: Array<Finding[] | undefined> | undefined = direct ? new Array<Finding[] | undefined>(blocks.length) : undefined
  const version = direct ? versionOf(direct.text) : undefined
  const known = direct && previous?.findings?.severities === direct.severities ? previous.findings : undefined
  // Findings carry over only from the text just before this one.
  const change = known ? editBetween(known.version, version!) : undefined
  const old = change ? known : undefined
  let moved: {before: number; after: number; delta: number; lineDelta: number} | undefined
  const edit = () =>
    (moved ??= {before: change!.prefix, after: old!.version.length - change!.suffix, delta: direct!.text.length - old!.version.length, lineDelta: direct!.lines - old!.lines})
  const tailFrom = blocks.length - ends.tail
  let stoppedAt: number | undefined
  for (let at = 0; at < blocks.length; at++) {
    let record: BlockRecord | undefined
    let was = -1
    if (at < ends.head || at >= tailFrom) {
      was = at < ends.head ? at : previous!.records.length - (blocks.length - at)
      record = previous!.records[was]!
      records[at] = record
      if (old) {
        // What the last lint found here, without reading the record.
        const earlier = old.byBlock[was]
        if (earlier) {
          const base = blocks[at]!.origStart
          const made = reused(earlier, base - previous!.blocks[was]!.origStart, edit()) ?? findingsOf(record, blockRules, direct!, base)
          for (const finding of made) direct!.into.push(finding)
          byBlock![at] = made
        }
        continue
      }
    } else {
      const block = blocks[at]!
      record = recordCache.get(block.key)
      if (record?.set !== set) {
        // Only work that runs rules is worth a clock read.
        if (now() > deadline) {
          stoppedAt = block.origStart
          records.length = at
          break
        }
        record = blockRecord(set, slots, blockRules, keys, document, block, parse)
        recordCache.set(block.key, record)
      }
      records[at] = record
    }
    if (record.reports.length > 0) {
      const base = blocks[at]!.origStart
      if (direct) {
        const made = findingsOf(record, blockRules, direct, base)
        for (const finding of made) direct.into.push(finding)
        byBlock![at] = made
      } else {
        const report = (sink as {report: (entry: ActiveRule, r: Report, base: number) => void}).report
        for (let r = 0; r < record.reports.length; r++) report(blockRules[record.rules[r]!]!, record.reports[r]!, base)
      }
    }
  }
  const count = records.length
  // Metric rows: copied from the last lint for the blocks before and after the edit, read from
  // the records for the rest.
  const stride = slots.rules.length
  const head = Math.min(ends.head, count)
  const tail = stoppedAt === undefined ? ends.tail : 0
  // Same blocks count and slots: the last lint's rows stand where they were before and after the
  // edit, so they are updated in place rather than copied.
  const inPlace = previous !== undefined && previous.metrics.stride === stride && previous.records.length === count
  const rows: MetricRows = inPlace ? previous.metrics : {stride, values: new Float64Array(count * stride), set: new Uint8Array(count * stride)}
  if (previous && !inPlace) copyRows(previous.metrics, 0, rows, 0, head)
  if (inPlace) {
    rows.values.fill(0, head * stride, (count - tail) * stride)
    rows.set.fill(0, head * stride, (count - tail) * stride)
  }
  for (let at = head; at < count - tail; at++) {
    const record = records[at]!
    const metrics = record.metrics
    for (let e = 0; e < metrics.length; e += 2) {
      rows.values[at * stride + metrics[e]!] = metrics[e + 1]!
      rows.set[at * stride + metrics[e]!] = 1
    }
  }
  if (previous && !inPlace) copyRows(previous.metrics, previous.records.length - tail, rows, count - tail, tail)
  sumRows(rows, count, records, slots, sums)
  lastPass = stoppedAt === undefined ? {set, blocks, records, metrics: rows, ...(direct ? {findings: {version: version!, lines: direct.lines, severities: direct.severities, byBlock: byBlock!}} : {})} : undefined
  return stoppedAt
}

/**
 * Sum metric rows in block order, each slot on its own, as adding them block by block does (so
 * sums are bit for bit the same); names go to each rule in the order they first appear, within a
 * block in the order its record lists them.
 */
function sumRows(rows: MetricRows, count: number, records: readonly BlockRecord[], slots: Slots, sums: readonly Sums[]): void {
  const stride = rows.stride
  if (stride === 0) return
  const total = new Float64Array(stride)
  const seen = new Uint8Array(stride)
  // Row (plus one) where a slot got its first value, so that value is not added twice.
  const firstRow = new Int32Array(stride)
  const order: number[] = []
  for (let at = 0; at < count; at++) {
    const base = at * stride
    for (let slot = 0; slot < stride; slot++) {
      if (rows.set[base + slot] === 0 || seen[slot] === 1) continue
      // New names in this block: in the order its record lists them.
      const metrics = records[at]!.metrics
      for (let e = 0; e < metrics.length; e += 2) {
        const first = metrics[e]!
        if (seen[first] === 1) continue
        seen[first] = 1
        firstRow[first] = at + 1
        order.push(first)
        total[first] = rows.values[base + first]!
      }
      break
    }
    for (let slot = 0; slot < stride; slot++) {
      if (rows.set[base + slot] === 1 && firstRow[slot] !== at + 1) total[slot]! += rows.values[base + slot]!
    }
  }
  for (const slot of order) {
    const sum = sums[slots.rules[slot]!]!
    sum.names.push(slots.names[slot]!)
    sum.values.push(total[slot]!)
  }
}

/** Findings of a block's reports, the block starting at `base`. */
function findingsOf(record: BlockRecord, blockRules: readonly ActiveRule[], direct: {text: string; toPoint: ToPoint}, base: number): Finding[] {
  const made: Finding[] = []
  for (let r = 0; r < record.reports.length; r++) made.push(reportToFinding(record.reports[r]!, blockRules[record.rules[r]!]!, direct.text, direct.toPoint, base))
  return made
}

/** The record of one block: each rule's result from the per-rule cache, or from running it. */
function blockRecord(
  set: string,
  slots: Slots,
  blockRules: readonly ActiveRule[],
  keys: readonly string[],
  document: SourceDocument,
  block: ProseBlock,
  parse: (block: ProseBlock) => NlcstRoot,
): BlockRecord {
  const byRule = blockResults(block)
  const rules: number[] = []
  const reports: Report[] = []
  const metrics: number[] = []
  let tree: NlcstRoot | undefined
  const parseHere = (other: ProseBlock) => (other === block ? (tree ??= english.parse(block.text)) : parse(other))
  for (let index = 0; index < blockRules.length; index++) {
    let result = resultFor(byRule, keys[index]!)
    if (!result) {
      result = runOnBlock(blockRules[index]!, document, block, parseHere)
      byRule.push(keys[index]!, result)
    }
    for (const r of result.reports) {
      rules.push(index)
      reports.push(r)
    }
    for (let entry = 0; entry < result.metricNames.length; entry++) {
      metrics.push(slotOf(slots, index, result.metricNames[entry]!), result.metricValues[entry]!)
    }
  }
  // Most blocks have no findings: their records share the empty lists.
  return reports.length === 0 ? {set, rules: NONE, reports: NONE, metrics} : {set, rules, reports, metrics}
}

/** The cached results of block-scoped rules on one block, by rule and options. */
function blockResults(block: ProseBlock): RuleResults {
  let byRule = blockCache.get(block.key)
  if (!byRule) {
    byRule = []
    blockCache.set(block.key, byRule)
  }
  return byRule
}

/**
 * A block's findings from the last lint, valid again after an edit, or undefined. `shift` is how
 * far the block moved. Before the edit a finding stands as it was; after it, a finding whose
 * line starts past the edit keeps its column and moves by the edit's length and line count.
 */
function reused(findings: Finding[], shift: number, edit: {before: number; after: number; delta: number; lineDelta: number}): Finding[] | undefined {
  if (shift === 0) {
    for (const finding of findings) if (finding.endOffset >= edit.before) return undefined
    return findings
  }
  if (shift !== edit.delta) return undefined
  // The character before the finding's line start lies in the unchanged text after the edit.
  for (const finding of findings) if (finding.offset - finding.column < edit.after) return undefined
  return findings.map((finding) => {
    const copy: Finding = {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: finding.line + edit.lineDelta,
      column: finding.column,
      endLine: finding.endLine + edit.lineDelta,
      endColumn: finding.endColumn,
      offset: finding.offset + shift,
      endOffset: finding.endOffset + shift,
    }
    if (finding.fixes) {
      copy.fixes = finding.fixes.map((fix) => ({...fix, edits: fix.edits.map((change) => ({...change, offset: change.offset + shift, endOffset: change.endOffset + shift}))}))
    }
    return copy
  })
}

/** Run a block-scoped rule on one block as if the document held only it, so its result can be cached by the block's text. */
function runOnBlock(entry: ActiveRule, document: SourceDocument, block: ProseBlock, parse: (block: ProseBlock) => NlcstRoot): BlockResult {
  const base = block.origStart
  const reports: Report[] = []
  const blockMetrics: Record<string, number> = {}
  const scratch = new VFile({value: document.text})
  entry.rule.run({
    // Optional fields the document lacks read as undefined, as absent ones do.
    document: new BlockView(document, block) as unknown as SourceDocument,
    options: entry.options,
    file: scratch,
    parse,
    report: (r: Report) => {
      reports.push(cachedReport(r, -base))
      return scratch.message(r.message)
    },
    metrics: blockMetrics,
  } satisfies RuleContext<any>)
  const names = Object.keys(blockMetrics)
  if (reports.length === 0 && names.length === 0) return NOTHING
  return {reports: reports.length === 0 ? NONE : reports, metricNames: sharedNames(names), metricValues: names.map((name) => blockMetrics[name]!)}
}

/**
 * The document as a block-scoped rule sees it: one block, the rest read through from the whole
 * document, so its lazy fields stay lazy. Not `Object.create(document)`: V8 turns an object
 * used as a prototype into one of a kind of its own, registered weakly with its own prototype,
 * and the young collector keeps every such registration alive, with the document and its text,
 * until a full collection: on a megabyte document, every keystroke's text reached the old
 * generation that way.
 */
class BlockView {
  readonly blocks: ProseBlock[]

  constructor(
    readonly whole: SourceDocument,
    block: ProseBlock,
  ) {
    this.blocks = [block]
  }
}

// Every other field reads through to the whole document: getters on the prototype, made once.
// A record of every field but `blocks`, so a field added to SourceDocument and not here fails to compile.
const READ_THROUGH: {[K in Exclude<keyof SourceDocument, 'blocks'>]-?: true} = {
  kind: true, text: true, directives: true, codeRanges: true, markdown: true, outline: true, html: true,
  commit: true, comments: true, language: true, skippedBlocks: true, skippedRanges: true, generated: true,
}
for (const field of Object.keys(READ_THROUGH) as Array<keyof typeof READ_THROUGH>) {
  Object.defineProperty(BlockView.prototype, field, {
    get(this: BlockView) {
      return this.whole[field]
    },
  })
}

// A rule sets the same metric names on almost every block: cached results share one list.
const metricNameLists = new Map<string, readonly string[]>()

function sharedNames(names: string[]): readonly string[] {
  const key = names.join('\u0000')
  let shared = metricNameLists.get(key)
  if (!shared) {
    if (metricNameLists.size >= 1000) metricNameLists.clear()
    shared = names
    metricNameLists.set(key, shared)
  }
  return shared
}

// A cached result is kept for as long as its block is open in an editor, and every full garbage
// collection while the user types visits it: most rules find nothing in most blocks, and those
// results and lists are shared, not one object each.
const NONE: readonly never[] = Object.freeze([])
const NOTHING: BlockResult = Object.freeze({reports: NONE, metricNames: NONE, metricValues: NONE})

/**
 * How many characters each generation of the parse and rule-result caches holds (default
 * `CACHE_BUDGET`): a host with more memory than the editor's worker can keep more documents
 * warm. Forgets every cached result.
 */
export function setCacheBudget(characters: number = CACHE_BUDGET): void {
  blockCache.resize(characters)
  recordCache.resize(characters)
  resizeMarkdownCache(characters)
  lastPass = undefined
}

/** Forget every cached parse and rule result (benchmarks measure cold lints with this). */
export function clearCaches(): void {
  blockCache.clear()
  recordCache.clear()
  slotTables.clear()
  lastPass = undefined
  clearMarkdownCache()
  clearSyllableCache()
  forgetLastLines()
  forgetPlaceholderScan()
}


function toFinding(
  message: VFileMessage,
  severity: Finding['severity'],
  text: string,
  toPoint: (offset: number) => {line: number; column: number; offset: number},
): Finding | undefined {
  const place = message.place
  if (!place || !message.ruleId) return undefined
  const startOffset = 'start' in place ? place.start.offset : place.offset
  const endOffset = 'end' in place ? place.end.offset : startOffset
  if (startOffset === undefined || endOffset === undefined) return undefined
  const finding = findingAt(message.ruleId, severity, message.reason, startOffset, endOffset, text, toPoint)
  const fixes = fixesOf(message)
  if (fixes) finding.fixes = fixes
  return finding
}

type ToPoint = (offset: number) => {line: number; column: number; offset: number}

/** A finding over original offsets [start, end), clamped to the text; no fixes yet. */
function findingAt(ruleId: string, severity: Finding['severity'], message: string, startOffset: number, endOffset: number, text: string, toPoint: ToPoint): Finding {
  const start = toPoint(Math.min(startOffset, text.length))
  const end = toPoint(Math.min(Math.max(endOffset, startOffset), text.length))
  return {ruleId, severity, message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, offset: start.offset, endOffset: end.offset}
}


function lineOf(offset: number, lineStarts: readonly number[]): number {
  return lineIndex(lineStarts, offset) + 1
}

/**
 * A finding straight from a report, as `toFinding` would make it from the report's message;
 * `delta` shifts a report relative to its block (without copying it unless it carries fixes).
 */
function reportToFinding(r: Report, entry: ActiveRule, text: string, toPoint: (offset: number) => {line: number; column: number; offset: number}, delta = 0): Finding {
  const cap = r.severity
  const severity = cap && SEVERITY_ORDER.indexOf(cap) < SEVERITY_ORDER.indexOf(entry.severity) ? cap : entry.severity
  const finding = findingAt(entry.rule.id, severity, r.message, r.start + delta, r.end + delta, text, toPoint)
  if (r.fixes && r.fixes.length > 0) finding.fixes = delta === 0 ? r.fixes : shiftReport(r, delta).fixes!
  return finding
}

const SEVERITY_ORDER: ReadonlyArray<Finding['severity']> = ['hint', 'info', 'warning', 'error']

// After a keystroke only the lines around the edit are scanned again.
function lineStartsOf(document: SourceDocument): number[] {
  return lineStartsOfEdited(document.text)
}

/** Whether an inline `whylint-disable…` directive silences this finding. */
function suppressed(finding: Finding, document: SourceDocument, starts: readonly number[]): boolean {
  const directives = document.directives
  if (directives.length === 0) return false
  const findingLine = lineOf(finding.offset, starts)
  const names = (directive: Directive) => directive.rules.length === 0 || directive.rules.includes(finding.ruleId)
  let disabled = false
  for (const directive of directives) {
    if (!names(directive)) continue
    switch (directive.type) {
      case 'disable-line':
        if (lineOf(directive.offset, starts) === findingLine) return true
        break
      case 'disable-next-line':
        if (lineOf(Math.max(directive.endOffset - 1, directive.offset), starts) + 1 === findingLine) return true
        break
      case 'disable':
        if (directive.offset <= finding.offset) disabled = true
        break
      case 'enable':
        if (directive.offset <= finding.offset) disabled = false
        break
    }
  }
  return disabled
}
