// whylint's public API: `import {lint} from 'whylint'`.

export {analyze, lint, WhylintError, type Analysis} from './lint.js'
export {
  ConfigError,
  configuredKind,
  isIgnored,
  loadConfigFile,
  parseConfigText,
  resolveConfig,
  validateConfig,
  CONFIG_FILES,
  type ConfigHost,
  type ResolvedConfig,
} from './config.js'
export {applyEdits, preferredEdits} from './fixes.js'
export {inferKind} from './kinds.js'
export {languageFor, LANGUAGES, CODE_EXTENSIONS} from './languages.js'
export {RULES} from './rules/index.js'
export {judge, DETECTOR_NAMES} from './judge.js'
export type {Config, Detector, Edit, Finding, Fix, JudgeOptions, Judgement, Kind, LintOptions, RuleSetting, Severity} from './types.js'
