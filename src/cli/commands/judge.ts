// `whylint judge --detector NAME FILES…`: run one why detector on whole files and print its
// judgement, for checking a detector by hand or from a script.

import {resolve} from 'node:path'
import {inferKind, judge, languageFor, WhylintError, type Judgement} from '../../engine/api.js'
import {UsageError, type JudgeArgs} from '../args.js'
import {expandInputs} from '../files.js'
import type {Io} from '../io.js'
import {displayPath, EXIT_FINDINGS, EXIT_OK, note, useColor} from '../output.js'
import {decode, DEFAULT_MAX_FILE_SIZE, readInput, type ReadResult} from '../read.js'
import {paint, printable} from '../reporters/text.js'

export interface JudgeEntry extends Judgement {
  filePath: string
}

export async function runJudge(args: JudgeArgs, io: Io): Promise<number> {
  const inputs: Array<{path: string; display: string; read: () => Promise<ReadResult>}> = []
  let failed = false
  if (args.stdin) {
    const path = args.filename === undefined ? '<stdin>' : resolve(io.cwd, args.filename)
    inputs.push({path, display: args.filename === undefined ? path : displayPath(io.cwd, path), read: async () => decode(await io.readStdin())})
  } else {
    const expansion = await expandInputs(args.inputs, {cwd: io.cwd, allowOutside: args.allowOutside, accept: async (path) => inferKind(path) !== undefined})
    for (const error of expansion.errors) {
      note(io, displayPath(io.cwd, error.path), `error: ${error.reason}`)
      failed = true
    }
    for (const file of expansion.files) inputs.push({path: file.path, display: displayPath(io.cwd, file.path), read: () => readInput(file.path, DEFAULT_MAX_FILE_SIZE)})
  }
  const entries: JudgeEntry[] = []
  const color = useColor(args.color, io.stdout, io.env)
  for (const input of inputs) {
    const read = await input.read()
    if (!read.ok) {
      note(io, input.display, read.severity === 'error' ? `error: ${read.reason}` : read.reason)
      if (read.severity === 'error') failed = true
      continue
    }
    if (read.invalidUtf8) note(io, input.display, 'note: not valid UTF-8; the bad bytes were read as U+FFFD')
    const language = languageFor(undefined, input.path)
    let judgement: Judgement
    try {
      judgement = judge(read.text, {detector: args.detector, ...(input.path === '<stdin>' ? {} : {filePath: input.path}), ...(language ? {languageId: language.id} : {})})
    } catch (error) {
      // A detector that is named but not (yet) available is a usage problem, like a typo.
      if (error instanceof WhylintError && /unknown detector/i.test(error.message)) throw new UsageError(error.message)
      if (error instanceof WhylintError) {
        note(io, input.display, `error: ${error.message}`)
        failed = true
        continue
      }
      throw error
    }
    const entry: JudgeEntry = {filePath: input.path, label: judgement.label, score: judgement.score, evidence: judgement.evidence}
    entries.push(entry)
    if (args.format === 'text') {
      const evidence = entry.evidence.length > 0 ? `  ${paint(color, 'dim', printable(entry.evidence.join('; ')))}` : ''
      io.stdout.write(`${paint(color, 'underline', printable(input.display))}  ${paint(color, 'bold', printable(entry.label))}  ${entry.score.toFixed(3)}${evidence}\n`)
    }
  }
  if (args.format === 'json') io.stdout.write(`${JSON.stringify(entries)}\n`)
  return failed ? EXIT_FINDINGS : EXIT_OK
}
