// Starting the analysis Web Worker from VS Code's Web Worker extension host. That host refuses
// `new Worker(url)` when the extension is served by a remote server (a `vscode-remote:` URI: a
// VS Code server, code-server, Codespaces), so there the script is read through the file system
// API and started from a blob URL; messages posted meanwhile wait and go out in order.

import type {SpawnWorker} from '../client.js'
import type {FromWorker, ToWorker} from '../protocol.js'

/** The part of a Web Worker the client uses. */
export interface WebWorker {
  postMessage(message: ToWorker): void
  terminate(): void
  onmessage: ((event: {data: FromWorker}) => void) | null
  onerror: ((event: {message?: string}) => void) | null
}

export interface WebWorkerPlatform {
  /** `new Worker(url)`; may throw. */
  create(url: string): WebWorker
  /** The worker script's bytes, read through the extension host's file system API. */
  readScript(): Promise<Uint8Array>
  /** A URL for a script held in memory. */
  blobUrl(script: Uint8Array): string
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A `SpawnWorker` for the script at `url`, falling back to a blob URL when `url` is refused. */
export function webWorkerSpawner(url: string, platform: WebWorkerPlatform): SpawnWorker {
  // Read once: a restarted worker reuses the blob URL.
  let fallback: Promise<string> | undefined
  return (events) => {
    let worker: WebWorker | undefined
    let pending: ToWorker[] = []
    let stopped = false
    const attach = (started: WebWorker) => {
      started.onmessage = (event) => events.message(event.data)
      started.onerror = (event) => events.crash(event.message ?? 'worker error')
      worker = started
      for (const message of pending) started.postMessage(message)
      pending = []
    }
    try {
      attach(platform.create(url))
    } catch {
      fallback ??= platform.readScript().then((script) => platform.blobUrl(script))
      fallback
        .then((blob) => {
          if (!stopped) attach(platform.create(blob))
        })
        .catch((error: unknown) => {
          fallback = undefined
          if (!stopped) events.crash(`cannot start the analysis worker: ${reasonOf(error)}`)
        })
    }
    return {
      postMessage(message) {
        if (worker) worker.postMessage(message)
        else pending.push(message)
      },
      terminate() {
        stopped = true
        pending = []
        worker?.terminate()
      },
    }
  }
}
