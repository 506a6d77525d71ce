// The rule framework. A rule says what it is once (`defineRule`); the wrapper stamps `ruleId`,
// `source` and `url` on every message the rule emits, so a rule body only reports what it found.

import type {Root as NlcstRoot} from 'nlcst'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {ProseBlock} from './prose.js'
import type {SourceDocument} from './sources/types.js'
import type {Fix, Kind, Severity} from './types.js'

export const DOCS_BASE = 'https://github.com/whylint/whylint/blob/main/src/engine/rules/'

/** JSON-schema-like description of one option, used for validation and the generated schema. */
export interface OptionSpec {
  type: 'number' | 'integer' | 'boolean' | 'string' | 'string[]'
  description: string
  default: unknown
  minimum?: number
  maximum?: number
  enum?: string[]
}

export interface Report {
  message: string
  /** Original offsets, end exclusive. */
  start: number
  end: number
  fixes?: Fix[]
  actual?: string
  expected?: string[]
  note?: string
  /** Cap this finding's severity below the rule's (e.g. a soft limit is only a hint). */
  severity?: Exclude<Severity, 'off'>
}

export interface RuleContext<O> {
  document: SourceDocument
  options: O
  file: VFile
  /** The block's English syntax tree (parsed once, shared by all rules). */
  parse(block: ProseBlock): NlcstRoot
  /** Report a finding at original offsets; returns the message so a rule can add to it. */
  report(report: Report): VFileMessage
  /** Document-level figures for the editor (e.g. `readabilityGrade`). */
  metrics: Record<string, number>
}

export interface RuleSpec<O> {
  id: string
  description: string
  defaultSeverity: Severity
  /** Kinds the rule runs on. */
  targets: readonly Kind[]
  /** Whether the rule offers fixes (documentation, and the fixture runner's fix round-trip). */
  fixable: boolean
  options?: {[K in keyof O]: OptionSpec}
  /**
   * `block`: the rule reads only `document.blocks` (and `parse`), and what it finds in one block
   * depends on that block alone. The engine then runs it once per block, with `document.blocks`
   * holding just that block, and caches the result by the block's text, so an edit re-analyses
   * only the blocks it touched. Numeric metrics it sets are summed over blocks; `summarize` turns
   * the sums into document figures. Default `document`.
   */
  scope?: 'block' | 'document'
  run(context: RuleContext<O>): void
  /** Block-scoped rules: derive document metrics from the per-block sums. */
  summarize?(metrics: Record<string, number>): void
}

export interface Rule<O = Record<string, unknown>> extends RuleSpec<O> {
  url: string
  defaults: O
}

// Fixes travel beside messages, keyed by the message object.
const fixesByMessage = new WeakMap<VFileMessage, Fix[]>()
const capByMessage = new WeakMap<VFileMessage, Exclude<Severity, 'off'>>()

const ORDER: ReadonlyArray<Exclude<Severity, 'off'>> = ['hint', 'info', 'warning', 'error']

/** The severity of a message: the rule's, lowered to the message's own cap if it has one. */
export function severityOf(message: VFileMessage, ruleSeverity: Exclude<Severity, 'off'>): Exclude<Severity, 'off'> {
  const cap = capByMessage.get(message)
  return cap && ORDER.indexOf(cap) < ORDER.indexOf(ruleSeverity) ? cap : ruleSeverity
}

export function fixesOf(message: VFileMessage): Fix[] | undefined {
  return fixesByMessage.get(message)
}

export function setFixes(message: VFileMessage, fixes: Fix[]): void {
  if (fixes.length > 0) fixesByMessage.set(message, fixes)
}

export function defineRule<O extends object>(spec: RuleSpec<O>): Rule<O> {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(spec.id)) throw new Error(`Rule ids are kebab-case: ${spec.id}`)
  const defaults = {} as O
  for (const [key, option] of Object.entries(spec.options ?? {}) as Array<[keyof O, OptionSpec]>) {
    defaults[key] = option.default as O[keyof O]
  }
  const url = `${DOCS_BASE}${spec.id}/README.md`
  return {
    ...spec,
    url,
    defaults,
    run(context) {
      const before = context.file.messages.length
      spec.run(context)
      for (const message of context.file.messages.slice(before)) {
        message.ruleId = spec.id
        message.source = 'whylint'
        message.url = url
      }
    },
  }
}

/** Build a VFile message at original offsets, with line/column positions. */
export function makeReport(file: VFile, toPoint: (offset: number) => {line: number; column: number; offset: number}, report: Report): VFileMessage {
  const message = file.message(report.message, {place: {start: toPoint(report.start), end: toPoint(report.end)}})
  if (report.actual !== undefined) message.actual = report.actual
  if (report.expected !== undefined) message.expected = report.expected
  if (report.note !== undefined) message.note = report.note
  if (report.fixes) setFixes(message, report.fixes)
  if (report.severity) capByMessage.set(message, report.severity)
  return message
}

export type AnyRule = Rule<any>
