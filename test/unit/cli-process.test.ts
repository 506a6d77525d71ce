// The bundled CLI as a real process: exit codes, standard input, stdout/stderr, the bin banner.
// The CLI is bundled once into a temporary folder, the way scripts/build.mjs bundles dist/cli.cjs.

import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {build} from 'esbuild'
import {cleanTempDirs, configFile, tempDir} from './cli-helpers.js'

describe('cli: the bundled executable', () => {
  let bundleDir = ''
  let cli = ''

  before(async function () {
    this.timeout(60000)
    bundleDir = mkdtempSync(join(tmpdir(), 'whylint-bundle-'))
    cli = join(bundleDir, 'cli.cjs')
    await build({entryPoints: [resolve('src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'es2022', logLevel: 'error', banner: {js: '#!/usr/bin/env node'}})
  })
  after(() => {
    rmSync(bundleDir, {recursive: true, force: true})
    cleanTempDirs()
  })

  function whylint(cwd: string, args: string[], input?: string) {
    return spawnSync(process.execPath, [cli, ...args], {cwd, encoding: 'utf8', input: input ?? '', env: {...process.env, NO_COLOR: '1'}})
  }

  it('exits 0 on a clean commit message piped to --stdin', () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'})})
    const result = whylint(dir, ['--stdin', '--kind', 'commit'], 'Keep the cache warm\n')
    assert.equal(result.status, 0, result.stderr)
    assert.equal(result.stdout, '')
  })

  it('exits 1 on an error finding and prints it', () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'})})
    const result = whylint(dir, ['--stdin', '--kind', 'commit', '--format', 'json'], `${'a'.repeat(80)}\n`)
    assert.equal(result.status, 1)
    const [entry] = JSON.parse(result.stdout)
    assert.equal(entry.filePath, '<stdin>')
    assert.equal(entry.messages[0].ruleId, 'commit-subject-length')
  })

  it('exits 2 on a usage error, without a stack trace', () => {
    const result = whylint(tempDir(), ['--no-such-flag'])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /^whylint: Unknown flag `--no-such-flag`/)
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })

  it('exits 2 on a config error', () => {
    const dir = tempDir({'.whylintrc.json': '{"rules": {"commit-subject-lenght": "error"}}', 'COMMIT_EDITMSG': 'x\n'})
    const result = whylint(dir, ['COMMIT_EDITMSG'])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /did you mean `commit-subject-length`/)
  })

  it('runs as the commit-msg hook would', () => {
    const dir = tempDir({'.whylintrc.json': configFile({'commit-subject-length': 'error'}), '.git/COMMIT_EDITMSG': `${'b'.repeat(80)}\n# Please enter the commit message\n`})
    const result = whylint(dir, ['commit-msg', '.git/COMMIT_EDITMSG'])
    assert.equal(result.status, 1)
    assert.match(result.stdout, /commit-subject-length/)
  })

  it('prints the version and starts with a node shebang', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}).version
    assert.equal(whylint(tempDir(), ['--version']).stdout, `${version}\n`)
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'))
  })
})
