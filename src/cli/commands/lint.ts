// `whylint [files | dirs | globs]` and `whylint --stdin`: find the files, resolve each one's
// config and kind, lint (and fix), report, and pick the exit code.

import {resolve} from 'node:path'
import {analyze, isIgnored, languageFor, WhylintError, type Config, type Finding, type Kind, type LintOptions} from '../../engine/api.js'
import {UsageError, type LintArgs, type OutputArgs} from '../args.js'
import {Configs, kindOf, maxFileSizeOf} from '../configs.js'
import {expandInputs} from '../files.js'
import {fixText, writeAtomically} from '../fix.js'
import type {Io} from '../io.js'
import {countBySeverity, displayPath, EXIT_FINDINGS, EXIT_OK, note, Progress, useColor} from '../output.js'
import {decode, readInput, type ReadResult} from '../read.js'
import {report, type FileResult} from '../reporters/index.js'

export const STDIN = '<stdin>'

export interface Job {
  path: string
  /** Shown in notes and text output. */
  display: string
  kind: Kind
  config: Config
  maxFileSize: number
  /** Already known result (read error, ignored), instead of reading the file. */
  preset?: Pick<FileResult, 'error' | 'skipped'>
}

export function lintOptions(job: Pick<Job, 'path' | 'kind' | 'config'>): LintOptions {
  const language = job.kind === 'code' ? languageFor(undefined, job.path) : undefined
  return {kind: job.kind, config: job.config, ...(job.path === STDIN ? {} : {filePath: job.path}), ...(language ? {languageId: language.id} : {})}
}

/** Collect the files to lint, with their kind and config; usage problems throw before any lint. */
async function planFiles(args: LintArgs, io: Io, configs: Configs): Promise<Job[]> {
  const inputs = args.inputs.length > 0 ? args.inputs : ['.']
  const expansion = await expandInputs(inputs, {
    cwd: io.cwd,
    allowOutside: args.allowOutside,
    // Found in a folder or by a glob: take files whylint reads (by name or the config's kinds).
    accept: async (path) => {
      const resolved = await configs.forFile(path)
      return !isIgnored(resolved, path) && kindOf(resolved, path) !== undefined
    },
  })
  const jobs: Job[] = []
  const unknown: string[] = []
  for (const error of expansion.errors) {
    const display = displayPath(io.cwd, error.path)
    jobs.push({path: error.path, display, kind: 'markdown', config: {}, maxFileSize: 0, preset: {error: error.reason}})
  }
  for (const candidate of expansion.files) {
    const resolved = await configs.forFile(candidate.path)
    const display = displayPath(io.cwd, candidate.path)
    const kind = kindOf(resolved, candidate.path, args.kind)
    if (!kind) {
      unknown.push(display)
      continue
    }
    const job: Job = {path: candidate.path, display, kind, config: resolved.config, maxFileSize: maxFileSizeOf(resolved)}
    if (candidate.explicit && isIgnored(resolved, candidate.path)) job.preset = {skipped: 'skipped: ignored by the `ignore` globs of the config'}
    jobs.push(job)
  }
  if (unknown.length > 0) {
    throw new UsageError(`Cannot tell what kind of text ${unknown.map((path) => `\`${path}\``).join(', ')} ${unknown.length === 1 ? 'is' : 'are'}: pass \`--kind\` (readme, markdown, commit, code or review)`)
  }
  return jobs
}

/** Lint one job's text, fixing it first when asked; returns the result for the reporters. */
export async function lintJob(job: Job, read: ReadResult, args: Pick<LintArgs, 'fix'>, io: Io): Promise<{result: FileResult; findings: Finding[]}> {
  const base = {filePath: job.path, displayPath: job.display}
  if (!read.ok) {
    note(io, job.display, read.severity === 'error' ? `error: ${read.reason}` : read.reason)
    return {result: {...base, messages: [], ...(read.severity === 'error' ? {error: read.reason} : {skipped: read.reason})}, findings: []}
  }
  if (read.invalidUtf8) note(io, job.display, 'note: not valid UTF-8; the bad bytes were read as U+FFFD')
  const options = lintOptions(job)
  let findings: Finding[]
  let error: string | undefined
  try {
    if (args.fix) {
      const fixed = fixText(read.text, options)
      findings = fixed.findings
      if (fixed.changed && read.invalidUtf8) {
        error = 'not fixed: writing it back would replace its invalid UTF-8 bytes'
        findings = analyze(read.text, options).findings
      } else if (fixed.changed) {
        error = await writeAtomically(job.path, read.bytes, fixed.text, read.bom, io.hooks?.beforeWrite)
        if (error !== undefined) findings = analyze(read.text, options).findings
      }
      if (error !== undefined) note(io, job.display, `error: ${error}`)
    } else {
      findings = analyze(read.text, options).findings
    }
  } catch (caught) {
    if (caught instanceof WhylintError) throw new UsageError(`${job.display}: ${caught.message}`)
    throw new Error(`${job.display}: ${caught instanceof Error ? caught.message : String(caught)}`)
  }
  return {result: {...base, messages: findings, ...(error === undefined ? {} : {error})}, findings}
}

/** Report results and decide the exit code. */
export function finish(results: FileResult[], all: Finding[], args: OutputArgs, io: Io): number {
  const counts = countBySeverity(all)
  let hidden = 0
  const shown = results.map((result) => {
    if (!args.quiet) return result
    const messages = result.messages.filter((finding) => finding.severity === 'error')
    hidden += result.messages.length - messages.length
    return {...result, messages}
  })
  io.stdout.write(report(args.format, shown, {color: useColor(args.color, io.stdout, io.env), hidden, cwd: io.cwd}))
  let code = EXIT_OK
  if (counts.error > 0 || results.some((result) => result.error !== undefined)) code = EXIT_FINDINGS
  if (args.maxWarnings !== undefined && counts.warning > args.maxWarnings) {
    note(io, undefined, `${counts.warning} warnings, more than \`--max-warnings ${args.maxWarnings}\``)
    code = EXIT_FINDINGS
  }
  return code
}

export async function runLint(args: LintArgs, io: Io): Promise<number> {
  const configs = new Configs(io.cwd, args.config)
  if (args.stdin) return lintStdin(args, io, configs)
  const jobs = await planFiles(args, io, configs)
  const progress = new Progress(io, jobs.length)
  const results: FileResult[] = []
  const all: Finding[] = []
  try {
    for (const [index, job] of jobs.entries()) {
      progress.update(index + 1, job.display)
      const read: ReadResult = job.preset ? {ok: false, severity: job.preset.error === undefined ? 'skip' : 'error', reason: job.preset.error ?? job.preset.skipped ?? ''} : await readInput(job.path, job.maxFileSize)
      const {result, findings} = await lintJob(job, read, args, io)
      results.push(result)
      all.push(...findings)
    }
  } finally {
    progress.clear()
  }
  return finish(results, all, args, io)
}

async function lintStdin(args: LintArgs, io: Io, configs: Configs): Promise<number> {
  const path = args.filename === undefined ? undefined : resolve(io.cwd, args.filename)
  const resolved = await configs.forFile(path ?? resolve(io.cwd, 'stdin'))
  const kind = path === undefined ? args.kind : kindOf(resolved, path, args.kind)
  if (!kind) throw new UsageError('Cannot tell what kind of text standard input is: pass `--kind` (readme, markdown, commit, code or review) or a `--filename`')
  const bytes = await io.readStdin()
  const max = maxFileSizeOf(resolved)
  const read: ReadResult = bytes.length > max ? {ok: false, severity: 'skip', reason: `skipped: ${bytes.length} bytes is over the ${max}-byte limit (\`maxFileSize\` in the config)`} : decode(bytes)
  const job: Job = {path: path ?? STDIN, display: path === undefined ? STDIN : displayPath(io.cwd, path), kind, config: resolved.config, maxFileSize: max}
  const {result, findings} = await lintJob(job, read, {fix: false}, io)
  return finish([result], findings, args, io)
}
