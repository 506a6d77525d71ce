// `whylint init [--hook]`: write a starter `.whylintrc.json` listing every rule at its default
// severity, and with `--hook` a git commit-msg hook that runs `whylint commit-msg`.

import {chmod, mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join, relative, resolve} from 'node:path'
import {CONFIG_FILES, RULES, type Config} from '../../engine/api.js'
import type {InitArgs} from '../args.js'
import {findRepo, readGitConfig} from '../git.js'
import type {Io} from '../io.js'
import {displayPath, EXIT_FINDINGS, EXIT_OK, note} from '../output.js'
import {describeError} from '../read.js'

export const SCHEMA_URL = 'https://raw.githubusercontent.com/whylint/whylint/main/schema/whylintrc.schema.json'
const LOCAL_SCHEMA = 'node_modules/whylint/schema/whylintrc.schema.json'
/** Marks a hook as ours, so `init --hook` may rewrite it but never someone else's. */
export const HOOK_MARKER = 'whylint commit-msg hook'

export const HOOK_SCRIPT = `#!/bin/sh
# ${HOOK_MARKER}: written by \`whylint init --hook\`. Checks the commit message before git
# records it; \`git commit --no-verify\` skips it once. Delete this file to remove the hook.
exec npx --no-install whylint commit-msg "$1"
`

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** A config file already in this folder (package.json counts only with a `whylint` key). */
async function existingConfig(folder: string): Promise<string | undefined> {
  for (const name of CONFIG_FILES) {
    const path = join(folder, name)
    if (name === 'package.json') {
      const text = await readFile(path, 'utf8').catch(() => undefined)
      if (text !== undefined && /"whylint"\s*:/.test(text)) return name
    } else if (await exists(path)) return name
  }
  return undefined
}

export function starterConfig(schema: string): Config & {$schema: string} {
  return {$schema: schema, rules: Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity]))}
}

export async function runInit(args: InitArgs, io: Io): Promise<number> {
  const existing = await existingConfig(io.cwd)
  if (existing) {
    note(io, existing, 'a config already exists here; left unchanged')
  } else {
    // Point at the installed schema when there is one (works offline), else at the published one.
    const schema = (await exists(join(io.cwd, LOCAL_SCHEMA))) ? `./${LOCAL_SCHEMA}` : SCHEMA_URL
    const path = join(io.cwd, '.whylintrc.json')
    try {
      await writeFile(path, `${JSON.stringify(starterConfig(schema), null, 2)}\n`, {flag: 'wx'})
    } catch (error) {
      note(io, '.whylintrc.json', `error: cannot write: ${describeError(error)}`)
      return EXIT_FINDINGS
    }
    io.stdout.write(`Wrote .whylintrc.json with ${RULES.length} rule${RULES.length === 1 ? '' : 's'} at their default severity\n`)
  }
  return args.hook ? installHook(io) : EXIT_OK
}

async function installHook(io: Io): Promise<number> {
  const repo = await findRepo(io.cwd)
  if (!repo) {
    note(io, undefined, 'error: not inside a git repository; no hook installed')
    return EXIT_FINDINGS
  }
  const hooksPath = await readGitConfig(repo, 'core.hooksPath')
  const folder = hooksPath ? resolve(repo.root, hooksPath.replace(/^~(?=\/)/, io.env.HOME ?? '~')) : join(repo.commonDir, 'hooks')
  const hook = join(folder, 'commit-msg')
  const shown = displayPath(io.cwd, hook)
  const current = await readFile(hook, 'utf8').catch(() => undefined)
  if (current !== undefined && !current.includes(HOOK_MARKER)) {
    note(io, shown, 'error: a commit-msg hook already exists and was not written by whylint; left unchanged. Add `npx --no-install whylint commit-msg "$1"` to it yourself')
    return EXIT_FINDINGS
  }
  try {
    await mkdir(folder, {recursive: true})
    await writeFile(hook, HOOK_SCRIPT, {mode: 0o755})
    await chmod(hook, 0o755)
  } catch (error) {
    note(io, shown, `error: cannot write the hook: ${describeError(error)}`)
    return EXIT_FINDINGS
  }
  io.stdout.write(`${current === undefined ? 'Installed' : 'Updated'} the commit-msg hook in ${relative(io.cwd, hook) || hook}\n`)
  return EXIT_OK
}
