// The integration run: the mocha suite in `suite/` inside a real VS Code extension host, against
// the oldest and the newest VS Code we can get here (the VS Code server and web workbench from
// the `code-server` npm package, driven by Debian's Chromium), then the packaged VSIX, then a UI
// check with screenshots on the newest.
//
// Environment:
//   WHYLINT_VSCODE=oldest|newest|both   which VS Code versions (default both)
//   WHYLINT_GREP=<text>                 run only the tests whose title matches
//   WHYLINT_UI=0                        skip the UI check
//   WHYLINT_UNTRUSTED=0                 skip the second, untrusted-workspace pass on the newest
//   WHYLINT_WEB=0                       skip the web pass: the `web/` suite with the extension in
//                                       the Web Worker extension host of the newest (as on vscode.dev)
//   WHYLINT_SCREENSHOTS=1               write docs/screenshots/*.png in the UI check
//   WHYLINT_EXTENSION_PATH=<dir>        the extension under test (default: this repository)
//   WHYLINT_TEST_TIMEOUT=<ms>           per suite run (default 180000)
//   WHYLINT_KEEP=1                      keep the temp folders (server log, workspace)
//   WHYLINT_VERBOSE=1                   also print the workbench's console
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {checkVsix, packageVsix} from '../../scripts/package.mjs'
import {runExtensionTests} from './lib/browser.mjs'
import {buildSuite, buildWebSuite} from './lib/build.mjs'
import {extensionHostErrors, startServer} from './lib/server.mjs'
import {ensureCodeServer, ensureDebianPackages, ensureNode, repoRoot, run, targets} from './lib/setup.mjs'
import {phase, summary} from './lib/timing.mjs'
import {makeRunRoot, makeWorkspace, removeRunRoot} from './lib/workspace.mjs'
import {runUiCheck} from './ui.mjs'

const choice = process.env.WHYLINT_VSCODE ?? 'both'
const selected = choice === 'both' ? [targets.oldest, targets.newest] : [targets[/** @type {'oldest' | 'newest'} */ (choice)]]
if (!selected[0]) {
  console.error(`Unexpected WHYLINT_VSCODE \`${choice}\`, expected \`oldest\`, \`newest\` or \`both\``)
  process.exit(2)
}
const extensionPath = resolve(process.env.WHYLINT_EXTENSION_PATH ?? repoRoot)
const timeoutMs = Number(process.env.WHYLINT_TEST_TIMEOUT ?? 180_000)
const keep = process.env.WHYLINT_KEEP === '1'
const verbose = process.env.WHYLINT_VERBOSE === '1'
const runWeb = selected.includes(targets.newest) && process.env.WHYLINT_WEB !== '0'

/**
 * `publisher.name` of the extension at `dir`.
 * @param {string} dir
 */
function extensionId(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  return `${manifest.publisher}.${manifest.name}`
}

/** @type {string[]} */
const failures = []

/**
 * One run of the suite in a fresh workspace and server. Untrusted: the server is started without
 * `--disable-workspace-trust`, so the folder opens in restricted mode (the extension declares
 * `untrustedWorkspaces.supported`, so it must still activate); suites can tell from
 * `WHYLINT_WORKSPACE_TRUST`. `settings` are user settings written before the server starts.
 * @param {{label: string, target: {name: string}, node: string, vscodeDir: string, version: string, trusted: boolean, bundle: string, settings?: Record<string, unknown>}} options
 */
async function runSuite({label, target, node, vscodeDir, version, trusted, bundle, settings = {}}) {
  const root = makeRunRoot(target.name)
  let passed = false
  try {
    const folder = await phase(`${label}: workspace`, () => makeWorkspace(root))
    const env = {WHYLINT_VSCODE_VERSION: version, WHYLINT_VSCODE_TARGET: target.name, WHYLINT_WORKSPACE_TRUST: trusted ? 'trusted' : 'untrusted'}
    const server = await phase(`${label}: start server`, () => startServer({node, vscodeDir, root, env, trusted, settings}))
    try {
      const code = await phase(`${label}: suite`, () => runExtensionTests({server, folder, extensionPath, testsPath: bundle, timeoutMs, verbose}))
      passed = code === 0
      if (!passed) {
        failures.push(`${label}: suite exited with ${code} (server log: ${server.logFile})`)
        const errors = extensionHostErrors(root)
        if (errors.length > 0) console.error(`\nextension host errors:\n${errors.join('\n')}`)
      }
    } finally {
      await server.stop()
    }
  } finally {
    if (passed && !keep) removeRunRoot(root)
    else console.log(`kept ${root}`)
  }
}

/**
 * The Node and the VS Code a target runs on, installed when missing.
 * @param {typeof targets.oldest} target
 */
async function install(target) {
  const node = await ensureNode(target)
  const {vscodeDir, version} = await ensureCodeServer(target, node)
  return {node: node.bin, vscodeDir, version}
}

const vsixDir = mkdtempSync(join(tmpdir(), 'whylint-vsix-out-'))

try {
  await phase('Debian packages', () => {
    const installed = ensureDebianPackages()
    console.log(installed.length > 0 ? `installed ${installed.join(' ')}` : 'all present')
  })

  // Every install starts now, so the newest VS Code installs while the oldest is being tested.
  const installs = new Map(selected.map((target) => [target, install(target)]))
  for (const pending of installs.values()) pending.catch(() => {}) // awaited below

  const suite = await phase('build extension and suite', async () => {
    if (extensionPath === repoRoot) run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {cwd: repoRoot})
    const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'))
    if (!manifest.main || !existsSync(join(extensionPath, manifest.main))) {
      throw new Error(`The extension at ${extensionPath} has no built \`main\` (${manifest.main ?? 'not set'})`)
    }
    if (manifest.type === 'module' && /\.js$/.test(manifest.main) && !existsSync(join(extensionPath, manifest.main, '..', 'package.json'))) {
      // Node loads a `.js` file of a `"type": "module"` package as ESM, so a CommonJS bundle fails
      // to activate with `require is not defined in ES module scope`.
      console.warn(`warning: \`main\` \`${manifest.main}\` is a .js file in a \`"type": "module"\` package; a CommonJS bundle needs a .cjs name`)
    }
    const built = await buildSuite()
    console.log(`suite: ${built.files.join(', ')}`)
    if (!runWeb) return {...built, web: undefined}
    if (!manifest.browser || !existsSync(join(extensionPath, manifest.browser))) {
      throw new Error(`The extension at ${extensionPath} has no built \`browser\` entry (${manifest.browser ?? 'not set'}) for the web pass`)
    }
    const web = await buildWebSuite()
    console.log(`web suite: ${web.files.join(', ')}`)
    return {...built, web}
  })

  for (const target of selected) {
    const {node, vscodeDir, version} = await phase(`${target.name}: install (Node, code-server ${target.codeServer})`, () => installs.get(target))
    const passes = target === targets.newest && process.env.WHYLINT_UNTRUSTED !== '0' ? ['trusted', 'untrusted'] : ['trusted']
    for (const trust of passes) {
      await runSuite({label: `${target.name} (VS Code ${version}, ${trust})`, target, node, vscodeDir, version, trusted: trust === 'trusted', bundle: suite.bundle})
    }
    if (target === targets.newest && suite.web) {
      // An extension with both `main` and `browser` runs in the Node host unless this user
      // setting, read at server start, sends it to the browser's Web Worker extension host.
      const settings = {'remote.extensionKind': {[extensionId(extensionPath)]: ['web']}}
      await runSuite({label: `${target.name} (VS Code ${version}, web worker)`, target, node, vscodeDir, version, trusted: true, bundle: suite.web.bundle, settings})
    }
  }

  const vsix = await phase('package VSIX', () => {
    if (extensionPath !== repoRoot) run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {cwd: repoRoot})
    const out = join(vsixDir, 'whylint.vsix')
    packageVsix({out, build: false})
    const problems = checkVsix(out)
    console.log(`${out}: ${statSync(out).size} bytes`)
    for (const problem of problems) failures.push(`VSIX: ${problem}`)
    return out
  })

  if (selected.includes(targets.newest) && process.env.WHYLINT_UI !== '0') {
    const {node, vscodeDir} = await installs.get(targets.newest)
    await phase('newest: UI check', () => runUiCheck({node, vscodeDir, vsix, keep})).catch((error) => {
      failures.push(`UI check: ${error instanceof Error ? error.message : String(error)}`)
    })
  }
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error))
}

rmSync(vsixDir, {recursive: true, force: true})
summary()
if (failures.length > 0) {
  console.error('\nintegration run failed:')
  for (const failure of failures) console.error(`- ${failure}`)
  process.exit(1)
}
console.log('\nintegration run passed')
process.exit(0)
