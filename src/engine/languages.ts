// Which code languages the engine reads comments in, by VS Code language id and file extension.

/** Comment-syntax families: each has one scanner in `sources/code`. */
export type LanguageFamily = 'c-like' | 'python' | 'ruby' | 'shell'

export interface Language {
  /** VS Code language id. */
  id: string
  family: LanguageFamily
  extensions: string[]
}

export const LANGUAGES: readonly Language[] = [
  {id: 'typescript', family: 'c-like', extensions: ['.ts', '.mts', '.cts']},
  {id: 'typescriptreact', family: 'c-like', extensions: ['.tsx']},
  {id: 'javascript', family: 'c-like', extensions: ['.js', '.mjs', '.cjs']},
  {id: 'javascriptreact', family: 'c-like', extensions: ['.jsx']},
  {id: 'java', family: 'c-like', extensions: ['.java']},
  {id: 'csharp', family: 'c-like', extensions: ['.cs']},
  {id: 'go', family: 'c-like', extensions: ['.go']},
  {id: 'rust', family: 'c-like', extensions: ['.rs']},
  {id: 'c', family: 'c-like', extensions: ['.c', '.h']},
  {id: 'cpp', family: 'c-like', extensions: ['.cpp', '.cc', '.cxx', '.hpp', '.hh', '.hxx']},
  {id: 'objective-c', family: 'c-like', extensions: ['.m']},
  {id: 'objective-cpp', family: 'c-like', extensions: ['.mm']},
  {id: 'kotlin', family: 'c-like', extensions: ['.kt', '.kts']},
  {id: 'swift', family: 'c-like', extensions: ['.swift']},
  {id: 'php', family: 'c-like', extensions: ['.php']},
  {id: 'python', family: 'python', extensions: ['.py', '.pyi']},
  {id: 'ruby', family: 'ruby', extensions: ['.rb']},
  {id: 'shellscript', family: 'shell', extensions: ['.sh', '.bash', '.zsh']},
]

const byId = new Map(LANGUAGES.map((language) => [language.id, language]))
const byExtension = new Map(LANGUAGES.flatMap((language) => language.extensions.map((ext) => [ext, language] as const)))

export function extensionOf(filePath: string): string {
  const base = basename(filePath)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

export function basename(filePath: string): string {
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'))
  return filePath.slice(slash + 1)
}

/** The language for a VS Code language id or, failing that, a file name. */
export function languageFor(languageId?: string, filePath?: string): Language | undefined {
  if (languageId && byId.has(languageId)) return byId.get(languageId)
  if (filePath) return byExtension.get(extensionOf(filePath))
  return undefined
}

export const CODE_EXTENSIONS: readonly string[] = [...byExtension.keys()]
