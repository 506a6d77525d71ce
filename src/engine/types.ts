// The engine's public data shapes. Everything here is plain data so it can cross a worker
// boundary (structured clone) and be printed as JSON by the CLI.

/** What a piece of text is; decides which source parses it and which rules run. */
export type Kind = 'readme' | 'markdown' | 'commit' | 'code' | 'review'

export const KINDS: readonly Kind[] = ['readme', 'markdown', 'commit', 'code', 'review']

/** `off` disables a rule; the rest map one to one onto editor diagnostic severities. */
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error'

export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error']

/** One replacement in the original text: offsets are 0-based UTF-16, `endOffset` exclusive. */
export interface Edit {
  offset: number
  endOffset: number
  /** Plain replacement text (what `--fix` writes). */
  text: string
  /** The same edit as a VS Code snippet with tab stops, when it is a fill-in template. */
  snippet?: string
}

export interface Fix {
  title: string
  /** Set when this is the one obvious fix for the finding; `--fix` applies only these. */
  preferred?: boolean
  edits: Edit[]
}

export interface Finding {
  ruleId: string
  severity: Exclude<Severity, 'off'>
  message: string
  /** 1-based line and column of the start. */
  line: number
  column: number
  /** 1-based line and column of the end (exclusive column, like VS Code ranges + 1). */
  endLine: number
  endColumn: number
  /** 0-based UTF-16 offsets into the linted text; `endOffset` exclusive. */
  offset: number
  endOffset: number
  fixes?: Fix[]
}

/** A rule's setting in a config: a severity, or a severity with options. */
export type RuleSetting = Severity | [Severity, Record<string, unknown>] | [Severity]

export interface Config {
  /** Per-rule severity and options, by rule id. */
  rules?: Record<string, RuleSetting>
  /** Globs (relative to the config file's folder) of files never linted. */
  ignore?: string[]
  /** Globs mapping files to a kind, e.g. `{"review": [".github/**\/*.md"]}`; first match wins. */
  kinds?: Partial<Record<Kind, string[]>>
  /** Commit messages: the comment character (`#` by default, as in git). */
  commit?: {commentChar?: string}
  /** Files larger than this many bytes are skipped with a note (default 2 MB). */
  maxFileSize?: number
  /** Extra "Explain the Why" templates for the editor. */
  templates?: Array<{name: string; description?: string; kinds?: Kind[]; body: string}>
}

export interface LintOptions {
  kind?: Kind
  filePath?: string
  /** VS Code language id, used to pick the comment syntax for `code`. */
  languageId?: string
  config?: Config
}

/** Judge results, see `judge()`. */
export type Detector = 'readme-why' | 'commit-why' | 'comment-why' | 'comment-restates' | 'review-tone'

export interface Judgement {
  label: string
  score: number
  evidence: string[]
}

export interface JudgeOptions {
  detector: Detector
  filePath?: string
  languageId?: string
}
