// Installs what the integration run needs and is not a project dependency: Debian packages (a
// browser, build tools for code-server's native modules), Node 24 for the newest VS Code, and the
// VS Code server + web workbench that the `code-server` npm package ships. Everything downloaded
// goes under `.cache/vscode/`, one folder per version, so a second run reuses it.
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync, cpSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, dirname, join} from 'node:path'

export const repoRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..', '..')
export const cacheRoot = process.env.WHYLINT_VSCODE_CACHE || join(repoRoot, '.cache', 'vscode')

/**
 * The VS Code versions the suite runs against. `oldest` is the oldest VS Code we can get here
 * (code-server 4.100.3 is the newest code-server that still runs on Node 20); `newest` needs
 * Node 24, taken from the `node` npm package.
 */
export const targets = {
  oldest: {name: 'oldest', codeServer: '4.100.3', vscode: '1.100.3', node: undefined},
  newest: {name: 'newest', codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0'},
}

const debianPackages = ['chromium', 'libkrb5-dev', 'pkg-config', 'ripgrep', 'make', 'g++', 'python3', 'git']

/** Install the Debian packages that are missing (as root, `apt-get update` first). */
export function ensureDebianPackages() {
  if (!commandExists('dpkg-query')) {
    if (!existsSync(chromiumPath())) throw new Error('Not a Debian system and no Chromium found: set CHROMIUM to a Chromium binary')
    return []
  }
  const missing = debianPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], {encoding: 'utf8'})
    return result.status !== 0 || !result.stdout.includes('install ok installed')
  })
  if (missing.length === 0) return missing
  if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages: ${missing.join(' ')}; install them as root`)
  run('apt-get', ['update', '-qq'])
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}})
  return missing
}

export function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium'
}

/**
 * The Node binary a target runs on: the running Node, or a version from the `node` npm package
 * (a binary with its headers, which node-gyp needs for code-server's native modules).
 * @param {{node: string | undefined}} target
 * @returns {Promise<{bin: string, nodedir: string | undefined}>}
 */
export async function ensureNode(target) {
  if (!target.node) {
    // node-gyp needs headers that match the running Node: next to it (official tarballs, Docker
    // images) or in /usr (Debian, NodeSource). Without them node-gyp downloads them.
    const major = process.versions.node.split('.')[0]
    const nodedir = [dirname(dirname(process.execPath)), '/usr'].find((prefix) => {
      const header = join(prefix, 'include', 'node', 'node_version.h')
      return existsSync(header) && readFileSync(header, 'utf8').includes(`#define NODE_MAJOR_VERSION ${major}\n`)
    })
    return {bin: process.execPath, nodedir}
  }
  const dir = join(cacheRoot, `node-${target.node}`)
  await installOnce(dir, () => npmInstall(dir, [`node@${target.node}`], process.execPath, {}))
  const distDir = findNodeDist(join(dir, 'node_modules'))
  if (!distDir) throw new Error(`No Node binary found under ${dir}`)
  return {bin: join(distDir, 'bin', 'node'), nodedir: distDir}
}

/**
 * Install code-server for a target and return the path of the VS Code inside it.
 * @param {{codeServer: string}} target
 * @param {{bin: string, nodedir: string | undefined}} node
 */
export async function ensureCodeServer(target, node) {
  const dir = join(cacheRoot, `code-server-${target.codeServer}`)
  await installOnce(dir, () => {
    if (target.codeServer === '4.100.3') seedRipgrepCache()
    const env = {
      // code-server's postinstall refuses to run as root without it
      npm_config_unsafe_perm: 'true',
      // node-pty's install runs `npx node-gyp`, which must not stop to ask
      npm_config_yes: 'true',
      ...(node.nodedir ? {npm_config_nodedir: node.nodedir} : {}),
    }
    return npmInstall(dir, [`code-server@${target.codeServer}`, '--foreground-scripts'], node.bin, env)
  })
  const vscodeDir = join(dir, 'node_modules', 'code-server', 'lib', 'vscode')
  const version = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')).version
  return {vscodeDir, version}
}

/**
 * @vscode/ripgrep 1.15.11 (used by code-server 4.100.3) downloads `rg` from GitHub in its
 * postinstall; put Debian's `rg` into its download cache instead.
 */
function seedRipgrepCache() {
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11')
  const archive = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz')
  if (existsSync(archive)) return
  const stage = join(cache, 'stage')
  mkdirSync(stage, {recursive: true})
  cpSync('/usr/bin/rg', join(stage, 'rg'))
  run('tar', ['czf', archive, '-C', stage, 'rg'])
  rmSync(stage, {recursive: true, force: true})
}

/**
 * Run `install` once per folder: a `.complete` marker says a previous run finished; an
 * unfinished folder is installed into again (npm picks up where it stopped).
 * @param {string} dir
 * @param {() => Promise<void>} install
 */
async function installOnce(dir, install) {
  const marker = join(dir, '.complete')
  if (existsSync(marker)) return
  const start = performance.now()
  console.log(`installing into ${dir} (log: ${dir}.log)`)
  await install()
  writeFileSync(marker, new Date().toISOString() + '\n')
  console.log(`installed ${dir} in ${((performance.now() - start) / 1000).toFixed(1)} s`)
}

/**
 * `npm install` into `dir` under the given Node, so install scripts that check the Node major see
 * the right one.
 * @param {string} dir
 * @param {string[]} args
 * @param {string} nodeBin
 * @param {Record<string, string>} env
 */
async function npmInstall(dir, args, nodeBin, env) {
  mkdirSync(dir, {recursive: true})
  writeFileSync(join(dir, 'package.json'), JSON.stringify({name: 'whylint-vscode-cache', private: true}) + '\n')
  const log = `${dir}.log`
  // Two runs on one tree (two terminals, two engineers) must not install into one folder at once.
  const locked = commandExists('flock') ? ['flock', [`${dir}.lock`, nodeBin]] : [nodeBin, []]
  // Asynchronous, so the newest VS Code can install while the oldest is being tested.
  const child = spawn(locked[0], [...locked[1], npmCli(), 'install', '--no-audit', '--no-fund', '--no-save', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...withoutNpmVariables(process.env), PATH: dirname(nodeBin) + delimiter + process.env.PATH, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', ...env},
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise((resolve) => child.on('close', resolve))
  writeFileSync(log, output)
  if (code !== 0) {
    console.error(output.split('\n').slice(-40).join('\n'))
    throw new Error(`npm install ${args.join(' ')} failed in ${dir}`)
  }
}

/**
 * The environment without what an outer `npm test` set for its own script: the inner npm would
 * read `npm_config_user_agent` ("node/v20") as config, and code-server's postinstall takes the
 * Node major from it and refuses to install.
 * @param {NodeJS.ProcessEnv} env
 */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_(?:config_user_agent|lifecycle_|package_|execpath|node_execpath|command)/i.test(key)))
}

/** The npm CLI script of the npm on PATH, to run it under another Node. */
function npmCli() {
  if (process.env.npm_execpath && process.env.npm_execpath.endsWith('npm-cli.js')) return process.env.npm_execpath
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'npm')
    if (existsSync(candidate)) {
      const cli = join(dirname(realpathSync(candidate)), 'npm-cli.js')
      if (existsSync(cli)) return cli
    }
  }
  throw new Error('npm not found on PATH')
}

/** @param {string} nodeModules */
function findNodeDist(nodeModules) {
  for (const base of [join(nodeModules, 'node', 'node_modules'), nodeModules]) {
    if (!existsSync(base)) continue
    for (const name of readdirSync(base)) {
      if (/^node-(linux|darwin)-/.test(name) && existsSync(join(base, name, 'bin', 'node'))) return join(base, name)
    }
  }
  return undefined
}

/** @param {string} name */
export function commandExists(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, name)))
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {stdio: 'inherit', ...options})
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
  return result
}
