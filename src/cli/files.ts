// Turning the command line's paths, folders and globs into a list of files. Folders and globs
// honour every `.gitignore` on the way (nested ones included) and never enter `node_modules` or
// `.git`; a file named explicitly is always taken. Nothing outside the working directory is
// read unless `--allow-outside` says so.

import fg from 'fast-glob'
import ignore, {type Ignore} from 'ignore'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {UsageError} from './args.js'
import {describeError} from './read.js'

export interface Candidate {
  path: string
  /** Named on the command line (not found by walking a folder or matching a glob). */
  explicit: boolean
}

export interface Expansion {
  files: Candidate[]
  /** Paths that could not be read, with the reason (an error for that path, exit 1). */
  errors: Array<{path: string; reason: string}>
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git'])

/** Whether `path` lies inside `folder` (or is it): `..` segments are resolved first, so they cannot climb out. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

export function toPosix(path: string): string {
  return path.split(sep).join('/')
}

/** `.gitignore` rules, loaded once per folder and applied the way git applies them. */
export class GitIgnores {
  private readonly perFolder = new Map<string, Promise<Ignore | undefined>>()
  private readonly tops = new Map<string, Promise<string>>()

  constructor(private readonly cwd: string) {}

  private load(folder: string): Promise<Ignore | undefined> {
    let loaded = this.perFolder.get(folder)
    if (!loaded) {
      loaded = readFile(join(folder, '.gitignore'), 'utf8').then(
        (text) => ignore({allowRelativePaths: true}).add(text),
        () => undefined,
      )
      this.perFolder.set(folder, loaded)
    }
    return loaded
  }

  /** The highest folder whose `.gitignore` applies: the repository root, else the working directory. */
  private top(folder: string): Promise<string> {
    let found = this.tops.get(folder)
    if (!found) {
      found = (async () => {
        let current = folder
        for (;;) {
          if (await stat(join(current, '.git')).then(() => true, () => false)) return current
          const parent = dirname(current)
          if (parent === current) return isInside(this.cwd, folder) ? this.cwd : folder
          current = parent
        }
      })()
      this.tops.set(folder, found)
    }
    return found
  }

  /** Whether git would ignore this path. The deepest `.gitignore` with an opinion decides. */
  async ignored(path: string, isDirectory: boolean): Promise<boolean> {
    const top = await this.top(dirname(path))
    const folders: string[] = []
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      folders.push(folder)
      if (folder === top || dirname(folder) === folder) break
    }
    for (const folder of folders) {
      const rules = await this.load(folder)
      if (!rules) continue
      const rel = toPosix(relative(folder, path)) + (isDirectory ? '/' : '')
      const result = rules.test(rel)
      if (result.unignored) return false
      if (result.ignored) return true
    }
    return false
  }
}

async function walk(folder: string, ignores: GitIgnores, accept: (path: string) => Promise<boolean>, out: string[]): Promise<void> {
  const entries = await readdir(folder, {withFileTypes: true})
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue
    const path = join(folder, entry.name)
    // Symbolic links are not followed: they may loop or lead out of the tree.
    if (entry.isDirectory()) {
      if (!(await ignores.ignored(path, true))) await walk(path, ignores, accept, out)
    } else if (entry.isFile() && !(await ignores.ignored(path, false)) && (await accept(path))) {
      out.push(path)
    }
  }
}

export interface ExpandOptions {
  cwd: string
  allowOutside: boolean
  /** Whether a file found in a folder or by a glob is one whylint reads (and its config does not ignore). */
  accept(path: string): Promise<boolean>
}

function outside(input: string): UsageError {
  return new UsageError(`\`${input}\` is outside the working directory; pass \`--allow-outside\` to lint it`)
}

export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<Expansion> {
  const {cwd} = options
  const ignores = new GitIgnores(cwd)
  const files: Candidate[] = []
  const errors: Expansion['errors'] = []
  const seen = new Set<string>()
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return
    seen.add(path)
    files.push({path, explicit})
  }
  const checkInside = async (input: string, path: string) => {
    if (options.allowOutside) return
    // Follow symbolic links too: a link inside the folder may point out of it.
    const real = await realpath(path).catch(() => path)
    const realCwd = await realpath(cwd).catch(() => cwd)
    if (!isInside(cwd, path) || !isInside(realCwd, real)) throw outside(input)
  }

  for (const input of inputs) {
    const path = resolve(cwd, input)
    let info: Awaited<ReturnType<typeof stat>> | undefined
    try {
      info = await stat(path)
    } catch (error) {
      if (fg.isDynamicPattern(input)) {
        await expandGlob(input, options, ignores, add)
        continue
      }
      if (!options.allowOutside && !isInside(cwd, path)) throw outside(input)
      errors.push({path, reason: describeError(error)})
      continue
    }
    await checkInside(input, path)
    if (info.isDirectory()) {
      const found: string[] = []
      await walk(path, ignores, options.accept, found)
      for (const file of found) add(file, false)
    } else {
      add(path, true)
    }
  }
  return {files, errors}
}

async function expandGlob(pattern: string, options: ExpandOptions, ignores: GitIgnores, add: (path: string, explicit: boolean) => void): Promise<void> {
  const {cwd} = options
  const matches = await fg(toPosix(pattern), {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  })
  if (matches.length === 0) throw new UsageError(`No files match the pattern \`${pattern}\``)
  matches.sort()
  const realCwd = await realpath(cwd).catch(() => cwd)
  for (const match of matches) {
    const path = resolve(match)
    if (!options.allowOutside) {
      const real = await realpath(path).catch(() => path)
      if (!isInside(cwd, path) || !isInside(realCwd, real)) throw outside(pattern)
    }
    if (await ignores.ignored(path, false)) continue
    if (!(await options.accept(path))) continue
    add(path, false)
  }
}
