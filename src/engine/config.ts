// One config resolver for the CLI and the editor. Config is data (JSON or YAML), never code:
// untrusted workspaces are safe. File access is injected, so this module stays pure.

import leven from 'leven'
import picomatch from 'picomatch/posix'
import {parse as parseYaml} from 'yaml'
import type {AnyRule} from './rule.js'
import {RULES} from './rules/index.js'
import {KINDS, SEVERITIES, type Config, type Kind, type RuleSetting, type Severity} from './types.js'

export const CONFIG_FILES = ['.whylintrc.json', '.whylintrc.yaml', '.whylintrc.yml', 'package.json'] as const

export interface ConfigProblem {
  /** Dotted key path, e.g. `rules.readability`. */
  key: string
  message: string
}

/** Read access the resolver needs; `undefined` means the file does not exist. */
export interface ConfigHost {
  readFile(path: string): Promise<string | undefined>
}

export interface ResolvedConfig {
  config: Config
  /** The file it came from, or undefined when none was found (defaults apply). */
  path?: string
  /** The folder globs in the config are relative to. */
  root?: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
  constructor(
    message: string,
    readonly path: string | undefined,
    readonly problems: ConfigProblem[] = [],
  ) {
    super(message)
  }
}

const TOP_KEYS = ['$schema', 'rules', 'ignore', 'kinds', 'commit', 'maxFileSize', 'templates']

function closest(name: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate) => ({candidate, distance: leven(name.toLowerCase(), candidate.toLowerCase())}))
    .filter(({distance, candidate}) => distance <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({candidate}) => candidate)
}

function didYouMean(name: string, candidates: readonly string[]): string {
  const near = closest(name, candidates)
  return near.length > 0 ? `; did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : ''
}

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((rule) => rule.id === id)
}

/** Check a config object; returns every problem, each naming its key. */
export function validateConfig(config: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = []
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return [{key: '', message: 'Expected the config to be an object'}]
  }
  const record = config as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!TOP_KEYS.includes(key)) problems.push({key, message: `Unknown key \`${key}\`${didYouMean(key, TOP_KEYS)}`})
  }
  if (record.rules !== undefined) {
    if (typeof record.rules !== 'object' || record.rules === null || Array.isArray(record.rules)) {
      problems.push({key: 'rules', message: 'Expected `rules` to be an object of rule ids'})
    } else {
      const ids = RULES.map((rule) => rule.id)
      for (const [id, setting] of Object.entries(record.rules as Record<string, unknown>)) {
        const rule = ruleById(id)
        if (!rule) {
          problems.push({key: `rules.${id}`, message: `Unknown rule \`${id}\`${didYouMean(id, ids)}`})
          continue
        }
        problems.push(...validateSetting(rule, setting))
      }
    }
  }
  if (record.ignore !== undefined && !isStringArray(record.ignore)) {
    problems.push({key: 'ignore', message: 'Expected `ignore` to be an array of glob strings'})
  }
  if (record.kinds !== undefined) {
    if (typeof record.kinds !== 'object' || record.kinds === null || Array.isArray(record.kinds)) {
      problems.push({key: 'kinds', message: 'Expected `kinds` to map a kind to an array of globs'})
    } else {
      for (const [kind, globs] of Object.entries(record.kinds as Record<string, unknown>)) {
        if (!KINDS.includes(kind as Kind)) problems.push({key: `kinds.${kind}`, message: `Unknown kind \`${kind}\`${didYouMean(kind, KINDS)}`})
        else if (!isStringArray(globs)) problems.push({key: `kinds.${kind}`, message: `Expected \`kinds.${kind}\` to be an array of glob strings`})
      }
    }
  }
  if (record.commit !== undefined) {
    const commit = record.commit as Record<string, unknown>
    if (typeof commit !== 'object' || commit === null) problems.push({key: 'commit', message: 'Expected `commit` to be an object'})
    else {
      for (const key of Object.keys(commit)) {
        if (key !== 'commentChar') problems.push({key: `commit.${key}`, message: `Unknown key \`commit.${key}\`${didYouMean(key, ['commentChar'])}`})
      }
      if (commit.commentChar !== undefined && (typeof commit.commentChar !== 'string' || commit.commentChar.length !== 1)) {
        problems.push({key: 'commit.commentChar', message: 'Expected `commit.commentChar` to be a single character'})
      }
    }
  }
  if (record.maxFileSize !== undefined && (typeof record.maxFileSize !== 'number' || !(record.maxFileSize > 0))) {
    problems.push({key: 'maxFileSize', message: 'Expected `maxFileSize` to be a positive number of bytes'})
  }
  if (record.templates !== undefined) {
    if (!Array.isArray(record.templates)) problems.push({key: 'templates', message: 'Expected `templates` to be an array'})
    else {
      record.templates.forEach((template: unknown, index) => {
        const t = template as Record<string, unknown>
        if (typeof t !== 'object' || t === null || typeof t.name !== 'string' || typeof t.body !== 'string') {
          problems.push({key: `templates.${index}`, message: `Expected \`templates[${index}]\` to have a string \`name\` and \`body\``})
        }
      })
    }
  }
  return problems
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function validateSetting(rule: AnyRule, setting: unknown): ConfigProblem[] {
  const key = `rules.${rule.id}`
  const severity = Array.isArray(setting) ? setting[0] : setting
  const problems: ConfigProblem[] = []
  if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
    const shown = typeof severity === 'string' ? `\`${severity}\`` : JSON.stringify(severity)
    problems.push({
      key,
      message: `Invalid severity ${shown} for \`${rule.id}\`: expected one of ${SEVERITIES.join(', ')}${typeof severity === 'string' ? didYouMean(severity, SEVERITIES) : ''}`,
    })
  }
  if (Array.isArray(setting)) {
    if (setting.length > 2) problems.push({key, message: `Expected \`[severity, options]\` for \`${rule.id}\``})
    const options = setting[1]
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        problems.push({key, message: `Expected the options of \`${rule.id}\` to be an object`})
      } else {
        const specs = (rule.options ?? {}) as Record<string, import('./rule.js').OptionSpec>
        const names = Object.keys(specs)
        for (const [name, value] of Object.entries(options)) {
          const spec = specs[name]
          if (!spec) {
            problems.push({
              key: `${key}.${name}`,
              message: `Unknown option \`${name}\` for \`${rule.id}\`${names.length > 0 ? didYouMean(name, names) || `; options are ${names.map((n) => `\`${n}\``).join(', ')}` : ': it takes no options'}`,
            })
            continue
          }
          const error = checkOption(spec, value)
          if (error) problems.push({key: `${key}.${name}`, message: `Invalid option \`${name}\` for \`${rule.id}\`: ${error}`})
        }
      }
    }
  }
  return problems
}

function checkOption(spec: import('./rule.js').OptionSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || Number.isNaN(value) || (spec.type === 'integer' && !Number.isInteger(value))) return `expected ${spec.type === 'integer' ? 'an integer' : 'a number'}`
      if (spec.minimum !== undefined && value < spec.minimum) return `expected at least ${spec.minimum}`
      if (spec.maximum !== undefined && value > spec.maximum) return `expected at most ${spec.maximum}`
      return undefined
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false'
    case 'string':
      if (typeof value !== 'string') return 'expected a string'
      if (spec.enum && !spec.enum.includes(value)) return `expected one of ${spec.enum.join(', ')}`
      return undefined
    case 'string[]':
      return isStringArray(value) ? undefined : 'expected an array of strings'
  }
}

export interface ActiveRule {
  rule: AnyRule
  severity: Exclude<Severity, 'off'>
  options: Record<string, unknown>
}

/** The rules that run on `kind` under `config`, with their severity and merged options. */
export function resolveRules(config: Config, kind: Kind): ActiveRule[] {
  const active: ActiveRule[] = []
  for (const rule of RULES) {
    if (!rule.targets.includes(kind)) continue
    const setting: RuleSetting | undefined = config.rules?.[rule.id]
    const severity = setting === undefined ? rule.defaultSeverity : Array.isArray(setting) ? setting[0] : setting
    if (severity === 'off') continue
    const options = Array.isArray(setting) && setting[1] ? {...rule.defaults, ...setting[1]} : {...rule.defaults}
    active.push({rule, severity, options})
  }
  return active
}

/** Parse config file text; `name` picks the format and names the file in errors. */
export function parseConfigText(text: string, path: string): Config | undefined {
  const name = path.replace(/^.*[\\/]/, '')
  let data: unknown
  try {
    data = name.endsWith('.yaml') || name.endsWith('.yml') ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`Cannot parse ${path}: ${(error as Error).message.split('\n')[0]}`, path)
  }
  if (name === 'package.json') {
    if (typeof data !== 'object' || data === null) return undefined
    data = (data as Record<string, unknown>).whylint
    if (data === undefined) return undefined
  }
  if (data === null || data === undefined) data = {}
  const problems = validateConfig(data)
  if (problems.length > 0) {
    throw new ConfigError(problems.map((problem) => `${path}: ${problem.key ? `${problem.key}: ` : ''}${problem.message}`).join('\n'), path, problems)
  }
  return data as Config
}

function dirname(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return index <= 0 ? (index === 0 ? path.slice(0, 1) : '.') : path.slice(0, index)
}

/**
 * Find the config for a file by walking up from its folder: the first folder holding
 * `.whylintrc.json`, `.whylintrc.yaml`/`.yml` or a package.json with a `whylint` key wins.
 * Paths use `/` (or `\` on Windows); the host reads them.
 */
export async function resolveConfig(filePath: string, host: ConfigHost, stopAt?: string): Promise<ResolvedConfig> {
  let folder = dirname(filePath)
  const seen = new Set<string>()
  while (!seen.has(folder)) {
    seen.add(folder)
    for (const name of CONFIG_FILES) {
      const candidate = folder.endsWith('/') || folder.endsWith('\\') ? `${folder}${name}` : `${folder}/${name}`
      const text = await host.readFile(candidate)
      if (text === undefined) continue
      const config = parseConfigText(text, candidate)
      if (config) return {config, path: candidate, root: folder}
    }
    if (stopAt !== undefined && folder === stopAt) break
    const parent = dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  return {config: {}}
}

/** Load one named config file (the CLI's `--config`, the editor's config path setting). */
export async function loadConfigFile(path: string, host: ConfigHost): Promise<ResolvedConfig> {
  const text = await host.readFile(path)
  if (text === undefined) throw new ConfigError(`Cannot read config file ${path}`, path)
  return {config: parseConfigText(text, path) ?? {}, path, root: dirname(path)}
}

function relativeTo(root: string | undefined, filePath: string): string {
  const normal = filePath.replace(/\\/g, '/')
  if (!root) return normal
  const base = root.replace(/\\/g, '/').replace(/\/$/, '')
  return normal.startsWith(`${base}/`) ? normal.slice(base.length + 1) : normal
}

/** Whether the config's `ignore` globs exclude this file. */
export function isIgnored(resolved: ResolvedConfig, filePath: string): boolean {
  const globs = resolved.config.ignore
  if (!globs || globs.length === 0) return false
  return picomatch(globs, {dot: true})(relativeTo(resolved.root, filePath))
}

/** The kind the config's `kinds` globs give this file, if any. */
export function configuredKind(resolved: ResolvedConfig, filePath: string): Kind | undefined {
  const kinds = resolved.config.kinds
  if (!kinds) return undefined
  const relative = relativeTo(resolved.root, filePath)
  for (const kind of KINDS) {
    const globs = kinds[kind]
    if (globs && globs.length > 0 && picomatch(globs, {dot: true})(relative)) return kind
  }
  return undefined
}
