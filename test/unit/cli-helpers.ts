// Shared by the CLI tests: temporary folders, an in-process `main()` with captured output, and
// a small fixable rule registered only while a test needs it (so the tests do not depend on
// what the real rules say about their fixtures).

import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {main} from '../../src/cli/cli.js'
import type {Io} from '../../src/cli/io.js'
import {defineRule, type AnyRule} from '../../src/engine/rule.js'
import {RULES} from '../../src/engine/rules/index.js'
import type {RuleSetting, Severity} from '../../src/engine/types.js'

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  stdin?: string | Uint8Array
  env?: Record<string, string | undefined>
  stdoutTTY?: boolean
  stderrTTY?: boolean
  beforeWrite?: (path: string) => void | Promise<void>
}

export async function run(cwd: string, argv: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    cwd,
    env: options.env ?? {},
    stdout: {write: (text) => void (stdout += text), isTTY: options.stdoutTTY ?? false},
    stderr: {write: (text) => void (stderr += text), isTTY: options.stderrTTY ?? false, columns: 80},
    readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    ...(options.beforeWrite ? {hooks: {beforeWrite: options.beforeWrite}} : {}),
  }
  const code = await main(argv, io)
  return {code, stdout, stderr}
}

const made: string[] = []

/** A fresh folder holding `files` (path → content); removed after the test file. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'whylint-cli-'))
  made.push(root)
  write(root, files)
  return root
}

export function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), {recursive: true})
    writeFileSync(join(root, path), content)
  }
}

export function cleanTempDirs(): void {
  for (const root of made.splice(0)) rmSync(root, {recursive: true, force: true})
}

/** A config turning every rule off except the ones given (so real rules do not add noise). */
export function only(settings: Record<string, RuleSetting>): {rules: Record<string, RuleSetting>} {
  const rules: Record<string, RuleSetting> = {}
  for (const rule of RULES) rules[rule.id] = 'off'
  return {rules: {...rules, ...settings}}
}

export function configFile(settings: Record<string, RuleSetting>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({...only(settings), ...extra})
}

/**
 * `test-why-marker`: reports every `WHY?` token in Markdown and commit messages, quoting it,
 * with a preferred fix that replaces it with `because`. Off unless a config turns it on.
 */
export const markerRule = defineRule<{word: string}>({
  id: 'test-why-marker',
  description: 'Test rule: flags `WHY?` markers',
  defaultSeverity: 'off',
  targets: ['markdown', 'readme', 'commit', 'review'],
  fixable: true,
  options: {word: {type: 'string', description: 'Replacement', default: 'because'}},
  run({document, options, report}) {
    for (const match of document.text.matchAll(/WHY\?\S*/g)) {
      report({
        message: `Unexpected \`${match[0]}\`, expected \`${options.word}\``,
        start: match.index,
        end: match.index + match[0].length,
        fixes: [{title: `Replace with \`${options.word}\``, preferred: true, edits: [{offset: match.index, endOffset: match.index + match[0].length, text: options.word}]}],
      })
    }
  },
})

/** A rule that throws, to check that unexpected failures end in one line, not a stack. */
export const throwingRule = defineRule({
  id: 'test-throws',
  description: 'Test rule: throws',
  defaultSeverity: 'off',
  targets: ['markdown'],
  fixable: false,
  run() {
    throw new Error('boom\n    at somewhere (file.ts:1:1)')
  },
})

/** Register test rules for the enclosing `describe`. */
export function withTestRules(...rules: AnyRule[]): void {
  before(() => {
    RULES.push(...rules)
  })
  after(() => {
    for (const rule of rules) {
      const index = RULES.indexOf(rule)
      if (index !== -1) RULES.splice(index, 1)
    }
  })
}

export function marker(severity: Severity = 'warning'): Record<string, RuleSetting> {
  return {'test-why-marker': severity}
}
