// Turn a text of a given kind into a source document.

import type {Kind} from '../types.js'
import {parseCode} from './code/index.js'
import {parseCommit} from './commit.js'
import {parseMarkdown} from './markdown.js'
import type {SourceDocument} from './types.js'

export interface SourceOptions {
  languageId?: string
  filePath?: string
  /** Commit messages: lines starting with this are comments. */
  commentChar: string
  /** Sources that parse in pieces stop at this time (`now()` clock) and say what they skipped. */
  deadline?: number
  now?: () => number
}

export function parseSource(text: string, kind: Kind, options: SourceOptions): SourceDocument {
  switch (kind) {
    case 'readme':
    case 'markdown':
    case 'review':
      return parseMarkdown(text, kind, {...(options.deadline === undefined ? {} : {deadline: options.deadline}), ...(options.now ? {now: options.now} : {})})
    case 'commit':
      return parseCommit(text, options.commentChar)
    case 'code':
      return parseCode(text, options.languageId, options.filePath)
  }
}
