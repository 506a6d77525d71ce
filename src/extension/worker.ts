// The desktop analysis worker (`dist/worker.js`, a `worker_threads` worker): the engine runs here,
// off the extension host's thread.

import {parentPort} from 'node:worker_threads'
import {createWorkerCore} from './worker-core.js'
import type {ToWorker} from './protocol.js'

const port = parentPort
if (port) {
  const core = createWorkerCore((message) => port.postMessage(message), (callback) => setImmediate(callback))
  port.on('message', (message: ToWorker) => core.onMessage(message))
}
