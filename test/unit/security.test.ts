// whylint runs in workspaces nobody vetted: it must never open a connection, never execute
// config, and never let file content break out of its JSON or SARIF output.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const BUNDLES = ['dist/api.cjs', 'dist/api.mjs', 'dist/cli.cjs', 'dist/extension.js', 'dist/worker.js', 'dist/web/extension.cjs', 'dist/web/worker.js']
const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads_network']

describe('security', function () {
  this.timeout(120000)

  before(() => {
    if (!BUNDLES.slice(0, 3).every((bundle) => existsSync(bundle))) {
      const built = spawnSync('node', ['scripts/build.mjs'], {stdio: 'inherit'})
      assert.equal(built.status, 0)
    }
  })

  it('bundles import no networking module and call no network API', () => {
    for (const bundle of BUNDLES.filter((path) => existsSync(path))) {
      const code = readFileSync(bundle, 'utf8')
      for (const name of NETWORK_MODULES) {
        assert.ok(!new RegExp(`require\\(["'](?:node:)?${name}["']\\)|from ["'](?:node:)?${name}["']`).test(code), `${bundle} imports ${name}`)
      }
      for (const api of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator.sendBeacon']) {
        assert.ok(!code.includes(api), `${bundle} mentions ${api}`)
      }
      assert.ok(!/\bfetch\(/.test(code), `${bundle} calls fetch(`)
    }
  })

  it('the CLI opens no socket while linting, even for documents full of URLs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whylint-net-'))
    try {
      writeFileSync(join(dir, 'README.md'), '# Demo\n\nSee https://example.com/a and <http://127.0.0.1:9/x>.\n\n![img](http://127.0.0.1:9/i.png)\n')
      // A preload that fails the process on any attempt to connect or resolve a name.
      const guard = join(dir, 'guard.cjs')
      writeFileSync(
        guard,
        [
          "const net = require('net'); const dns = require('dns'); const tls = require('tls');",
          "const trap = (what) => function () { require('fs').writeSync(2, 'NETWORK ' + what + '\\n'); process.exit(99) };",
          "net.Socket.prototype.connect = trap('net.connect'); net.connect = trap('net.connect'); net.createConnection = trap('net.createConnection');",
          "tls.connect = trap('tls.connect'); dns.lookup = trap('dns.lookup'); dns.resolve = trap('dns.resolve');",
          "globalThis.fetch = trap('fetch');",
        ].join('\n'),
      )
      const result = spawnSync(process.execPath, ['--require', guard, join(process.cwd(), 'dist/cli.cjs'), '--format', 'json', 'README.md'], {cwd: dir, encoding: 'utf8'})
      assert.notEqual(result.status, 99, result.stderr)
      assert.ok(!result.stderr.includes('NETWORK'), result.stderr)
      assert.ok(Array.isArray(JSON.parse(result.stdout)))
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('a config file is data: a .js config or JavaScript in JSON/YAML is never run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whylint-cfg-'))
    try {
      const marker = join(dir, 'pwned')
      writeFileSync(join(dir, '.whylintrc.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {}`)
      writeFileSync(join(dir, 'whylint.config.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`)
      writeFileSync(join(dir, '.whylintrc.yaml'), `rules: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }"\n`)
      writeFileSync(join(dir, 'README.md'), '# Demo\n\nText.\n')
      const result = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.cjs'), 'README.md'], {cwd: dir, encoding: 'utf8'})
      assert.ok(!existsSync(marker), 'a config file was executed')
      // The YAML tag is not JavaScript to us: the config is rejected as invalid, not run.
      assert.equal(result.status, 2, result.stdout + result.stderr)
      assert.ok(!/\n\s+at .+:\d+:\d+/.test(result.stderr), `stack trace shown:\n${result.stderr}`)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('JSON and SARIF output escape hostile file content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whylint-esc-'))
    try {
      const hostile = 'Fixed "quotes" \\ backslashes </script> \u2028 \u001b[31m and ${x}\n\n# comment\n'
      writeFileSync(join(dir, 'COMMIT_EDITMSG'), hostile)
      for (const format of ['json', 'sarif']) {
        const result = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.cjs'), '--format', format, 'COMMIT_EDITMSG'], {cwd: dir, encoding: 'utf8'})
        assert.doesNotThrow(() => JSON.parse(result.stdout), `${format} output is not valid JSON`)
        assert.ok(!result.stdout.includes('\u001b'), `${format} output carries a raw escape character`)
      }
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
