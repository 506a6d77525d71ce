// Browser entry (`dist/web/extension.js`, vscode.dev): the same wiring, the engine in a Web Worker.

import * as vscode from 'vscode'
import type {SpawnWorker} from '../client.js'
import {activateWith, type WhylintApi} from '../main.js'
import type {FromWorker} from '../protocol.js'

declare const Worker: {
  new (url: string): {
    postMessage(message: unknown): void
    terminate(): void
    onmessage: ((event: {data: FromWorker}) => void) | null
    onerror: ((event: {message?: string}) => void) | null
  }
}

export function activate(context: vscode.ExtensionContext): WhylintApi {
  const spawn: SpawnWorker = (events) => {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'worker.js').toString(true))
    worker.onmessage = (event) => events.message(event.data)
    worker.onerror = (event) => events.crash(event.message ?? 'worker error')
    return {postMessage: (message) => worker.postMessage(message), terminate: () => worker.terminate()}
  }
  return activateWith(context, spawn)
}

export function deactivate(): void {}
