// Which kind a file is, from its name (and the config's `kinds` globs, checked by the caller).

import {basename, extensionOf, languageFor} from './languages.js'
import type {Kind} from './types.js'

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mdx'])
const COMMIT_FILES = new Set(['COMMIT_EDITMSG', 'MERGE_MSG', 'TAG_EDITMSG', 'SQUASH_MSG'])

/** Infer a kind from a file name and VS Code language id; undefined when whylint does not read it. */
export function inferKind(filePath?: string, languageId?: string): Kind | undefined {
  if (languageId === 'git-commit' || languageId === 'scminput') return 'commit'
  if (filePath) {
    const base = basename(filePath)
    if (COMMIT_FILES.has(base)) return 'commit'
    if (MARKDOWN_EXTENSIONS.has(extensionOf(base)) || languageId === 'markdown') {
      if (/^readme(?:\.|$)/i.test(base)) return 'readme'
      if (/(?:^|[\\/])\.github[\\/]/.test(filePath) && /pull_request_template/i.test(filePath)) return 'review'
      return 'markdown'
    }
    if (/^readme$/i.test(base)) return 'readme'
  }
  if (languageId === 'markdown') return 'markdown'
  if (languageFor(languageId, filePath)) return 'code'
  return undefined
}

// LICENSE.md, LICENCE, COPYING.txt, NOTICE, PATENTS, UNLICENSE: legal text, copied word for word.
const LICENCE_FILE = /^(?:un)?licen[cs]e(?:[.-]|$)|^(?:copying|notice|patents)(?:\.|$)/i

// A folder that holds what a generator writes: `generated/`, `__generated__/`, Maven's
// `generated-sources/`, `generated_clients/`.
const GENERATED_FOLDER = /(?:^|[\\/])(?:__generated__|generated(?:[_-][a-z]+)?)[\\/]/i

/** Whether `filePath` lies in a folder of generated code, which its generator rewrites. */
export function isGeneratedPath(filePath?: string): boolean {
  return filePath !== undefined && GENERATED_FOLDER.test(filePath)
}

/** Whether `filePath` names a licence file, whose words nobody may change to please a linter. */
export function isLicenceFile(filePath?: string): boolean {
  return filePath !== undefined && LICENCE_FILE.test(basename(filePath))
}
