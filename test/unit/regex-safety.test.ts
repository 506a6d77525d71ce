// Every regular expression in src/ runs on text that strangers wrote. A ReDoS checker (recheck)
// classifies each one: exponential backtracking always fails the test; polynomial backtracking
// passes only with a comment just above the regex saying why its input is bounded (one line, a
// word, a block already cut to size), containing the word "bounded".
import assert from 'node:assert/strict'
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {check, checkSync} from 'recheck'
import ts from 'typescript'

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures') out.push(...sourceFiles(path))
    } else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

interface Found {
  file: string
  line: number
  pattern: string
  flags: string
}

function regexLiterals(file: string): Found[] {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: Found[] = []
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source)
      const slash = literal.lastIndexOf('/')
      found.push({file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, pattern: literal.slice(1, slash), flags: literal.slice(slash + 1)})
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** What the test needs from one recheck run; kept per pattern so reruns skip the slow checker. */
interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown'
  exponential?: boolean
  summary?: string
  attack?: string
}

// The cache lives in the gitignored .cache/ folder and is keyed by the checker's version, the
// pattern and its flags: a changed regex is a new key, so a cached verdict can never be stale.
// Undecided results are not stored, so a timeout on a busy machine is retried next run.
const cacheFile = join('.cache', 'regex-safety.json')
const checkerVersion = (JSON.parse(readFileSync(join('node_modules', 'recheck', 'package.json'), 'utf8')) as {version: string}).version

function loadCache(): Record<string, Verdict> {
  if (process.env['WHYLINT_REGEX_NO_CACHE'] || !existsSync(cacheFile)) return {}
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, Verdict>
  } catch {
    return {}
  }
}

const keyOf = (pattern: string, flags: string) => `${checkerVersion} /${pattern}/${flags}`

/**
 * The verdict on every pattern not in the cache, one at a time. Two at a time took 70 s instead
 * of 115 s for 600-odd patterns, but the checker's fuzzing, with less time each, then flagged a
 * different pattern in each of two runs. One at a time, two runs agreed, as earlier runs had.
 */
async function checkAll(cache: Record<string, Verdict>, patterns: ReadonlyArray<{pattern: string; flags: string}>): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>()
  const todo = patterns.filter(({pattern, flags}, index) => {
    const key = keyOf(pattern, flags)
    const cached = cache[key]
    if (cached) verdicts.set(key, cached)
    return !cached && patterns.findIndex((other) => keyOf(other.pattern, other.flags) === key) === index
  })
  let next = 0
  const lane = async () => {
    while (next < todo.length) {
      const {pattern, flags} = todo[next++]!
      const result = await check(pattern, flags, {timeout: 10000})
      const found: Verdict =
        result.status === 'vulnerable'
          ? {status: 'vulnerable', exponential: result.complexity.type === 'exponential', summary: result.complexity.summary, attack: result.attack.pattern}
          : {status: result.status}
      const key = keyOf(pattern, flags)
      verdicts.set(key, found)
      if (found.status !== 'unknown') cache[key] = found
    }
  }
  await lane()
  return verdicts
}

/** A comment within the five lines above (or on) the regex's line that says why it is bounded. */
function justified(file: string, line: number): boolean {
  const lines = readFileSync(file, 'utf8').split('\n')
  const window = lines.slice(Math.max(0, line - 6), line).join('\n')
  return /\/\/.*\bbounded\b|\/\*[\s\S]*\bbounded\b|\*.*\bbounded\b/i.test(window)
}

describe('regular expressions in src/', function () {
  this.timeout(300000)
  const all = sourceFiles('src').flatMap(regexLiterals)

  it('finds the regexes', () => {
    assert.ok(all.length > 20, `only ${all.length} regex literals found`)
  })

  it('have no exponential backtracking, and polynomial only where the input is bounded', async () => {
    const problems: string[] = []
    const cache = loadCache()
    const verdicts = await checkAll(cache, all)
    for (const found of all) {
      const result = verdicts.get(keyOf(found.pattern, found.flags))!
      const where = `${found.file}:${found.line} /${found.pattern}/${found.flags}`
      if (result.status === 'vulnerable') {
        if (result.exponential) problems.push(`${where}: exponential (attack ${result.attack})`)
        else if (!justified(found.file, found.line)) problems.push(`${where}: ${result.summary} (attack ${result.attack}), and no comment says why its input is bounded`)
      } else if (result.status === 'unknown' && !justified(found.file, found.line)) {
        problems.push(`${where}: the checker could not decide, and no comment says why it is bounded`)
      }
    }
    mkdirSync(dirname(cacheFile), {recursive: true})
    writeFileSync(cacheFile, JSON.stringify(cache, null, 1))
    assert.deepEqual(problems, [], problems.join('\n'))
  })

  it('tells a catastrophic pattern from a safe one (the check can fail)', () => {
    assert.equal(checkSync('^(a+)+$', '').status, 'vulnerable')
    assert.equal(checkSync('^[a-z]+$', '').status, 'safe')
  })
})
