// Hostile input: whatever people point whylint at, it must not throw, must report only inside
// the text, must give the same answer twice, must finish, and its fixes must touch only what
// they name. Inputs are generated from a seeded PRNG, so a failure reproduces.
import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {analyze, clearCaches} from '../../src/engine/lint.js'
import {applyEdits} from '../../src/engine/fixes.js'
import type {Finding, LintOptions} from '../../src/engine/types.js'
import {random} from '../../scripts/lib/logreg.js'

export const SHARED = process.env.WHYLINT_SHARED ?? join(process.cwd(), '..', 'shared')
const CORPUS_MD = join(SHARED, 'corpus', 'md')

/** Every invariant at once; returns the findings for further checks. */
export function checkInvariants(text: string, options: LintOptions): Finding[] {
  const first = analyze(text, options).findings
  for (const finding of first) {
    assert.ok(
      Number.isInteger(finding.offset) && finding.offset >= 0 && finding.offset <= finding.endOffset && finding.endOffset <= text.length,
      `${finding.ruleId}: range ${finding.offset}-${finding.endOffset} outside a text of ${text.length}`,
    )
    assert.ok(finding.line >= 1 && finding.column >= 1 && finding.endLine >= finding.line)
    for (const fix of finding.fixes ?? []) {
      for (const edit of fix.edits) {
        assert.ok(edit.offset >= 0 && edit.offset <= edit.endOffset && edit.endOffset <= text.length, `${finding.ruleId}: fix edit outside the text`)
        // A fix may insert anywhere (a template below the subject), but it replaces or deletes
        // only text inside its own finding.
        if (edit.endOffset > edit.offset) {
          assert.ok(
            edit.offset >= finding.offset && edit.endOffset <= finding.endOffset,
            `${finding.ruleId}: fix "${fix.title}" replaces ${edit.offset}-${edit.endOffset}, outside its finding ${finding.offset}-${finding.endOffset}`,
          )
        }
      }
      // Applying the fix changes nothing outside its edits.
      const applied = applyEdits(text, fix.edits)
      const first = Math.min(...fix.edits.map((edit) => edit.offset))
      const last = Math.max(...fix.edits.map((edit) => edit.endOffset))
      assert.equal(applied.text.slice(0, first), text.slice(0, first))
      assert.equal(applied.text.slice(applied.text.length - (text.length - last)), text.slice(last))
    }
  }
  clearCaches()
  const second = analyze(text, options).findings
  assert.deepEqual(second, first, 'the same text gave different findings')
  return first
}

const TOKENS = ['`', '```', '\n```\n', '#', '# ', '*', '**', '[', ']', '(', '<', '<!--', '-->', '>', '\r', '\r\n', '\u0000', '\ud800', '\udc00', '\ufeff', '\n\n', '    ', '|', '- ', '1. ', '\\', '&amp;', '$$', '~~~']

function mutate(text: string, next: () => number, count: number): string {
  let out = text
  for (let index = 0; index < count; index++) {
    const at = Math.floor(next() * (out.length + 1))
    const token = TOKENS[Math.floor(next() * TOKENS.length)]!
    out = next() < 0.8 ? out.slice(0, at) + token + out.slice(at) : out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 5))
  }
  return out
}

describe('robustness', function () {
  this.timeout(120000)

  const corpus = existsSync(CORPUS_MD)
    ? readdirSync(CORPUS_MD)
        .filter((name) => name.endsWith('.md') && statSync(join(CORPUS_MD, name)).size <= 32 * 1024)
        .sort()
    : []

  it('finds the corpus', () => {
    assert.ok(corpus.length >= 10, `expected the Markdown corpus at ${CORPUS_MD}`)
  })

  it('keeps every fix inside what it names, on the whole corpus as it is', () => {
    let documents = 0
    let fixes = 0
    for (const name of existsSync(CORPUS_MD) ? readdirSync(CORPUS_MD).filter((entry) => entry.endsWith('.md')).sort() : []) {
      const text = readFileSync(join(CORPUS_MD, name), 'utf8')
      const findings = checkInvariants(text, {kind: /readme/i.test(name) ? 'readme' : 'markdown', filePath: name, config: {rules: {'analysis-limit': ['info', {budgetMs: 60000}]}}})
      fixes += findings.reduce((sum, finding) => sum + (finding.fixes?.length ?? 0), 0)
      documents++
    }
    const commits = join(SHARED, 'corpus', 'commits', 'commits.jsonl')
    if (existsSync(commits)) {
      for (const line of readFileSync(commits, 'utf8').split('\n').filter(Boolean)) {
        const findings = checkInvariants((JSON.parse(line) as {text: string}).text, {kind: 'commit'})
        fixes += findings.reduce((sum, finding) => sum + (finding.fixes?.length ?? 0), 0)
        documents++
      }
    }
    assert.ok(documents >= 2000, `${documents} documents`)
    assert.ok(fixes > 100, `only ${fixes} fixes offered: the check would be empty`)
  })

  it('survives random mutations of real documents', () => {
    const next = random(2026)
    let tried = 0
    for (const name of corpus) {
      const text = readFileSync(join(CORPUS_MD, name), 'utf8')
      for (let round = 0; round < 2; round++) {
        const mutant = mutate(text, next, 25)
        checkInvariants(mutant, {kind: /readme/i.test(name) ? 'readme' : 'markdown', filePath: name})
        tried++
      }
    }
    assert.ok(tried >= 20)
  })

  it('survives random bytes as every kind', () => {
    const next = random(7)
    const decoder = new TextDecoder('utf-8', {fatal: false})
    const kinds: LintOptions[] = [
      {kind: 'markdown'},
      {kind: 'readme'},
      {kind: 'review'},
      {kind: 'commit'},
      {kind: 'code', languageId: 'typescript'},
      {kind: 'code', languageId: 'python'},
      {kind: 'code', languageId: 'rust'},
      {kind: 'code', languageId: 'ruby'},
      {kind: 'code', languageId: 'shellscript'},
    ]
    for (let round = 0; round < 20; round++) {
      const bytes = new Uint8Array(1024 + Math.floor(next() * 2048))
      for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(next() * 256)
      const text = decoder.decode(bytes)
      for (const options of kinds) checkInvariants(text, options)
    }
  })

  it('handles pathological shapes', () => {
    const cases: Array<[string, string, LintOptions]> = [
      ['deep blockquotes', `${'>'.repeat(5000)} deep\n`, {kind: 'markdown'}],
      ['deep lists', `${Array.from({length: 2000}, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n`, {kind: 'markdown'}],
      ['no spaces', 'a'.repeat(300 * 1024), {kind: 'markdown'}],
      ['one long line', 'This is a sentence that goes on. '.repeat(32 * 1024), {kind: 'markdown'}],
      ['CRLF', 'Title\r\n=====\r\n\r\nSome text here.\r\nMore text.\r\n', {kind: 'readme'}],
      ['CR only', 'Title\r=====\r\rSome text here.\rMore text.\r', {kind: 'readme'}],
      ['commit: only comments', '# Please enter the commit message\n# Lines starting with # are ignored\n', {kind: 'commit'}],
      ['commit: only scissors', '# ------------------------ >8 ------------------------\ndiff --git a/x b/x\n', {kind: 'commit'}],
      ['commit: empty', '', {kind: 'commit'}],
      ['empty markdown', '', {kind: 'markdown'}],
      ['BOM', '\ufeff# Title\n\nText.\n', {kind: 'readme'}],
      ['lone surrogates', 'Text \ud800 with \udfff halves.\n', {kind: 'markdown'}],
      ['NUL', 'Fix\u0000 crash\n\nBody\u0000.\n', {kind: 'commit'}],
    ]
    for (const [name, text, options] of cases) {
      try {
        checkInvariants(text, options)
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`)
      }
    }
  })

  it('survives adversarial code in every language', () => {
    const docs = join(SHARED, 'corpus', 'doccomments', 'doccomments.jsonl')
    const texts = existsSync(docs)
      ? readFileSync(docs, 'utf8')
          .split('\n')
          .filter(Boolean)
          .slice(0, 60)
          .map((line) => (JSON.parse(line) as {text: string}).text)
      : ['Gets the user.']
    const code: Record<string, string> = {
      typescript: 'const s = "// not a comment"; const t = `/* ${"no"} */`; const r = /\\/\\/[a-z]*/g;\n/** DOC */\nexport function getUser(id: string) { return id / 2 / 3 }\n// line\nlet x = 1 // trailing\n',
      rust: 'let s = r#"// not "# a comment"#;\n/* outer /* nested */ still */\n/// DOC\nfn get_user() {}\n//! inner\n',
      go: 'var s = `// raw ${x}`\n// DOC\nfunc GetUser() {}\n//nolint\nx := 1\n',
      python: 's = "# not"\nr = r"\\#"\ndef get_user():\n    """DOC"""\n    return f"{x} # no"  # trailing\n',
      ruby: 's = "# not"\nx = <<~EOS\n  # heredoc\nEOS\n=begin\nDOC\n=end\ndef get_user; end # trailing\n',
      shellscript: '#!/bin/sh\necho "# not" \'# no\'\ncat <<EOF\n# heredoc\nEOF\n# DOC\nget_user() { :; }\n',
      cpp: 'auto s = R"d(// not a comment)d";\n/** DOC */\nint get_user();\n',
      csharp: 'var s = @"// not ""quoted"" ";\n/// DOC\nvoid GetUser() {}\n',
      kotlin: 'val s = """// not"""\n/* a /* nested */ b */\n/** DOC */\nfun getUser() {}\n',
      swift: 'let s = #"// not "#\n/* a /* nested */ b */\n/// DOC\nfunc getUser() {}\n',
      php: '<?php $s = "// not"; $h = <<<EOT\n# heredoc\nEOT;\n# DOC\nfunction getUser() {}\n',
      java: 'String s = """\n// not\n""";\n/** DOC */\n@SuppressWarnings("unchecked")\nvoid getUser() {}\n',
    }
    const next = random(99)
    const markers = ['"', "'", '`', '/*', '*/', '//', '#', '<<EOF', '\n', 'r#"', '"#', '${', '}', '\\', '"""', "'''", '=begin', '\r', '\u0000']
    let tried = 0
    for (const [languageId, template] of Object.entries(code)) {
      for (let round = 0; round < 12; round++) {
        let text = template.replaceAll('DOC', texts[Math.floor(next() * texts.length)]!.replaceAll('*/', '* /'))
        for (let edit = 0; edit < 6; edit++) {
          const at = Math.floor(next() * (text.length + 1))
          text = text.slice(0, at) + markers[Math.floor(next() * markers.length)]! + text.slice(at)
        }
        checkInvariants(text, {kind: 'code', languageId})
        tried++
      }
      // Unterminated everything at the end of the file.
      for (const tail of ['/*', '"', '`${', '"""', 'r#"', '<<EOF\n', '=begin\n']) checkInvariants(template + tail, {kind: 'code', languageId})
    }
    assert.ok(tried >= 100)
  })

  it('stops within its budget on a 10 MB document and says so', () => {
    const paragraph = 'The quick brown fox jumps over the lazy dog because it can, and in order to show that it is able to do so it utilises a very long sentence. '
    // Every paragraph different, so no cached chunk or block result makes the work disappear.
    const count = Math.ceil((10 * 1024 * 1024) / (paragraph.length * 3 + 2))
    const text = Array.from({length: count}, (_, index) => `${paragraph.repeat(3).replace('fox', `fox number ${index}`)}\n\n`).join('')
    const started = Date.now()
    const findings = analyze(text, {kind: 'markdown', config: {rules: {'analysis-limit': ['info', {budgetMs: 1500}]}}}).findings
    const took = Date.now() - started
    assert.ok(findings.some((finding) => finding.ruleId === 'analysis-limit'), 'no analysis-limit finding')
    // Parsing is not interruptible at a finer grain than a chunk, so allow some slack.
    assert.ok(took < 1500 * 4, `took ${took} ms`)
  })
})
