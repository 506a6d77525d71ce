// The host side of the analysis worker: sends lint requests, matches answers, answers the
// worker's file reads, and restarts a crashed worker (telling the user once). No `vscode` here:
// the platform entry points give it a way to spawn a worker and to read files.

import type {FromWorker, LintRequest, LintResult, RuleInfo, ToWorker} from './protocol.js'

/** What a spawned worker looks like to the client (a `worker_threads` Worker or a Web Worker). */
export interface WorkerPort {
  postMessage(message: ToWorker): void
  terminate(): void
}

export interface WorkerEvents {
  message(message: FromWorker): void
  /** The worker died (error or unexpected exit). */
  crash(reason: string): void
}

export type SpawnWorker = (events: WorkerEvents) => WorkerPort

export interface ClientOptions {
  spawn: SpawnWorker
  readFile(path: string): Promise<string | undefined>
  /** Called once, on the first crash. */
  onFirstCrash?(reason: string): void
}

type Waiter = {resolve(result: LintResult): void; request: LintRequest}

export class AnalysisClient {
  private port: WorkerPort | undefined
  private nextId = 1
  private readonly waiting = new Map<number, Waiter>()
  private readonly rulesWaiting = new Map<number, (rules: RuleInfo[]) => void>()
  private readonly yamlWaiting = new Map<number, (result: {text?: string; error?: string}) => void>()
  private rules: Promise<RuleInfo[]> | undefined
  private crashes = 0
  private disposed = false

  constructor(private readonly options: ClientOptions) {}

  get crashCount(): number {
    return this.crashes
  }

  private ensure(): WorkerPort {
    if (this.port) return this.port
    const port = this.options.spawn({
      message: (message) => {
        if (this.port === port) this.onMessage(message)
      },
      crash: (reason) => {
        if (this.port === port) this.onCrash(reason)
      },
    })
    this.port = port
    return port
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'lint': {
        const waiter = this.waiting.get(message.id)
        this.waiting.delete(message.id)
        waiter?.resolve(message)
        break
      }
      case 'rules': {
        const waiter = this.rulesWaiting.get(message.id)
        this.rulesWaiting.delete(message.id)
        waiter?.(message.rules)
        break
      }
      case 'yamlRuleOff': {
        const waiter = this.yamlWaiting.get(message.id)
        this.yamlWaiting.delete(message.id)
        waiter?.(message)
        break
      }
      case 'readFile':
        void this.options.readFile(message.path).then(
          (text) => this.port?.postMessage(text === undefined ? {type: 'file', id: message.id} : {type: 'file', id: message.id, text}),
          () => this.port?.postMessage({type: 'file', id: message.id}),
        )
        break
    }
  }

  private onCrash(reason: string): void {
    this.port = undefined
    this.crashes++
    if (this.crashes === 1) this.options.onFirstCrash?.(reason)
    // Everything in flight is answered as failed; callers lint again on the next change.
    for (const [id, waiter] of this.waiting) {
      waiter.resolve({type: 'lint', id, uri: waiter.request.uri, version: waiter.request.version, config: {}, error: `The analysis worker stopped: ${reason}`})
    }
    this.waiting.clear()
    for (const waiter of this.rulesWaiting.values()) waiter([])
    this.rulesWaiting.clear()
    for (const waiter of this.yamlWaiting.values()) waiter({error: `The analysis worker stopped: ${reason}`})
    this.yamlWaiting.clear()
    this.rules = undefined
  }

  /** Lint one document version; resolves when the worker answers (possibly `cancelled`). */
  lint(request: Omit<LintRequest, 'type' | 'id'>): Promise<LintResult> {
    if (this.disposed) return Promise.resolve({type: 'lint', id: 0, uri: request.uri, version: request.version, config: {}, cancelled: true})
    const full: LintRequest = {...request, type: 'lint', id: this.nextId++}
    return new Promise((resolve) => {
      this.waiting.set(full.id, {resolve, request: full})
      this.ensure().postMessage(full)
    })
  }

  cancel(uri: string): void {
    this.port?.postMessage({type: 'cancel', uri})
  }

  configChanged(): void {
    this.port?.postMessage({type: 'configChanged'})
  }

  /** Rule metadata, asked of the worker once. */
  ruleInfo(): Promise<RuleInfo[]> {
    if (!this.rules) {
      const id = this.nextId++
      this.rules = new Promise((resolve) => {
        this.rulesWaiting.set(id, resolve)
        this.ensure().postMessage({type: 'rules', id})
      })
    }
    return this.rules
  }

  /** A YAML config's text with the rule turned off (done in the worker, which has the parser). */
  yamlRuleOff(text: string, ruleId: string): Promise<{text?: string; error?: string}> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.yamlWaiting.set(id, resolve)
      this.ensure().postMessage({type: 'yamlRuleOff', id, text, ruleId})
    })
  }

  /** Whether any request is still out. */
  get busy(): boolean {
    return this.waiting.size > 0
  }

  dispose(): void {
    this.disposed = true
    this.port?.terminate()
    this.port = undefined
    for (const [id, waiter] of this.waiting) waiter.resolve({type: 'lint', id, uri: waiter.request.uri, version: waiter.request.version, config: {}, cancelled: true})
    this.waiting.clear()
  }
}
