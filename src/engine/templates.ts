// "Explain the Why" templates: fill-in texts that ask for the reason behind a change, a project or
// a piece of code. Bodies are VS Code snippets (`${1:prompt}` tab stops); `snippetToText` turns one
// into the plain text a CLI fix or an editor without snippet edits writes. Pure: rules share it.

import type {Kind} from './types.js'

export interface WhyTemplate {
  id: string
  name: string
  description: string
  /** Kinds of text the template fits; the picker offers these first. */
  kinds: readonly Kind[]
  /** A snippet: `${n:prompt}` tab stops, `$0` the final cursor. */
  body: string
}

/**
 * The prompts of the README Why section and of the commit body. The rule fixes insert them
 * (`readme-missing-why`, `commit-missing-why`) and "Explain the Why" offers them, so the
 * detectors can tell a template left unfilled from a why written out.
 */
export const README_WHY_LINES: ReadonlyArray<{label: string; prompt: string}> = [
  {label: 'The problem', prompt: '(what goes wrong, or takes too long, without this project)'},
  {label: 'Who has it', prompt: '(the people who run into it)'},
  {label: 'What this does differently', prompt: '(how it solves the problem, and why not an existing tool)'},
]

export const COMMIT_BODY_LINES: ReadonlyArray<{label: string; prompt: string}> = [
  {label: 'Why', prompt: '(the problem this solves, or the need it meets)'},
  {label: 'What changed', prompt: '(the approach, in a sentence or two)'},
  {label: 'Risk', prompt: '(what could break, and how it was verified)'},
]

/** Prompt lines as plain text, or as a snippet whose tab stops select each prompt. */
export function promptLines(lines: ReadonlyArray<{label: string; prompt: string}>, snippet: boolean): string[] {
  return lines.map(({label, prompt}, index) => (snippet ? `${label}: \${${index + 1}:${escapeSnippet(prompt.slice(1, -1))}}` : `${label}: ${prompt}`))
}

// One paragraph per prompt: three lines without end punctuation would read as one long sentence.
export const README_WHY = `## Why\n\n${promptLines(README_WHY_LINES, true).join('\n\n')}\n$0`

export const COMMIT_BODY = `${promptLines(COMMIT_BODY_LINES, true).join('\n\n')}$0`

export const TEMPLATES: readonly WhyTemplate[] = [
  {
    id: 'readme-why',
    name: 'README: Why section',
    description: 'The problem, who has it, and what this project does differently',
    kinds: ['readme', 'markdown'],
    body: README_WHY,
  },
  {
    id: 'commit-body',
    name: 'Commit message body',
    description: 'Why the change was needed, what it does, what could break',
    kinds: ['commit'],
    body: COMMIT_BODY,
  },
  {
    id: 'doc-comment',
    name: 'Rationale comment for the symbol at the cursor',
    description: 'Why this code exists and why it works this way',
    kinds: ['code'],
    // Rendered per language and symbol by `docComment`; this body is the language-free text.
    body: '${1:Why it exists: the problem it solves or the constraint it meets}.\n${2:Why it works this way rather than the obvious alternative}.$0',
  },
  {
    id: 'adr',
    name: 'Architecture decision record',
    description: 'Context, decision and consequences of one decision',
    kinds: ['markdown', 'readme'],
    body: `# \${1:Decision title}

Status: \${2|proposed,accepted,superseded|}

## Context

\${3:The forces at play: the problem, the constraints, what we know and what we assume.}

## Decision

\${4:What we decided, stated in full sentences, and the alternatives we turned down.}

## Consequences

\${5:What becomes easier and what becomes harder; the risks we accept and how we will notice them.}
$0`,
  },
  {
    id: 'pr-description',
    name: 'Pull request description',
    description: 'Why, what changed, how it was tested, what to review closely',
    kinds: ['review', 'markdown'],
    body: `## Why

\${1:The problem or goal behind this change; link the issue.}

## What changed

\${2:The approach, and the alternatives considered.}

## How it was tested

\${3:Tests added or run, manual checks.}

## Risk

\${4:What could break, and what reviewers should look at closely.}
$0`,
  },
  {
    id: 'bug-report',
    name: 'Bug report with full context',
    description: 'Steps, expected, actual, logs and environment',
    kinds: ['markdown', 'review'],
    body: `## Steps to reproduce

1. \${1:First step}
2. \${2:Next step}

## Expected

\${3:What you expected to happen, and why.}

## Actual

\${4:What happened instead.}

## Logs

\`\`\`text
\${5:Error messages, stack traces, relevant log lines}
\`\`\`

## Environment

- Version: \${6:version or commit}
- OS: \${7:operating system and version}
- \${8:Other relevant settings}
$0`,
  },
  {
    id: 'tech-debt',
    name: 'Tech-debt proposal',
    description: 'The debt told as risk and cost, and what paying it off takes',
    kinds: ['markdown', 'review'],
    body: `## Problem

\${1:What is in the way today, with a concrete example.}

## Risk and cost

\${2:What it costs now (time lost, incidents, slower changes) and what it risks if left alone.}

## Proposal

\${3:The change, its size, and how to do it in safe steps.}

## Payoff

\${4:What gets cheaper or safer afterwards, and how we will measure it.}
$0`,
  },
  {
    id: 'review-comment',
    name: 'Constructive review comment',
    description: 'Observation, impact, then a question or alternative, with a Conventional Comments label',
    kinds: ['review', 'markdown'],
    body: '${1|suggestion,issue,question,nitpick,thought,praise,chore|} (${2|non-blocking,blocking|}): ${3:What I noticed}. ${4:Why it matters: what it could cause}. ${5:Could we try an alternative, or what am I missing?}$0',
  },
]

/** A template by id, among the built-ins and the config's own. */
export function templateById(id: string, extra: readonly WhyTemplate[] = []): WhyTemplate | undefined {
  return [...extra, ...TEMPLATES].find((template) => template.id === id)
}

/** Config templates (`templates: [{name, description?, kinds?, body}]`) as `WhyTemplate`s. */
export function configTemplates(templates: ReadonlyArray<{name: string; description?: string; kinds?: Kind[]; body: string}> | undefined): WhyTemplate[] {
  return (templates ?? []).map((template) => ({
    id: `custom:${template.name}`,
    name: template.name,
    description: template.description ?? '',
    kinds: template.kinds ?? [],
    body: template.body,
  }))
}

/** Templates ordered for a place: the ones that fit `kind` first, the others after. */
export function templatesFor(kind: Kind | undefined, extra: readonly WhyTemplate[] = []): WhyTemplate[] {
  const all = [...extra, ...TEMPLATES]
  if (!kind) return all
  const fits = (template: WhyTemplate) => template.kinds.length === 0 || template.kinds.includes(kind)
  return [...all.filter(fits), ...all.filter((template) => !fits(template))]
}

/**
 * Plain text of a snippet: tab stops become their prompt, choices their first option, `$0`/`$n`
 * disappear, escapes are undone.
 */
export function snippetToText(snippet: string): string {
  let out = ''
  for (let index = 0; index < snippet.length; index++) {
    const char = snippet[index]!
    if (char === '\\' && index + 1 < snippet.length && '$}\\|,'.includes(snippet[index + 1]!)) {
      out += snippet[++index]
      continue
    }
    if (char === '$') {
      const simple = /^\$(\d+)/.exec(snippet.slice(index))
      if (simple) {
        index += simple[0].length - 1
        continue
      }
      const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*?)[,|]/.exec(snippet.slice(index))
      if (choice) {
        out += choice[1]!.replace(/\\(.)/g, '$1')
        // Skip to the end of the choice list.
        const close = snippet.indexOf('|}', index + choice[0].length - 1)
        index = close < 0 ? snippet.length : close + 1
        continue
      }
      const open = /^\$\{\d+:/.exec(snippet.slice(index))
      if (open) {
        // The prompt may hold nested tab stops; keep scanning, dropping the matching `}`.
        const prompt = readPrompt(snippet, index + open[0].length)
        out += snippetToText(prompt.text)
        index = prompt.end
        continue
      }
      const empty = /^\$\{\d+\}/.exec(snippet.slice(index))
      if (empty) {
        index += empty[0].length - 1
        continue
      }
    }
    out += char
  }
  return out
}

function readPrompt(snippet: string, start: number): {text: string; end: number} {
  let depth = 1
  for (let index = start; index < snippet.length; index++) {
    const char = snippet[index]
    if (char === '\\') {
      index++
      continue
    }
    if (char === '$' && snippet[index + 1] === '{') {
      depth++
      index++
    } else if (char === '}') {
      depth--
      if (depth === 0) return {text: snippet.slice(start, index), end: index}
    }
  }
  return {text: snippet.slice(start), end: snippet.length}
}

/** Escape text so a snippet inserts it literally. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&')
}

/** Indent every line but the first (snippets are inserted where the first line already is). */
function indentRest(text: string, indent: string): string {
  return text.replace(/\n(?!\n)/g, `\n${indent}`)
}

export type DocCommentStyle = 'jsdoc' | 'triple-slash' | 'go' | 'python' | 'hash'

/** The idiomatic rationale-comment syntax of a VS Code language id. */
export function docCommentStyle(languageId: string): DocCommentStyle {
  switch (languageId) {
    case 'rust':
    case 'csharp':
    case 'swift':
      return 'triple-slash'
    case 'go':
      return 'go'
    case 'python':
      return 'python'
    case 'ruby':
    case 'shellscript':
      return 'hash'
    default:
      return 'jsdoc'
  }
}

export interface DocCommentPlacement {
  /** The snippet to insert (ends with a line break when it goes above the symbol). */
  snippet: string
  /** `above`: insert at the start of the symbol's line; `inside`: at the start of the next line (Python docstrings). */
  where: 'above' | 'inside'
}

/**
 * A rationale comment for `symbol` in a language's doc-comment syntax, naming it. `indent` is the
 * symbol line's indentation (for `inside`, the body's indentation).
 */
export function docComment(languageId: string, symbol: string, indent = ''): DocCommentPlacement {
  const name = escapeSnippet(symbol)
  const why = '${1:the problem it solves or the constraint it meets}'
  const how = '${2:why it works this way rather than the obvious alternative}'
  switch (docCommentStyle(languageId)) {
    case 'triple-slash':
      return {where: 'above', snippet: `${indent}/// Why \`${name}\` exists: ${why}.\n${indent}/// ${how}.$0\n`}
    case 'go':
      return {where: 'above', snippet: `${indent}// ${name} exists because ${why}.\n${indent}// ${how}.$0\n`}
    case 'python':
      return {where: 'inside', snippet: `${indent}"""Why \`${name}\` exists: ${why}.\n\n${indent}${how}.$0\n${indent}"""\n`}
    case 'hash':
      return {where: 'above', snippet: `${indent}# Why \`${name}\` exists: ${why}.\n${indent}# ${how}.$0\n`}
    case 'jsdoc':
      return {where: 'above', snippet: `${indent}/**\n${indent} * Why \`${name}\` exists: ${why}.\n${indent} * ${how}.$0\n${indent} */\n`}
  }
}

/** A template body indented to sit at `indent` (for insertion inside nested text). */
export function indentTemplate(body: string, indent: string): string {
  return indent === '' ? body : indentRest(body, indent)
}

/**
 * Find the symbol a line declares with a cheap pattern (used when no document symbol provider
 * answers): `function name`, `class Name`, `def name`, `fn name`, `func name`, methods `name(...) {`.
 */
export function symbolOnLine(fullLine: string): string | undefined {
  // A declaration names its symbol near the start of its line, so the patterns below are
  // bounded: a longer line (minified code) is cut to its first 1,000 characters first.
  const line = fullLine.slice(0, 1000)
  const patterns = [
    /\b(?:function\*?|class|interface|enum|struct|trait|def|fn|func|module|type|object|protocol|record)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)/,
    /\b(?:const|let|var|val)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]*)?=\s*(?:async\s*)?(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/,
    /^\s*(?:(?:public|private|protected|internal|static|final|abstract|async|override|virtual|export|default|readonly|synchronized|inline|suspend|open)\s+)*(?:[\w<>[\],.?]+\s+)?([A-Za-z_$][\w$]*)\s*\([^;)]*\)\s*(?::[^{]*)?\{?\s*$/,
    /^\s*([A-Za-z_][\w]*)\s*\(\)\s*\{/,
  ]
  // Statements that call something are not declarations: `return open(path).read()`.
  const statement = /^\s*(?:return|throw|await|yield|if|for|while|else|case|new|delete|typeof|echo|print|puts)\b/.test(line)
  for (const [index, pattern] of patterns.entries()) {
    if (statement && index >= 2) break
    const match = pattern.exec(line)
    if (match && !/^(?:if|for|while|switch|catch|return|else|do|try|new)$/.test(match[1]!)) return match[1]
  }
  return undefined
}
