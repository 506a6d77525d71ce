// The browser entry as VS Code's Web Worker extension host sees it: it must load as CommonJS,
// and its analysis worker must start also where `new Worker(url)` is refused (an extension served
// by a remote VS Code server: `vscode-remote:` URLs).
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import type {WorkerEvents} from '../../src/extension/client.js'
import type {FromWorker, ToWorker} from '../../src/extension/protocol.js'
import {webWorkerSpawner, type WebWorker, type WebWorkerPlatform} from '../../src/extension/web/spawn.js'

class FakeWorker implements WebWorker {
  posted: ToWorker[] = []
  terminated = false
  onmessage: ((event: {data: FromWorker}) => void) | null = null
  onerror: ((event: {message?: string}) => void) | null = null
  constructor(readonly url: string) {}
  postMessage(message: ToWorker): void {
    this.posted.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
}

/** A platform whose `create` refuses `vscode-remote:` URLs, as VS Code's web worker host does. */
function platform(read: () => Promise<Uint8Array> = async () => new TextEncoder().encode('onmessage = () => {}')) {
  const created: FakeWorker[] = []
  let reads = 0
  const api: WebWorkerPlatform = {
    create(url) {
      if (url.startsWith('vscode-remote:')) throw new Error('Creating workers from remote extensions is currently not supported.')
      const worker = new FakeWorker(url)
      created.push(worker)
      return worker
    },
    readScript() {
      reads++
      return read()
    },
    blobUrl: (script) => `blob:test/${script.length}`,
  }
  return {api, created, reads: () => reads}
}

function recorder() {
  const messages: FromWorker[] = []
  const crashes: string[] = []
  const events: WorkerEvents = {message: (message) => messages.push(message), crash: (reason) => crashes.push(reason)}
  return {events, messages, crashes}
}

/** Let pending promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('extension web worker spawn', () => {
  it('ships the browser entry as a file VS Code loads as CommonJS', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {type?: string; browser?: string}
    assert.ok(manifest.browser, 'a `browser` entry')
    // VS Code's rule: `.mjs`, or `.js` in a `"type": "module"` package, is ESM, which its Web
    // Worker extension host cannot load.
    const esm = manifest.browser.endsWith('.mjs') || (manifest.type === 'module' && !manifest.browser.endsWith('.cjs'))
    assert.equal(esm, false, `\`${manifest.browser}\` would load as ESM`)
    const build = readFileSync('scripts/build.mjs', 'utf8')
    assert.ok(build.includes(`outfile: '${manifest.browser.replace(/^\.\//, '')}'`), 'the build writes the `browser` entry')
  })

  it('starts the worker from its URL when the host allows it', () => {
    const {api, created, reads} = platform()
    const {events, messages} = recorder()
    const port = webWorkerSpawner('https://cdn.example/ext/dist/web/worker.js', api)(events)
    port.postMessage({type: 'rules', id: 1})
    assert.equal(created.length, 1)
    assert.equal(created[0]!.url, 'https://cdn.example/ext/dist/web/worker.js')
    assert.deepEqual(created[0]!.posted, [{type: 'rules', id: 1}])
    created[0]!.onmessage!({data: {type: 'rules', id: 1, rules: []}})
    assert.deepEqual(messages, [{type: 'rules', id: 1, rules: []}])
    assert.equal(reads(), 0)
  })

  it('falls back to a blob URL for a remote extension, keeping queued messages in order', async () => {
    const {api, created, reads} = platform()
    const {events, crashes} = recorder()
    const spawn = webWorkerSpawner('vscode-remote://127.0.0.1:8000/ext/dist/web/worker.js', api)
    const port = spawn(events)
    port.postMessage({type: 'rules', id: 1})
    port.postMessage({type: 'configChanged'})
    assert.equal(created.length, 0, 'nothing started yet')
    await settle()
    assert.equal(created.length, 1)
    assert.equal(created[0]!.url, 'blob:test/20')
    assert.deepEqual(created[0]!.posted, [{type: 'rules', id: 1}, {type: 'configChanged'}])
    port.postMessage({type: 'cancel', uri: 'a'})
    assert.deepEqual(created[0]!.posted.at(-1), {type: 'cancel', uri: 'a'})
    created[0]!.onerror!({message: 'boom'})
    assert.deepEqual(crashes, ['boom'])
    // A restart reads the script only once.
    spawn(recorder().events)
    await settle()
    assert.equal(created.length, 2)
    assert.equal(reads(), 1)
  })

  it('reports a crash when the script cannot be read, and reads again on restart', async () => {
    let fail = true
    const {api, created, reads} = platform(async () => {
      if (fail) throw new Error('ENOENT')
      return new Uint8Array(3)
    })
    const first = recorder()
    const spawn = webWorkerSpawner('vscode-remote://h/ext/dist/web/worker.js', api)
    spawn(first.events).postMessage({type: 'rules', id: 1})
    await settle()
    assert.deepEqual(first.crashes, ['cannot start the analysis worker: ENOENT'])
    fail = false
    spawn(recorder().events)
    await settle()
    assert.equal(reads(), 2)
    assert.equal(created.length, 1)
  })

  it('does not start a worker that was terminated while its script was read', async () => {
    const {api, created} = platform()
    const {events, crashes} = recorder()
    const port = webWorkerSpawner('vscode-remote://h/ext/dist/web/worker.js', api)(events)
    port.postMessage({type: 'rules', id: 1})
    port.terminate()
    await settle()
    assert.equal(created.length, 0)
    assert.deepEqual(crashes, [])
  })
})
