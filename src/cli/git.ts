// The little of git the CLI needs, read straight from the files (no `git` process): where the
// repository is, and two settings from its config (`core.commentChar`, `core.hooksPath`).

import {readFile, stat} from 'node:fs/promises'
import {dirname, isAbsolute, join, resolve} from 'node:path'

export interface GitRepo {
  /** The working tree's top folder (holds `.git`). */
  root: string
  /** The git directory (`.git`, or where a `.git` file points for worktrees and submodules). */
  gitDir: string
  /** Where the shared config and hooks live (differs from gitDir in a linked worktree). */
  commonDir: string
}

async function exists(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path)
    return info.isDirectory() ? 'dir' : 'file'
  } catch {
    return undefined
  }
}

/** The repository holding `start`, looking upwards; undefined outside a repository. */
export async function findRepo(start: string): Promise<GitRepo | undefined> {
  let folder = resolve(start)
  for (;;) {
    const dotGit = join(folder, '.git')
    const type = await exists(dotGit)
    if (type === 'dir') return {root: folder, gitDir: dotGit, commonDir: await commonDirOf(dotGit)}
    if (type === 'file') {
      // The path is trimmed after the match, so no `\s*` competes with it for blanks.
      const match = /^gitdir:(.*)$/m.exec(await readFile(dotGit, 'utf8').catch(() => ''))
      const path = match?.[1]!.trim()
      if (path) {
        const gitDir = isAbsolute(path) ? path : resolve(folder, path)
        return {root: folder, gitDir, commonDir: await commonDirOf(gitDir)}
      }
    }
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

async function commonDirOf(gitDir: string): Promise<string> {
  const text = await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => undefined)
  if (!text || text.trim() === '') return gitDir
  const common = text.trim()
  return isAbsolute(common) ? common : resolve(gitDir, common)
}

/**
 * One value from a git config file's text (`section.key`, no subsections), the last one set
 * winning as in git. Handles quotes, `\` escapes and `#`/`;` comments; not includes.
 */
export function gitConfigValue(text: string, name: string): string | undefined {
  const dot = name.lastIndexOf('.')
  const wantSection = name.slice(0, dot).toLowerCase()
  const wantKey = name.slice(dot + 1).toLowerCase()
  let section = ''
  let found: string | undefined
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    const header = /^\[\s*([A-Za-z0-9.-]+)(\s+"[^"]*")?\s*\](.*)$/.exec(line)
    if (header) {
      // A subsection (`[remote "origin"]`) never matches the plain sections asked for here.
      section = header[2] === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()} ${header[2].trim()}`
      line = header[3]!.trim()
      if (line === '') continue
    }
    // Spaces around the value are trimmed after the match, so no two `\s*` compete for them.
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=(.*))?$/.exec(line)
    if (!entry || section !== wantSection || entry[1]!.toLowerCase() !== wantKey) continue
    found = entry[2] === undefined ? 'true' : unquote(entry[2].trimStart())
  }
  return found
}

function unquote(value: string): string {
  let result = ''
  let quoted = false
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    if (char === '"') quoted = !quoted
    else if (char === '\\' && index + 1 < value.length) {
      const next = value[++index]!
      result += next === 'n' ? '\n' : next === 't' ? '\t' : next
    } else if (!quoted && (char === '#' || char === ';')) break
    else result += char
  }
  return quoted ? result : result.trim()
}

export async function readGitConfig(repo: GitRepo, name: string): Promise<string | undefined> {
  const text = await readFile(join(repo.commonDir, 'config'), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : gitConfigValue(text, name)
}

// The characters git tries, in order, for `core.commentChar=auto`.
const AUTO_CANDIDATES = '#;@!$%^&|:'

/**
 * The comment character git used for this message: `core.commentChar` from the repository's
 * config, else `#`. For `auto` git picked a character no line of the message started with and
 * then appended its help text as comments, so the message's last non-blank line tells which.
 * Multi-character comment strings (newer git) are not supported and fall back to `#`.
 */
export function commentCharFor(setting: string | undefined, message: string): string {
  if (setting === undefined || setting === '') return '#'
  if (setting === 'auto') {
    const last = message.split(/\r?\n|\r/).filter((line) => line.trim() !== '').pop() ?? ''
    return AUTO_CANDIDATES.includes(last[0] ?? '') ? last[0]! : '#'
  }
  return [...setting].length === 1 ? setting : '#'
}
