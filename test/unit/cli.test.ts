// The CLI, in-process: `main(argv, io)` with captured streams, on real temporary folders.

import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import {describeError} from '../../src/cli/read.js'
import {printable} from '../../src/cli/reporters/text.js'
import {DETECTORS} from '../../src/engine/judge.js'
import {analyze} from '../../src/engine/lint.js'
import {RULES} from '../../src/engine/rules/index.js'
import {cleanTempDirs, configFile, marker, markerRule, only, run, tempDir, throwingRule, withTestRules, write} from './cli-helpers.js'

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}).version
const ESC = '\u001b'

after(cleanTempDirs)

describe('cli: arguments', () => {
  it('prints help and exits 0', async () => {
    const result = await run(tempDir(), ['--help'])
    assert.equal(result.code, 0)
    assert.match(result.stdout, /Usage: whylint/)
    assert.match(result.stdout, /--max-warnings/)
    const init = await run(tempDir(), ['init', '--help'])
    assert.match(init.stdout, /Usage: whylint init \[--hook\]/)
  })

  it('builds a bin that runs as a program, as `npx whylint` runs it', function () {
    // `npm test` builds first; a rebuild used to drop the execute bit and break `npx whylint`.
    if (process.platform === 'win32') this.skip()
    assert.ok(statSync('dist/cli.cjs').mode & 0o111, 'dist/cli.cjs is not executable')
    assert.equal(execFileSync('dist/cli.cjs', ['--version'], {encoding: 'utf8'}), `${VERSION}\n`)
  })

  it('prints the package version', async () => {
    const result = await run(tempDir(), ['--version'])
    assert.equal(result.stdout, `${VERSION}\n`)
    assert.equal(result.code, 0)
  })

  it('rejects an unknown flag with exit 2 and the closest flag', async () => {
    const result = await run(tempDir(), ['--fixx', 'a.md'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Unknown flag `--fixx`; did you mean `--fix`\?/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })

  for (const [argv, pattern] of [
    [['--format', 'xml'], /Invalid value `xml` for `--format`: expected one of text, json, sarif/],
    [['--kind', 'readem'], /Invalid value `readem` for `--kind`.*did you mean `readme`\?/],
    [['--max-warnings', '-1'], /--max-warnings/],
    [['--max-warnings', 'many'], /Invalid value `many` for `--max-warnings`/],
    [['--filename', 'x.md'], /pass `--stdin` too/],
    [['--stdin', '--fix'], /cannot be used with `--stdin`/],
    [['--stdin', 'a.md'], /Unexpected file `a.md` with `--stdin`/],
    [['--fix=yes'], /takes no value/],
    [['--format'], /needs a value/],
    [['commit-msg'], /Expected one file/],
    [['init', '--fix'], /Unknown flag `--fix` for `whylint init`/],
  ] as Array<[string[], RegExp]>) {
    it(`exits 2 on \`${argv.join(' ')}\``, async () => {
      const result = await run(tempDir({'.whylintrc.json': '{}'}), argv)
      assert.equal(result.code, 2, result.stderr)
      assert.match(result.stderr, pattern)
    })
  }
})

describe('cli: lint and report', () => {
  withTestRules(markerRule, throwingRule)

  it('prints findings like stylish and exits 0 for warnings', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'docs/a.md': '# Title\n\nWe did it WHY? here.\n'})
    const result = await run(dir, ['docs/a.md'])
    assert.equal(result.code, 0, result.stderr)
    const lines = result.stdout.split('\n')
    assert.ok(lines.includes('docs/a.md'), result.stdout)
    assert.match(result.stdout, /^ {2}3:11 {2}warning {2}Unexpected `WHY\?`, expected `because` {2}test-why-marker$/m)
    assert.match(result.stdout, /✖ 1 problem \(0 errors, 1 warning\)/)
    assert.match(result.stdout, /1 problem fixable with `--fix`/)
    assert.ok(!result.stdout.includes(ESC), 'no colour when stdout is not a terminal')
  })

  it('prints nothing and exits 0 on a clean file', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': '# Title\n\nFine.\n'})
    const result = await run(dir, ['a.md'])
    assert.deepEqual(result, {code: 0, stdout: '', stderr: ''})
  })

  it('exits 1 on an error-level finding', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker('error')), 'a.md': 'WHY?\n'})
    const result = await run(dir, ['a.md'])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /1:1 {2}error/)
  })

  it('exits 1 only when warnings exceed --max-warnings', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': 'WHY? and WHY?\n'})
    assert.equal((await run(dir, ['--max-warnings', '2', 'a.md'])).code, 0)
    const over = await run(dir, ['--max-warnings', '1', 'a.md'])
    assert.equal(over.code, 1)
    assert.match(over.stderr, /2 warnings, more than `--max-warnings 1`/)
  })

  it('shows errors only with --quiet', async () => {
    const dir = tempDir({
      '.whylintrc.json': configFile({...marker('error'), 'commit-subject-length': 'warning'}),
      'a.md': 'WHY?\n',
      'COMMIT_EDITMSG': `${'x'.repeat(80)}\n`,
    })
    const loud = await run(dir, ['a.md', 'COMMIT_EDITMSG'])
    assert.match(loud.stdout, /commit-subject-length/)
    const quiet = await run(dir, ['--quiet', 'a.md', 'COMMIT_EDITMSG'])
    assert.equal(quiet.code, 1)
    assert.match(quiet.stdout, /test-why-marker/)
    assert.doesNotMatch(quiet.stdout, /commit-subject-length/)
    assert.match(quiet.stdout, /1 below error level hidden by `--quiet`/)
    const json = JSON.parse((await run(dir, ['--quiet', '--format', 'json', 'a.md', 'COMMIT_EDITMSG'])).stdout) as Array<{messages: unknown[]}>
    assert.deepEqual(json.map((entry) => entry.messages.length), [1, 0])
  })

  it('colours only a terminal, and never with --no-color or NO_COLOR', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': 'WHY?\n'})
    assert.ok((await run(dir, ['a.md'], {stdoutTTY: true})).stdout.includes(`${ESC}[33mwarning`))
    assert.ok(!(await run(dir, ['--no-color', 'a.md'], {stdoutTTY: true})).stdout.includes(ESC))
    assert.ok(!(await run(dir, ['a.md'], {stdoutTTY: true, env: {NO_COLOR: '1'}})).stdout.includes(ESC))
  })

  it('--format json: one entry per input in input order, findings exactly as lint() gives them', async () => {
    const config = only(marker())
    const b = '# B\n\nWHY? one\n\nand WHY?\n'
    const dir = tempDir({'.whylintrc.json': JSON.stringify(config), 'b.md': b, 'a.md': 'clean\n'})
    const result = await run(dir, ['--format', 'json', 'b.md', 'a.md'])
    assert.equal(result.code, 0)
    const entries = JSON.parse(result.stdout) as Array<{filePath: string; messages: unknown[]}>
    assert.deepEqual(entries.map((entry) => entry.filePath), [join(dir, 'b.md'), join(dir, 'a.md')])
    const expected = analyze(b, {kind: 'markdown', filePath: join(dir, 'b.md'), config}).findings
    assert.equal(expected.length, 2)
    assert.deepEqual(entries[0]!.messages, expected)
    assert.deepEqual(entries[1]!.messages, [])
  })

  it('escapes file content in JSON and strips control characters from text output', async () => {
    const nasty = `WHY?"quoted"\\${ESC}[31mred`
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': `${nasty}\n`})
    const json = JSON.parse((await run(dir, ['--format', 'json', 'a.md'])).stdout) as Array<{messages: Array<{message: string}>}>
    assert.equal(json[0]!.messages[0]!.message, `Unexpected \`${nasty}\`, expected \`because\``)
    const text = await run(dir, ['a.md'])
    assert.ok(!text.stdout.includes(ESC), text.stdout)
    assert.match(text.stdout, /\\u001b\[31mred/)
    assert.equal(printable('a\u0007b\nc'), 'a\\u0007b⏎c')
  })

  it('--format sarif: a valid SARIF 2.1.0 log', async () => {
    const dir = tempDir({'.whylintrc.json': configFile({...marker('error'), 'commit-subject-length': 'warning'}, {}), 'sub dir/a.md': 'x WHY?\n', 'COMMIT_EDITMSG': `${'y'.repeat(80)}\n`})
    const result = await run(dir, ['--format', 'sarif', 'sub dir/a.md', 'COMMIT_EDITMSG'])
    assert.equal(result.code, 1)
    const log = JSON.parse(result.stdout)
    assert.equal(log.version, '2.1.0')
    assert.match(log.$schema, /sarif-2\.1\.0/)
    assert.equal(log.runs.length, 1)
    const run0 = log.runs[0]
    const driver = run0.tool.driver
    assert.equal(driver.name, 'whylint')
    assert.equal(driver.version, VERSION)
    assert.match(driver.informationUri, /^https:\/\//)
    assert.equal(driver.rules.length, RULES.length)
    for (const rule of driver.rules) {
      assert.equal(typeof rule.id, 'string')
      assert.equal(typeof rule.shortDescription.text, 'string')
      assert.match(rule.helpUri, new RegExp(`/${rule.id}/README\\.md$`))
      assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level))
    }
    const [marked, long] = run0.results
    assert.equal(marked.ruleId, 'test-why-marker')
    assert.equal(marked.level, 'error')
    assert.equal(driver.rules[marked.ruleIndex].id, 'test-why-marker')
    assert.equal(marked.message.text, 'Unexpected `WHY?`, expected `because`')
    const location = marked.locations[0].physicalLocation
    assert.deepEqual(location.artifactLocation, {uri: 'sub%20dir/a.md', uriBaseId: '%SRCROOT%'})
    assert.deepEqual({...location.region, charOffset: undefined, charLength: undefined}, {startLine: 1, startColumn: 3, endLine: 1, endColumn: 7, charOffset: undefined, charLength: undefined})
    assert.deepEqual(marked.fixes[0].artifactChanges[0].replacements[0], {deletedRegion: {charOffset: 2, charLength: 4}, insertedContent: {text: 'because'}})
    assert.equal(long.ruleId, 'commit-subject-length')
    assert.equal(long.level, 'warning')
    assert.equal(long.locations[0].physicalLocation.artifactLocation.uri, 'COMMIT_EDITMSG')
  })

  it('maps hint and info to SARIF note', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker('hint')), 'a.md': 'WHY?\n'})
    const log = JSON.parse((await run(dir, ['-f', 'sarif', 'a.md'])).stdout)
    assert.equal(log.runs[0].results[0].level, 'note')
  })

  it('lints standard input with --stdin, using --filename for config and kind', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker(), {kinds: {markdown: ['notes/*.txt']}})})
    const result = await run(dir, ['--stdin', '--filename', 'notes/n.txt', '--format', 'json'], {stdin: 'a WHY?\n'})
    assert.equal(result.code, 0, result.stderr)
    const [entry] = JSON.parse(result.stdout)
    assert.equal(entry.filePath, join(dir, 'notes', 'n.txt'))
    assert.equal(entry.messages[0].ruleId, 'test-why-marker')
    const unknown = await run(dir, ['--stdin'], {stdin: 'text'})
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /pass `--kind`/)
    const forced = await run(dir, ['--stdin', '--kind', 'commit'], {stdin: 'Fix WHY?\n'})
    assert.match(forced.stdout, /<stdin>\n {2}1:5/)
  })

  it('lints an explicit file of unknown kind with --kind, and refuses it without', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'notes.txt': 'WHY?\n'})
    const refused = await run(dir, ['notes.txt'])
    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /`notes\.txt`.*pass `--kind`/)
    const forced = await run(dir, ['--kind', 'markdown', 'notes.txt'])
    assert.equal(forced.code, 0)
    assert.match(forced.stdout, /test-why-marker/)
  })

  it('uses the config `kinds` globs over the file name', async () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'}, {kinds: {commit: ['msgs/*.md']}}), 'msgs/one.md': `${'z'.repeat(80)}\n`})
    const result = await run(dir, ['msgs/one.md'])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /commit-subject-length/)
  })

  it('reports an unexpected exception as one line and exits 2', async () => {
    const dir = tempDir({'.whylintrc.json': configFile({'test-throws': 'warning'}), 'a.md': 'text\n'})
    const result = await run(dir, ['a.md'])
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'whylint: internal error: a.md: boom\n')
  })
})

describe('cli: finding files', () => {
  withTestRules(markerRule)

  function linted(stdout: string): string[] {
    return (JSON.parse(stdout) as Array<{filePath: string}>).map((entry) => entry.filePath)
  }

  it('walks folders: Markdown and code files, sorted, honouring nested .gitignore files', async () => {
    const dir = tempDir({
      '.whylintrc.json': configFile(marker(), {ignore: ['docs/skip-*.md']}),
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.log.md\n',
      'README.md': '# R\n',
      'b.ts': '// hi\n',
      'a.md': 'a\n',
      'image.png': 'PNG',
      'build/out.md': 'x\n',
      'x.log.md': 'x\n',
      'docs/.gitignore': 'private.md\n!keep.log.md\n',
      'docs/private.md': 'x\n',
      'docs/keep.log.md': 'x\n',
      'docs/guide.md': 'x\n',
      'docs/skip-me.md': 'x\n',
      'node_modules/pkg/README.md': 'x\n',
    })
    const result = await run(dir, ['--format', 'json', '.'])
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(
      linted(result.stdout).map((path) => path.slice(dir.length + 1).split(sep).join('/')),
      ['README.md', 'a.md', 'b.ts', 'docs/guide.md', 'docs/keep.log.md'],
    )
    // No arguments: the working directory.
    assert.deepEqual(linted((await run(dir, ['--format', 'json'])).stdout), linted(result.stdout))
  })

  it('applies a parent .gitignore when walking a sub-folder, but lints an ignored file named explicitly', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), '.git/HEAD': 'x', '.gitignore': 'secret.md\n', 'docs/secret.md': 'x\n', 'docs/open.md': 'x\n'})
    assert.deepEqual(linted((await run(dir, ['-f', 'json', 'docs'])).stdout), [join(dir, 'docs', 'open.md')])
    assert.deepEqual(linted((await run(dir, ['-f', 'json', 'docs/secret.md'])).stdout), [join(dir, 'docs', 'secret.md')])
  })

  it('skips an explicit file the config ignores, with a note', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker(), {ignore: ['gen/**']}), 'gen/a.md': 'WHY?\n'})
    const result = await run(dir, ['gen/a.md'])
    assert.equal(result.code, 0)
    assert.equal(result.stdout, '')
    assert.match(result.stderr, /gen\/a\.md: skipped: ignored by the `ignore` globs/)
  })

  it('expands globs, dropping git-ignored files and duplicates', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), '.gitignore': 'docs/old.md\n', 'docs/a.md': 'x\n', 'docs/old.md': 'x\n', 'docs/deep/b.md': 'x\n', 'docs/c.txt': 'x\n'})
    const result = await run(dir, ['-f', 'json', 'docs/**/*', 'docs/a.md'])
    assert.deepEqual(linted(result.stdout), [join(dir, 'docs', 'a.md'), join(dir, 'docs', 'deep', 'b.md')])
    const none = await run(dir, ['nothing/**/*.md'])
    assert.equal(none.code, 2)
    assert.match(none.stderr, /No files match the pattern `nothing\/\*\*\/\*\.md`/)
  })

  it('refuses paths and globs outside the working directory unless --allow-outside', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'in/a.md': 'x\n', 'out.md': 'WHY?\n'})
    const cwd = join(dir, 'in')
    for (const input of ['../out.md', '../*.md', join(dir, 'out.md')]) {
      const result = await run(cwd, [input])
      assert.equal(result.code, 2, input)
      assert.match(result.stderr, /is outside the working directory; pass `--allow-outside`/)
    }
    symlinkSync(join(dir, 'out.md'), join(cwd, 'link.md'))
    assert.equal((await run(cwd, ['link.md'])).code, 2, 'a link pointing out counts as outside')
    const allowed = await run(cwd, ['--allow-outside', '--format', 'sarif', '../out.md'])
    assert.equal(allowed.code, 0, allowed.stderr)
    assert.match(JSON.parse(allowed.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/.*\/out\.md$/)
  })
})

describe('cli: bad input', () => {
  withTestRules(markerRule)

  it('skips a binary file with a note', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'bin.md': new Uint8Array([0x57, 0x48, 0x59, 0x3f, 0, 1, 2]), 'ok.md': 'WHY?\n'})
    const result = await run(dir, ['bin.md', 'ok.md'])
    assert.equal(result.code, 0)
    assert.match(result.stderr, /^whylint: bin\.md: skipped: binary file/m)
    assert.match(result.stdout, /ok\.md/)
    assert.doesNotMatch(result.stdout, /bin\.md/)
    const json = JSON.parse((await run(dir, ['-f', 'json', 'bin.md'])).stdout)
    assert.match(json[0].skipped, /binary/)
  })

  it('reads invalid UTF-8 with replacement characters, notes it, and still lints', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('caf'), 0xe9, ...new TextEncoder().encode(' WHY?\n')])
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'latin1.md': bytes})
    const result = await run(dir, ['-f', 'json', 'latin1.md'])
    assert.equal(result.code, 0)
    assert.match(result.stderr, /latin1\.md: note: not valid UTF-8/)
    const [entry] = JSON.parse(result.stdout)
    assert.equal(entry.messages[0].column, 6, 'the bad byte is one replacement character')
    // --fix must not write the replacement characters back.
    const fixed = await run(dir, ['--fix', 'latin1.md'])
    assert.equal(fixed.code, 1)
    assert.match(fixed.stderr, /not fixed: writing it back would replace its invalid UTF-8 bytes/)
    assert.deepEqual(new Uint8Array(readFileSync(join(dir, 'latin1.md'))), bytes)
  })

  it('skips files over maxFileSize with a note', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker(), {maxFileSize: 10}), 'big.md': 'WHY? '.repeat(10), 'small.md': 'WHY?\n'})
    const result = await run(dir, ['big.md', 'small.md'])
    assert.equal(result.code, 0)
    assert.match(result.stderr, /big\.md: skipped: 50 bytes is over the 10-byte limit/)
    assert.match(result.stdout, /small\.md/)
  })

  it('reports a missing or unreadable file as an error for that file and exits 1', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'ok.md': 'WHY?\n'})
    symlinkSync(join(dir, 'gone.md'), join(dir, 'dangling.md'))
    const result = await run(dir, ['missing.md', 'dangling.md', 'ok.md'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /missing\.md: error: no such file or directory/)
    assert.match(result.stderr, /dangling\.md: error: no such file or directory/)
    assert.match(result.stdout, /ok\.md/, 'the other files are still linted')
    const json = JSON.parse((await run(dir, ['-f', 'json', 'missing.md', 'ok.md'])).stdout)
    assert.deepEqual(json.map((entry: {error?: string}) => entry.error), ['no such file or directory', undefined])
    assert.equal(describeError(Object.assign(new Error('x'), {code: 'EACCES'})), 'permission denied')
    assert.equal(describeError(Object.assign(new Error('x'), {code: 'EISDIR'})), 'is a directory')
  })
})

describe('cli: --fix', () => {
  withTestRules(markerRule)

  it('applies preferred fixes atomically and reports what is left', async () => {
    const dir = tempDir({'.whylintrc.json': configFile({...marker(), 'commit-subject-length': 'warning'}), 'a.md': '\uFEFFWe do it WHY? it helps.\n', 'COMMIT_EDITMSG': `${'q'.repeat(80)} WHY?\n`})
    const path = join(dir, 'a.md')
    chmodSync(path, 0o640)
    const inode = statSync(path).ino
    const result = await run(dir, ['--fix', '-f', 'json', 'a.md', 'COMMIT_EDITMSG'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(readFileSync(path, 'utf8'), '\uFEFFWe do it because it helps.\n', 'fixed, byte order mark kept')
    assert.notEqual(statSync(path).ino, inode, 'replaced by rename, not rewritten in place')
    assert.equal(statSync(path).mode & 0o777, 0o640, 'mode kept')
    assert.deepEqual(readdirSync(dir).sort(), ['.whylintrc.json', 'COMMIT_EDITMSG', 'a.md'], 'no temporary file left')
    const entries = JSON.parse(result.stdout)
    assert.deepEqual(entries[0].messages, [])
    assert.deepEqual(entries[1].messages.map((finding: {ruleId: string}) => finding.ruleId), ['commit-subject-length'], 'the unfixable finding remains')
  })

  it('refuses to write a file that changed on disk since it was read', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': 'WHY?\n'})
    const path = join(dir, 'a.md')
    const result = await run(dir, ['--fix', 'a.md'], {beforeWrite: (target) => writeFileSync(target, 'edited meanwhile WHY?\n')})
    assert.equal(result.code, 1)
    assert.match(result.stderr, /a\.md: error: changed on disk since it was read; not fixed/)
    assert.equal(readFileSync(path, 'utf8'), 'edited meanwhile WHY?\n', 'the newer content is kept')
    assert.match(result.stdout, /1:1 {2}warning/, 'the findings of the text that was read are reported')
  })

  it('writes through a symbolic link and keeps the link', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'real.md': 'WHY?\n'})
    symlinkSync('real.md', join(dir, 'link.md'))
    assert.equal((await run(dir, ['--fix', 'link.md'])).code, 0)
    assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink())
    assert.equal(readlinkSync(join(dir, 'link.md')), 'real.md')
    assert.equal(readFileSync(join(dir, 'real.md'), 'utf8'), 'because\n')
  })

  it('leaves files without a preferred fix untouched', async () => {
    const dir = tempDir({'.whylintrc.json': configFile(marker()), 'a.md': 'clean\n'})
    const inode = statSync(join(dir, 'a.md')).ino
    assert.equal((await run(dir, ['--fix', 'a.md'])).code, 0)
    assert.equal(statSync(join(dir, 'a.md')).ino, inode)
  })
})

describe('cli: config errors', () => {
  it('names the file, the key and the closest rule for an unknown rule id (exit 2)', async () => {
    const dir = tempDir({'.whylintrc.json': JSON.stringify({rules: {'commit-subject-lenght': 'warning'}}), 'a.md': 'x\n'})
    const result = await run(dir, ['a.md'])
    assert.equal(result.code, 2)
    assert.ok(result.stderr.includes(join(dir, '.whylintrc.json')), result.stderr)
    assert.match(result.stderr, /rules\.commit-subject-lenght: Unknown rule `commit-subject-lenght`; did you mean `commit-subject-length`/)
    assert.equal(result.stdout, '', 'nothing is linted under a broken config')
  })

  it('names the file for broken JSON and YAML', async () => {
    const json = tempDir({'.whylintrc.json': '{"rules": {', 'a.md': 'x\n'})
    const jsonResult = await run(json, ['a.md'])
    assert.equal(jsonResult.code, 2)
    assert.match(jsonResult.stderr, /^whylint: Cannot parse .*\.whylintrc\.json: /)
    const yaml = tempDir({'.whylintrc.yaml': 'rules:\n  - : [\n', 'a.md': 'x\n'})
    const yamlResult = await run(yaml, ['a.md'])
    assert.equal(yamlResult.code, 2)
    assert.match(yamlResult.stderr, /^whylint: Cannot parse .*\.whylintrc\.yaml: /)
  })

  it('reports a bad option value with the key', async () => {
    const dir = tempDir({'.whylintrc.json': JSON.stringify({rules: {'commit-subject-length': ['warning', {soft: 'long'}]}}), 'a.md': 'x\n'})
    const result = await run(dir, ['a.md'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /rules\.commit-subject-length\.soft: Invalid option `soft`/)
  })

  it('uses --config instead of looking upwards, and exits 2 when it cannot be read', async () => {
    const dir = tempDir({'.whylintrc.json': JSON.stringify({rules: {nope: 'off'}}), 'cfg/strict.yaml': 'rules:\n  commit-subject-length: error\n', 'COMMIT_EDITMSG': `${'w'.repeat(80)}\n`})
    const result = await run(dir, ['--config', 'cfg/strict.yaml', 'COMMIT_EDITMSG'])
    assert.equal(result.code, 1, result.stderr)
    assert.match(result.stdout, /error .*commit-subject-length/)
    const missing = await run(dir, ['--config', 'cfg/none.json', 'COMMIT_EDITMSG'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /Cannot read config file .*none\.json/)
  })
})

describe('cli: commit-msg', () => {
  it('lints a message file as a commit, ignoring comment lines', async () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'}), '.git/HEAD': 'x'})
    write(dir, {'.git/COMMIT_EDITMSG': `Short subject\n\n# ${'c'.repeat(90)}\n`})
    const clean = await run(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])
    assert.equal(clean.code, 0, clean.stdout + clean.stderr)
    write(dir, {'.git/COMMIT_EDITMSG': `${'s'.repeat(80)}\n# comment\n`})
    const long = await run(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])
    assert.equal(long.code, 1)
    assert.match(long.stdout, /\.git\/COMMIT_EDITMSG\n {2}1:73 {2}error/)
  })

  it("uses git's core.commentChar", async () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'}), '.git/config': '[core]\n\tbare = false\n\tcommentChar = ";"\n[remote "origin"]\n\tcommentChar = %\n'})
    write(dir, {'.git/COMMIT_EDITMSG': `; ${'c'.repeat(90)}\nShort subject\n`})
    assert.equal((await run(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])).code, 0)
    write(dir, {'.git/config': '[core]\n\tcommentChar = auto\n', '.git/COMMIT_EDITMSG': `% ${'c'.repeat(90)}\nShort subject\n\n% Please enter the commit message\n`})
    assert.equal((await run(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])).code, 0, 'auto: the help text tells the character')
    write(dir, {'.git/config': '[core]\n'})
    assert.equal((await run(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])).code, 1, 'without it, `%` lines are message text')
  })

  it('exits 1 when the message file cannot be read', async () => {
    const result = await run(tempDir({'.whylintrc.json': '{}'}), ['commit-msg', 'nope'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /nope: error: no such file/)
  })
})

describe('cli: init', () => {
  it('writes .whylintrc.json with every rule at its default severity, once', async () => {
    const dir = tempDir()
    const result = await run(dir, ['init'])
    assert.equal(result.code, 0, result.stderr)
    const config = JSON.parse(readFileSync(join(dir, '.whylintrc.json'), 'utf8'))
    assert.match(config.$schema, /whylintrc\.schema\.json$/)
    assert.deepEqual(config.rules, Object.fromEntries(RULES.map((rule) => [rule.id, rule.defaultSeverity])))
    // The written config is valid for the linter itself.
    write(dir, {'a.md': 'x\n'})
    assert.notEqual((await run(dir, ['a.md'])).code, 2)
    writeFileSync(join(dir, '.whylintrc.json'), '{"rules": {}}\n')
    const again = await run(dir, ['init'])
    assert.equal(again.code, 0)
    assert.match(again.stderr, /already exists/)
    assert.equal(readFileSync(join(dir, '.whylintrc.json'), 'utf8'), '{"rules": {}}\n')
  })

  it('does not add a config next to a YAML one or a package.json key', async () => {
    for (const files of [{'.whylintrc.yaml': 'rules: {}\n'}, {'package.json': '{"name": "x", "whylint": {}}'}]) {
      const dir = tempDir(files)
      await run(dir, ['init'])
      assert.ok(!existsSync(join(dir, '.whylintrc.json')))
    }
  })

  it('--hook installs an executable commit-msg hook, never over a foreign one', async () => {
    const dir = tempDir({'.git/HEAD': 'x', '.git/config': '[core]\n'})
    const result = await run(dir, ['init', '--hook'])
    assert.equal(result.code, 0, result.stderr)
    const hook = join(dir, '.git', 'hooks', 'commit-msg')
    assert.match(readFileSync(hook, 'utf8'), /^#!\/bin\/sh\n[\s\S]*npx --no-install whylint commit-msg "\$1"/)
    assert.equal(statSync(hook).mode & 0o111, 0o111)
    assert.equal((await run(dir, ['init', '--hook'])).code, 0, 'its own hook may be rewritten')
    writeFileSync(hook, '#!/bin/sh\nexit 0\n')
    const refused = await run(dir, ['init', '--hook'])
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /already exists and was not written by whylint/)
    assert.equal(readFileSync(hook, 'utf8'), '#!/bin/sh\nexit 0\n')
  })

  it('--hook follows core.hooksPath and fails outside a repository', async () => {
    const dir = tempDir({'.git/config': '[core]\n\thooksPath = .githooks\n'})
    mkdirSync(join(dir, '.git', 'hooks'))
    assert.equal((await run(dir, ['init', '--hook'])).code, 0)
    assert.ok(existsSync(join(dir, '.githooks', 'commit-msg')))
    const outside = await run(tempDir(), ['init', '--hook'])
    assert.equal(outside.code, 1)
    assert.match(outside.stderr, /not inside a git repository/)
  })
})

describe('cli: progress', () => {
  withTestRules(markerRule)

  it('updates one stderr line on a terminal when linting more than 20 files', async () => {
    const files: Record<string, string> = {'.whylintrc.json': configFile(marker())}
    for (let index = 0; index < 21; index++) files[`f${String(index).padStart(2, '0')}.md`] = 'x\n'
    const dir = tempDir(files)
    const shown = await run(dir, ['.'], {stderrTTY: true})
    assert.match(shown.stderr, /^\rwhylint: 1\/21 f00\.md/)
    assert.ok(shown.stderr.endsWith('\r\u001b[K'), 'cleared at the end')
    assert.equal((await run(dir, ['.'], {stderrTTY: false})).stderr, '')
    write(dir, {'f20.md': ''})
    assert.equal((await run(dir, ['f0*.md', 'f1*.md'], {stderrTTY: true})).stderr, '', '20 files: no progress')
  })
})

describe('cli: judge', () => {
  const saved: Partial<typeof DETECTORS> = {}
  before(() => {
    Object.assign(saved, DETECTORS)
    // A stand-in detector, so the CLI's side is tested whatever the real detectors say.
    DETECTORS['review-tone'] = (text, options) => ({label: text.includes('!') ? 'blunt' : 'ok', score: text.length / 100, evidence: [`kind of file: ${options.languageId ?? 'none'}`, `path ${options.filePath ?? '-'}`]})
    delete DETECTORS['comment-restates']
  })
  after(() => {
    for (const key of Object.keys(DETECTORS) as Array<keyof typeof DETECTORS>) delete DETECTORS[key]
    Object.assign(DETECTORS, saved)
  })

  it('prints each file’s label, score and evidence', async () => {
    const dir = tempDir({'a.md': 'Do it now!\n', 'b.ts': '// ok\n'})
    const json = await run(dir, ['judge', '--detector', 'review-tone', '--format', 'json', 'a.md', 'b.ts'])
    assert.equal(json.code, 0, json.stderr)
    assert.deepEqual(JSON.parse(json.stdout), [
      {filePath: join(dir, 'a.md'), label: 'blunt', score: 0.11, evidence: ['kind of file: none', `path ${join(dir, 'a.md')}`]},
      {filePath: join(dir, 'b.ts'), label: 'ok', score: 0.06, evidence: ['kind of file: typescript', `path ${join(dir, 'b.ts')}`]},
    ])
    const text = await run(dir, ['judge', '--detector', 'review-tone', 'a.md'])
    assert.equal(text.stdout, `a.md  blunt  0.110  kind of file: none; path ${join(dir, 'a.md')}\n`)
    const stdin = await run(dir, ['judge', '--detector', 'review-tone', '--stdin', '-f', 'json'], {stdin: 'fine'})
    assert.equal(JSON.parse(stdin.stdout)[0].filePath, '<stdin>')
  })

  it('exits 2 for an unknown or unavailable detector, 1 for an unreadable file', async () => {
    const dir = tempDir({'a.md': 'x\n'})
    const typo = await run(dir, ['judge', '--detector', 'review-tones', 'a.md'])
    assert.equal(typo.code, 2)
    assert.match(typo.stderr, /Invalid value `review-tones` for `--detector`.*did you mean `review-tone`/)
    const missing = await run(dir, ['judge', '--detector', 'comment-restates', 'a.md'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /Unknown detector `comment-restates`/)
    assert.doesNotMatch(missing.stderr, /internal error/)
    assert.equal((await run(dir, ['judge', 'a.md'])).code, 2)
    const unreadable = await run(dir, ['judge', '--detector', 'review-tone', 'nope.md', 'a.md'])
    assert.equal(unreadable.code, 1)
    assert.match(unreadable.stderr, /nope\.md: error: no such file/)
    assert.match(unreadable.stdout, /^a\.md {2}ok/m)
  })
})
