// Starts VS Code's own server (the one inside code-server) and stops it with its whole process
// group, so no extension host outlives the run, also on failure or timeout.
import {spawn} from 'node:child_process'
import {createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

const host = '127.0.0.1'
/** @type {Set<number>} process groups still running; killed when this process exits */
const groups = new Set()

process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL')
})
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping VS Code servers`)
    process.exit(130)
  })
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/**
 * Flags that every server gets. `server-main.js` is started directly because the `code-server`
 * CLI rejects `--enable-smoke-test-driver`, without which VS Code 1.139 ignores the test payload.
 * @param {string} root
 */
function baseArgs(root) {
  return [
    '--accept-server-license-terms',
    '--without-connection-token',
    '--telemetry-level', 'off',
    '--server-data-dir', join(root, 'server-data'),
    '--user-data-dir', join(root, 'user-data'),
    '--extensions-dir', join(root, 'extensions'),
  ]
}

/**
 * Install a VSIX into the extensions dir of the server that `startServer(root)` will run.
 * @param {{node: string, vscodeDir: string, root: string, vsix: string}} options
 */
export async function installExtension({node, vscodeDir, root, vsix}) {
  const child = spawn(node, [join(vscodeDir, 'out', 'server-main.js'), ...baseArgs(root), '--install-extension', vsix, '--force'], {stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const code = await new Promise((resolve) => child.on('close', resolve))
  if (code !== 0 || !/successfully installed/i.test(output)) throw new Error(`Installing ${vsix} failed (exit ${code}):\n${output}`)
}

/** No update checks, gallery queries or welcome pages: nothing here can reach the network. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
}

/**
 * Start the server on a free port. User settings are written before it starts (some, like
 * `remote.extensionKind`, are read only at startup).
 * @param {{node: string, vscodeDir: string, root: string, env?: Record<string, string>, trusted?: boolean, settings?: Record<string, unknown>, timeoutMs?: number}} options
 */
export async function startServer({node, vscodeDir, root, env = {}, trusted = true, settings = {}, timeoutMs = 60_000}) {
  const userDir = join(root, 'user-data', 'User')
  mkdirSync(userDir, {recursive: true})
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify({...quietSettings, ...settings}, null, 2))
  const logFile = join(root, 'server.log')
  const log = createWriteStream(logFile)
  const args = [
    join(vscodeDir, 'out', 'server-main.js'),
    '--host', host,
    // Port 0: the OS picks a free port and the server prints which one.
    '--port', '0',
    '--enable-smoke-test-driver',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    ...baseArgs(root),
  ]
  // `detached` makes the server a session and process-group leader (setsid), so killing the
  // group also ends the extension hosts and file watchers it forks.
  const child = spawn(node, args, {detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}})
  if (child.pid === undefined) throw new Error('The VS Code server did not start')
  const pid = child.pid
  groups.add(pid)
  const exited = new Promise((resolve) => child.on('exit', resolve))
  const stop = async () => {
    if (!groups.has(pid)) return
    groups.delete(pid)
    killGroup(pid, 'SIGTERM')
    // Five seconds to exit cleanly; a server that ignores SIGTERM must not hang the test run.
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
    killGroup(pid, 'SIGKILL') // anything in the group that ignored SIGTERM
  }
  try {
    const port = await new Promise((resolve, reject) => {
      let seen = ''
      const timer = setTimeout(() => reject(new Error(`The VS Code server did not listen within ${timeoutMs} ms`)), timeoutMs)
      const onData = (/** @type {Buffer} */ chunk) => {
        log.write(chunk)
        seen = (seen + chunk.toString()).slice(-4096)
        const match = /Extension host agent listening on (\d+)/.exec(seen)
        if (match) {
          clearTimeout(timer)
          resolve(Number(match[1]))
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`The VS Code server exited with ${code} before listening`))
      })
    })
    return {url: `http://${host}:${port}`, authority: `${host}:${port}`, pid, logFile, stop}
  } catch (error) {
    await stop()
    console.error(readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'))
    throw error
  }
}

/**
 * Error lines (with their stack) from the extension host logs of a run, such as a failed
 * activation, which the suite itself only sees as a missing diagnostic.
 * @param {string} root
 */
export function extensionHostErrors(root) {
  const logs = join(root, 'user-data', 'logs')
  if (!existsSync(logs)) return []
  const files = readdirSync(logs, {recursive: true, encoding: 'utf8'}).filter((file) => /exthost\d*[\\/](remote)?exthost\.log$/.test(file))
  const errors = []
  for (const file of files) {
    const lines = readFileSync(join(logs, file), 'utf8').split('\n')
    lines.forEach((line, index) => {
      if (!/\[error\]/.test(line) || /ENOTFOUND/.test(line)) return
      const stack = []
      for (let next = index + 1; next < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[next] ?? ''); next++) stack.push(lines[next])
      errors.push([line, ...stack.slice(0, 6)].join('\n'))
    })
  }
  return errors
}
