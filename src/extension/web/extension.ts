// Browser entry (`dist/web/extension.cjs`, vscode.dev): the same wiring, the engine in a Web Worker.

import * as vscode from 'vscode'
import {activateWith, type WhylintApi} from '../main.js'
import {webWorkerSpawner, type WebWorker} from './spawn.js'

declare const Worker: new (url: string) => WebWorker

export function activate(context: vscode.ExtensionContext): WhylintApi {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'worker.js')
  const spawn = webWorkerSpawner(script.toString(true), {
    create: (url) => new Worker(url),
    readScript: async () => vscode.workspace.fs.readFile(script),
    blobUrl: (bytes) => URL.createObjectURL(new Blob([new Uint8Array(bytes)], {type: 'text/javascript'})),
  })
  return activateWith(context, spawn)
}

export function deactivate(): void {}
