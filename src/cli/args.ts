// argv → a typed command. Every mistake here is a usage error (exit 2) that names the flag and,
// when one is close, the flag that was probably meant.

import {parseArgs} from 'node:util'
import {DETECTOR_NAMES, type Detector, type Kind} from '../engine/api.js'

export type Format = 'text' | 'json' | 'sarif'

const KINDS: readonly Kind[] = ['readme', 'markdown', 'commit', 'code', 'review']
const FORMATS: readonly Format[] = ['text', 'json', 'sarif']

export interface OutputArgs {
  format: Format
  quiet: boolean
  /** `false` with `--no-color`; otherwise decided from the terminal and `NO_COLOR`. */
  color: boolean
  maxWarnings?: number
  config?: string
}

export interface LintArgs extends OutputArgs {
  command: 'lint'
  inputs: string[]
  kind?: Kind
  stdin: boolean
  filename?: string
  fix: boolean
  allowOutside: boolean
}

export interface CommitMsgArgs extends OutputArgs {
  command: 'commit-msg'
  file: string
}

export interface InitArgs {
  command: 'init'
  hook: boolean
}

export interface JudgeArgs {
  command: 'judge'
  detector: Detector
  inputs: string[]
  format: 'text' | 'json'
  stdin: boolean
  filename?: string
  allowOutside: boolean
  color: boolean
}

export type Args = LintArgs | CommitMsgArgs | InitArgs | JudgeArgs | {command: 'help'; topic: Command} | {command: 'version'}

export type Command = 'lint' | 'commit-msg' | 'init' | 'judge'

export class UsageError extends Error {
  override name = 'UsageError'
}

interface FlagSpec {
  type: 'string' | 'boolean'
  short?: string
}

const COMMON: Record<string, FlagSpec> = {
  help: {type: 'boolean', short: 'h'},
  'no-color': {type: 'boolean'},
}

const OUTPUT: Record<string, FlagSpec> = {
  format: {type: 'string', short: 'f'},
  quiet: {type: 'boolean', short: 'q'},
  'max-warnings': {type: 'string'},
  config: {type: 'string', short: 'c'},
}

const FLAGS: Record<Command, Record<string, FlagSpec>> = {
  lint: {
    ...COMMON,
    ...OUTPUT,
    version: {type: 'boolean', short: 'v'},
    kind: {type: 'string'},
    stdin: {type: 'boolean'},
    filename: {type: 'string'},
    fix: {type: 'boolean'},
    'allow-outside': {type: 'boolean'},
  },
  'commit-msg': {...COMMON, ...OUTPUT},
  init: {help: COMMON.help!, hook: {type: 'boolean'}},
  judge: {
    ...COMMON,
    detector: {type: 'string'},
    format: {type: 'string', short: 'f'},
    stdin: {type: 'boolean'},
    filename: {type: 'string'},
    'allow-outside': {type: 'boolean'},
  },
}

const COMMANDS: readonly Command[] = ['commit-msg', 'init', 'judge']

/** Edit distance, for did-you-mean hints. */
export function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** `; did you mean `x`?` for the closest candidates, or ''. */
export function didYouMean(name: string, candidates: readonly string[], prefix = ''): string {
  const near = candidates
    .map((candidate) => ({candidate, d: distance(name, candidate)}))
    .filter(({candidate, d}) => d <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 2)
  return near.length > 0 ? `; did you mean ${near.map(({candidate}) => `\`${prefix}${candidate}\``).join(' or ')}?` : ''
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`Invalid value \`${value}\` for \`--${flag}\`: expected one of ${allowed.join(', ')}${didYouMean(value, allowed)}`)
}

type Values = Record<string, string | boolean | undefined>

function parseFlags(command: Command, argv: string[]): {values: Values; positionals: string[]} {
  const specs = FLAGS[command]
  const {tokens} = parseArgs({args: argv, options: specs, strict: false, allowPositionals: true, tokens: true})
  const values: Values = {}
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const spec = specs[token.name]
    if (!spec) {
      const names = Object.keys(specs)
      throw new UsageError(`Unknown flag \`${token.rawName}\`${command === 'lint' ? '' : ` for \`whylint ${command}\``}${didYouMean(token.name, names, '--')}`)
    }
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`Flag \`--${token.name}\` takes no value`)
    if (spec.type === 'string' && (token.value === undefined || token.value === '')) throw new UsageError(`Flag \`--${token.name}\` needs a value`)
    if (spec.type === 'string' && values[token.name] !== undefined) throw new UsageError(`Flag \`--${token.name}\` given twice`)
    values[token.name] = spec.type === 'boolean' ? true : token.value
  }
  return {values, positionals}
}

function str(values: Values, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

function outputArgs(values: Values): OutputArgs {
  const output: OutputArgs = {
    format: oneOf('format', str(values, 'format') ?? 'text', FORMATS),
    quiet: values.quiet === true,
    color: values['no-color'] !== true,
  }
  const maxWarnings = str(values, 'max-warnings')
  if (maxWarnings !== undefined) {
    if (!/^\d+$/.test(maxWarnings)) throw new UsageError(`Invalid value \`${maxWarnings}\` for \`--max-warnings\`: expected a whole number of 0 or more`)
    output.maxWarnings = Number(maxWarnings)
  }
  const config = str(values, 'config')
  if (config !== undefined) output.config = config
  return output
}

export function parseArgv(argv: readonly string[]): Args {
  const first = argv[0]
  const command: Command = first !== undefined && (COMMANDS as readonly string[]).includes(first) ? (first as Command) : 'lint'
  const rest = command === 'lint' ? [...argv] : argv.slice(1)
  const {values, positionals} = parseFlags(command, rest)
  if (values.help === true) return {command: 'help', topic: command}

  switch (command) {
    case 'lint': {
      if (values.version === true) return {command: 'version'}
      const args: LintArgs = {
        command,
        ...outputArgs(values),
        inputs: positionals,
        stdin: values.stdin === true,
        fix: values.fix === true,
        allowOutside: values['allow-outside'] === true,
      }
      const kind = str(values, 'kind')
      if (kind !== undefined) args.kind = oneOf('kind', kind, KINDS)
      const filename = str(values, 'filename')
      if (filename !== undefined) {
        if (!args.stdin) throw new UsageError('Flag `--filename` names the text read with `--stdin`; pass `--stdin` too')
        args.filename = filename
      }
      if (args.stdin && positionals.length > 0) throw new UsageError(`Unexpected file \`${positionals[0]}\` with \`--stdin\`: lint either standard input or files`)
      if (args.stdin && args.fix) throw new UsageError('Flag `--fix` writes files; it cannot be used with `--stdin`')
      return args
    }
    case 'commit-msg': {
      if (positionals.length !== 1) throw new UsageError('Expected one file: `whylint commit-msg <file>` (git passes the message file to the commit-msg hook)')
      return {command, ...outputArgs(values), file: positionals[0]!}
    }
    case 'init':
      if (positionals.length > 0) throw new UsageError(`Unexpected argument \`${positionals[0]}\` for \`whylint init\``)
      return {command, hook: values.hook === true}
    case 'judge': {
      const detector = str(values, 'detector')
      if (detector === undefined) throw new UsageError(`Missing \`--detector\`: expected one of ${DETECTOR_NAMES.join(', ')}`)
      const args: JudgeArgs = {
        command,
        detector: oneOf('detector', detector, DETECTOR_NAMES),
        format: oneOf('format', str(values, 'format') ?? 'text', ['text', 'json'] as const),
        inputs: positionals,
        stdin: values.stdin === true,
        allowOutside: values['allow-outside'] === true,
        color: values['no-color'] !== true,
      }
      const filename = str(values, 'filename')
      if (filename !== undefined) args.filename = filename
      if (!args.stdin && positionals.length === 0) throw new UsageError('Expected files to judge, or `--stdin`')
      if (args.stdin && positionals.length > 0) throw new UsageError(`Unexpected file \`${positionals[0]}\` with \`--stdin\`: judge either standard input or files`)
      return args
    }
  }
}
