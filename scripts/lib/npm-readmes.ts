// Real READMEs of npm packages, labelled by hand, for evaluating readme-why (never for training:
// trained on, they lowered cross-validated macro-F1 on Prana's READMEs from 0.744 to 0.720-0.733
// and did not raise it on their own). Twelve sets, all described in test/data/readme-why-npm:
// `labels.jsonl`, READMEs of packages installed in node_modules, and `blind.jsonl` to
// `blind-11.jsonl`, READMEs of other packages, labelled before the detector judged them and
// fetched by `npm run fetch-readmes`.

import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

export const INSTALLED_LABELS = 'test/data/readme-why-npm/labels.jsonl'
/** The blind sets, in the order they were labelled: `blind.jsonl`, `blind-2.jsonl`, … `blind-11.jsonl`. */
export const BLIND_SETS: readonly string[] = ['blind.jsonl', ...Array.from({length: 10}, (_, index) => `blind-${index + 2}.jsonl`)].map((name) => `test/data/readme-why-npm/${name}`)
export const README_CACHE = '.cache/readmes'

export interface NpmLabel {
  package: string
  version: string
  /** The first hex digits of the README's SHA-256, as labelled. */
  sha256: string
  label: 'present' | 'missing'
  /** False where a second reader could reasonably disagree. */
  sure: boolean
  /** Installed set only: the README's path under node_modules. */
  file?: string
}

export interface NpmReadme {
  package: string
  text: string
  why: boolean
  sure: boolean
}

export function readLabels(path: string): NpmLabel[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as NpmLabel)
}

/** Where `npm run fetch-readmes` keeps a package's README. */
export function cachedReadme(name: string, version: string): string {
  return join(README_CACHE, `${name.replace('/', '__')}@${version}.md`)
}

/** The labelled READMEs that are there and unchanged; the others (not installed or fetched, or changed) by name. */
export function npmReadmes(path: string): {readmes: NpmReadme[]; stale: string[]} {
  const readmes: NpmReadme[] = []
  const stale: string[] = []
  for (const label of readLabels(path)) {
    const file = label.file ?? cachedReadme(label.package, label.version)
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined
    if (text === undefined || createHash('sha256').update(text).digest('hex').slice(0, label.sha256.length) !== label.sha256) {
      stale.push(label.package)
      continue
    }
    readmes.push({package: label.package, text, why: label.label === 'present', sure: label.sure})
  }
  return {readmes, stale}
}
