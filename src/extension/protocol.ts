// Messages between the extension host and the analysis worker. Plain data only: they cross a
// `worker_threads` port on desktop and a Web Worker port in the browser.

import type {Analysis} from '../engine/lint.js'
import type {Config, Kind} from '../engine/types.js'

export interface LintRequest {
  type: 'lint'
  id: number
  /** The document's URI as a string: the key for superseding older work. */
  uri: string
  version: number
  text: string
  languageId: string
  /** The URI path (POSIX) used for kind inference, ignore globs and config lookup. */
  path: string
  /** The workspace folder's path: config lookup stops there. */
  root?: string
  /** A kind the editor already knows (e.g. the comment editor is a review); config globs win. */
  kind?: Kind
  /** Kinds the user lints (setting `whylint.targets`). */
  targets: Kind[]
  /** Path of a config file to use instead of looking one up (setting `whylint.configPath`). */
  configPath?: string
}

export interface CancelRequest {
  type: 'cancel'
  uri: string
}

/** Config files changed on disk: forget what was read. */
export interface ConfigChanged {
  type: 'configChanged'
}

export interface RulesRequest {
  type: 'rules'
  id: number
}

/** The host's answer to a worker's file read (config lookup). */
export interface FileReply {
  type: 'file'
  id: number
  text?: string
}

/** Turn a rule off in a YAML config, keeping its comments (the host bundle has no YAML parser). */
export interface YamlRuleOffRequest {
  type: 'yamlRuleOff'
  id: number
  text: string
  ruleId: string
}

export type ToWorker = LintRequest | CancelRequest | ConfigChanged | RulesRequest | FileReply | YamlRuleOffRequest

export interface ConfigFailure {
  path: string
  message: string
  /** Keys the problems name (to place the diagnostic). */
  keys: string[]
}

export interface LintResult {
  type: 'lint'
  id: number
  uri: string
  version: number
  /** Undefined when the document is not linted (kind not targeted, ignored, unknown). */
  analysis?: Analysis
  /** The config used (its templates feed "Explain the Why"). */
  config: Config
  configFile?: string
  configError?: ConfigFailure
  /** Set when the request was superseded or cancelled before it ran. */
  cancelled?: boolean
  error?: string
  /** Analysis time in milliseconds. */
  ms?: number
}

export interface RuleInfo {
  id: string
  description: string
  url: string
  fixable: boolean
  targets: Kind[]
}

export interface RulesResult {
  type: 'rules'
  id: number
  rules: RuleInfo[]
}

/** The worker asks the host for a file's text (undefined when it does not exist). */
export interface FileRequest {
  type: 'readFile'
  id: number
  path: string
}

export interface YamlRuleOffResult {
  type: 'yamlRuleOff'
  id: number
  text?: string
  error?: string
}

export type FromWorker = LintResult | RulesResult | FileRequest | YamlRuleOffResult

/**
 * The analysis worker's old-generation heap, in MB. Documents past 2 MB are skipped in the
 * editor, and a 2 MB document lints within about 100 MB of live heap; without a cap V8 lets
 * garbage pile up to twice that before it collects.
 */
export const WORKER_HEAP_MB = 128
