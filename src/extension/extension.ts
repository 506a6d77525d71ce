// Desktop entry (`dist/extension.js`): the engine runs in a `worker_threads` worker, never on the
// extension host's thread. This bundle holds only wiring and small pure helpers.

import {Worker} from 'node:worker_threads'
import type * as vscode from 'vscode'
import type {SpawnWorker} from './client.js'
import {activateWith, type WhylintApi} from './main.js'
import {WORKER_HEAP_MB, type FromWorker} from './protocol.js'

export function activate(context: vscode.ExtensionContext): WhylintApi {
  const spawn: SpawnWorker = (events) => {
    const worker = new Worker(context.asAbsolutePath('dist/worker.js'), {resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB}})
    let stopping = false
    worker.on('message', (message: FromWorker) => events.message(message))
    worker.on('error', (error) => events.crash(error.message))
    worker.on('exit', (code) => {
      if (!stopping) events.crash(`exit code ${code}`)
    })
    return {
      postMessage: (message) => worker.postMessage(message),
      terminate: () => {
        stopping = true
        void worker.terminate()
      },
    }
  }
  return activateWith(context, spawn)
}

export function deactivate(): void {}
