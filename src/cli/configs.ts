// Config lookup for the CLI: the engine's resolver with a node:fs host, cached per folder, or
// the one file named by `--config`.

import {readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {ConfigError, configuredKind, inferKind, isIgnored, loadConfigFile, resolveConfig, type ConfigHost, type Kind, type ResolvedConfig} from '../engine/api.js'
import {describeError} from './read.js'
import {DEFAULT_MAX_FILE_SIZE} from './read.js'

export const nodeHost: ConfigHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined
      throw new ConfigError(`Cannot read config file ${path}: ${describeError(error)}`, path)
    }
  },
}

export class Configs {
  private readonly byFolder = new Map<string, Promise<ResolvedConfig>>()
  private readonly fixed: Promise<ResolvedConfig> | undefined

  /** `configPath`: the `--config` file, used for every file instead of looking upwards. */
  constructor(cwd: string, configPath?: string) {
    this.fixed = configPath === undefined ? undefined : loadConfigFile(resolve(cwd, configPath), nodeHost)
    // Reported when awaited; keep an early rejection from counting as unhandled.
    this.fixed?.catch(() => undefined)
  }

  forFile(path: string): Promise<ResolvedConfig> {
    if (this.fixed) return this.fixed
    const folder = dirname(path)
    let found = this.byFolder.get(folder)
    if (!found) {
      found = resolveConfig(join(folder, '_'), nodeHost)
      this.byFolder.set(folder, found)
    }
    return found
  }
}

/** The kind a file is linted as: `--kind`, then the config's `kinds` globs, then its name. */
export function kindOf(resolved: ResolvedConfig, path: string, forced?: Kind | undefined): Kind | undefined {
  return forced ?? configuredKind(resolved, path) ?? inferKind(path)
}

export function maxFileSizeOf(resolved: ResolvedConfig): number {
  return resolved.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE
}

export {isIgnored}
