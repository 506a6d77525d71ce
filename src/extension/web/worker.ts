// The browser analysis worker (`dist/web/worker.js`, a Web Worker): the same engine as on desktop.

import {createWorkerCore} from '../worker-core.js'
import type {ToWorker} from '../protocol.js'

const scope = globalThis as unknown as {postMessage(message: unknown): void; onmessage: ((event: {data: ToWorker}) => void) | null}
const core = createWorkerCore((message) => scope.postMessage(message), (callback) => setTimeout(callback, 0))
scope.onmessage = (event) => core.onMessage(event.data)
