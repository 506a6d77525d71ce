// The analysis worker's logic, shared by the Node worker (`worker.ts`) and the Web Worker
// (`web/worker.ts`): it owns the engine, resolves config through file reads the host answers,
// and runs only the newest request per document (older queued ones are answered as cancelled).

import {ConfigError, configuredKind, isIgnored, loadConfigFile, resolveConfig, type ConfigHost, type ResolvedConfig} from '../engine/config.js'
import {inferKind} from '../engine/kinds.js'
import {analyze} from '../engine/lint.js'
import {RULES} from '../engine/rules/index.js'
import {isMap, parseDocument} from 'yaml'
import type {FromWorker, LintRequest, LintResult, ToWorker} from './protocol.js'

export interface WorkerCore {
  onMessage(message: ToWorker): void
}

/**
 * `post` sends a message to the host; `defer` runs a callback after the messages already queued
 * have been delivered (so a burst of edits collapses into one lint).
 */
export function createWorkerCore(post: (message: FromWorker) => void, defer: (callback: () => void) => void, now: () => number = () => Date.now()): WorkerCore {
  const pending = new Map<string, LintRequest>()
  const fileWaiters = new Map<number, (text: string | undefined) => void>()
  let files = new Map<string, Promise<string | undefined>>()
  const lastGood = new Map<string, ResolvedConfig>()
  let nextFileId = 1
  let draining = false

  const host: ConfigHost = {
    readFile(path) {
      let text = files.get(path)
      if (!text) {
        const id = nextFileId++
        text = new Promise<string | undefined>((resolve) => fileWaiters.set(id, resolve))
        files.set(path, text)
        post({type: 'readFile', id, path})
      }
      return text
    },
  }

  const cancelled = (request: LintRequest): LintResult => ({type: 'lint', id: request.id, uri: request.uri, version: request.version, config: {}, cancelled: true})

  async function config(request: LintRequest): Promise<{resolved: ResolvedConfig; error?: LintResult['configError']}> {
    try {
      const resolved = request.configPath ? await loadConfigFile(request.configPath, host) : await resolveConfig(request.path, host, request.root)
      if (resolved.path) lastGood.set(resolved.path, resolved)
      return {resolved}
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      const path = error.path ?? request.configPath ?? ''
      const kept = lastGood.get(path) ?? {config: {}}
      return {resolved: kept, error: {path, message: error.message, keys: error.problems.map((problem) => problem.key)}}
    }
  }

  async function run(request: LintRequest): Promise<LintResult> {
    const {resolved, error} = await config(request)
    // A newer version arrived while the config was read: this one is stale.
    if (pending.has(request.uri)) return cancelled(request)
    const result: LintResult = {type: 'lint', id: request.id, uri: request.uri, version: request.version, config: resolved.config}
    if (resolved.path) result.configFile = resolved.path
    if (error) result.configError = error
    if (isIgnored(resolved, request.path)) return result
    const kind = configuredKind(resolved, request.path) ?? request.kind ?? inferKind(request.path, request.languageId)
    if (!kind || !request.targets.includes(kind)) return result
    const started = now()
    result.analysis = analyze(request.text, {kind, filePath: request.path, languageId: request.languageId, config: resolved.config})
    result.ms = now() - started
    return result
  }

  async function drain(): Promise<void> {
    if (draining) return
    draining = true
    try {
      for (;;) {
        const first = pending.values().next()
        if (first.done) break
        const request = first.value
        pending.delete(request.uri)
        try {
          post(await run(request))
        } catch (error) {
          post({type: 'lint', id: request.id, uri: request.uri, version: request.version, config: {}, error: error instanceof Error ? error.message : String(error)})
        }
      }
    } finally {
      draining = false
    }
  }

  return {
    onMessage(message) {
      switch (message.type) {
        case 'lint': {
          const older = pending.get(message.uri)
          if (older) post(cancelled(older))
          pending.delete(message.uri)
          pending.set(message.uri, message)
          defer(() => void drain())
          break
        }
        case 'cancel': {
          const older = pending.get(message.uri)
          if (older) {
            pending.delete(message.uri)
            post(cancelled(older))
          }
          break
        }
        case 'configChanged':
          files = new Map()
          break
        case 'file': {
          const waiter = fileWaiters.get(message.id)
          fileWaiters.delete(message.id)
          waiter?.(message.text)
          break
        }
        case 'yamlRuleOff':
          post({type: 'yamlRuleOff', id: message.id, ...yamlRuleOff(message.text, message.ruleId)})
          break
        case 'rules':
          post({
            type: 'rules',
            id: message.id,
            rules: RULES.map((rule) => ({id: rule.id, description: rule.description, url: rule.url, fixable: rule.fixable, targets: [...rule.targets]})),
          })
          break
      }
    },
  }
}

/** A YAML config's text with `rules.<ruleId>: off`, comments and order kept. */
export function yamlRuleOff(text: string, ruleId: string): {text: string} | {error: string} {
  const document = parseDocument(text)
  if (document.errors.length > 0) return {error: document.errors[0]!.message.split('\n')[0]!}
  if (document.contents !== null && !isMap(document.contents)) return {error: 'Expected the config file to hold a mapping'}
  document.setIn(['rules', ruleId], 'off')
  return {text: document.toString()}
}
