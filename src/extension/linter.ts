// Lints open documents as the user types (debounced) or saves, publishes diagnostics, and keeps
// each document's latest result for code actions, hovers and status items. Results for an older
// document version are dropped.

import * as vscode from 'vscode'
import {languageFor} from '../engine/languages.js'
import type {Finding, Kind} from '../engine/types.js'
import type {AnalysisClient} from './client.js'
import {diagnosticKey, toDiagnostic} from './convert.js'
import {skipReason} from './edits.js'
import type {LintResult} from './protocol.js'
import {readSettings, type Settings} from './settings.js'

export interface DocumentResult {
  uri: string
  version: number
  kind: Kind
  findings: Finding[]
  metrics: Record<string, number>
  /** Fix data by diagnostic key (see `diagnosticKey`). */
  byDiagnostic: Map<string, Finding>
  diagnostics: vscode.Diagnostic[]
}

/** Schemes whose documents are views of something else, never linted. */
const SKIPPED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-settings', 'walkThroughSnippet', 'vscode-userdata', 'gitlens', 'review'])

/** Whether whylint reads this document at all (before config and targets). */
export function servesDocument(document: vscode.TextDocument): boolean {
  if (SKIPPED_SCHEMES.has(document.uri.scheme)) return false
  const id = document.languageId
  if (id === 'markdown' || id === 'git-commit' || id === 'scminput') return true
  if (/(^|\/)(COMMIT_EDITMSG|MERGE_MSG|TAG_EDITMSG|SQUASH_MSG)$/.test(document.uri.path)) return true
  return languageFor(id) !== undefined
}

/** The kind the editor knows for sure, before config globs: the commit box and comment threads. */
export function kindHint(document: vscode.TextDocument): Kind | undefined {
  if (document.languageId === 'scminput' || document.languageId === 'git-commit') return 'commit'
  if (document.uri.scheme === 'comment') return 'review'
  return undefined
}

export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('whylint')
  readonly configCollection = vscode.languages.createDiagnosticCollection('whylint-config')
  private readonly results = new Map<string, DocumentResult>()
  /** Documents left alone (huge or binary), with the reason the status item shows. */
  private readonly skipped = new Map<string, string>()
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly inFlight = new Set<Promise<unknown>>()
  private idleWaiters: Array<() => void> = []
  private readonly changed = new vscode.EventEmitter<vscode.Uri>()
  /** Fires after a document's diagnostics were published (or cleared). */
  readonly onDidLint = this.changed.event
  private readonly configFiles = new Set<string>()
  settings: Settings = readSettings()
  lastConfig: LintResult['config'] = {}

  constructor(private readonly client: AnalysisClient) {}

  result(uri: vscode.Uri): DocumentResult | undefined {
    return this.results.get(uri.toString())
  }

  /** Why a document was not linted, if it was skipped. */
  skippedReason(uri: vscode.Uri): string | undefined {
    return this.skipped.get(uri.toString())
  }

  /** Where in the workspace a document lives, for config lookup and globs. */
  private placeOf(document: vscode.TextDocument): {path: string; root?: string} {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0]
    const inFolder = vscode.workspace.getWorkspaceFolder(document.uri)
    // The commit box and comment threads have no real path: treat them as living at the folder's root.
    if (!inFolder && folder && (document.uri.scheme === 'vscode-scm' || document.uri.scheme === 'comment' || document.uri.scheme === 'untitled')) {
      const base = folder.uri.path.replace(/\/$/, '')
      const name = document.uri.scheme === 'vscode-scm' ? 'COMMIT_EDITMSG' : document.uri.scheme === 'comment' ? 'review-comment.md' : document.uri.path.replace(/^.*\//, '')
      return {path: `${base}/${name}`, root: folder.uri.path}
    }
    return inFolder ? {path: document.uri.path, root: inFolder.uri.path} : {path: document.uri.path}
  }

  /** Lint soon (debounced), as on typing. */
  schedule(document: vscode.TextDocument, delay = this.settings.debounceMs): void {
    if (!this.settings.enable || !servesDocument(document)) return
    const key = document.uri.toString()
    const old = this.timers.get(key)
    if (old) clearTimeout(old)
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key)
        void this.lint(document)
      }, delay),
    )
  }

  /** Lint now; resolves with the published result (undefined when not linted or stale). */
  lint(document: vscode.TextDocument): Promise<DocumentResult | undefined> {
    const key = document.uri.toString()
    const timer = this.timers.get(key)
    if (timer) {
      clearTimeout(timer)
      this.timers.delete(key)
    }
    if (!this.settings.enable || !servesDocument(document)) {
      this.clear(document.uri)
      return Promise.resolve(undefined)
    }
    const text = document.getText()
    // Huge or binary documents are skipped quietly: no popup, a word in the status item.
    const skip = skipReason(text)
    if (skip) {
      this.clear(document.uri)
      this.skipped.set(key, skip)
      this.changed.fire(document.uri)
      return Promise.resolve(undefined)
    }
    this.skipped.delete(key)
    const hint = kindHint(document)
    const place = this.placeOf(document)
    const settings = readSettings(document.uri)
    const work = this.client
      .lint({
        uri: key,
        version: document.version,
        text,
        languageId: document.languageId,
        path: place.path,
        ...(place.root === undefined ? {} : {root: place.root}),
        ...(hint ? {kind: hint} : {}),
        targets: settings.targets,
        ...(settings.configPath ? {configPath: this.configPathOf(settings.configPath, document)} : {}),
      })
      .then((result) => this.publish(document, result, settings))
    this.track(work)
    return work
  }

  private configPathOf(setting: string, document: vscode.TextDocument): string {
    if (setting.startsWith('/')) return setting
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0]
    return folder ? `${folder.uri.path.replace(/\/$/, '')}/${setting}` : setting
  }

  private publish(document: vscode.TextDocument, result: LintResult, settings: Settings): DocumentResult | undefined {
    if (result.cancelled) return undefined
    this.publishConfigProblem(result)
    if (document.isClosed || document.version !== result.version) return undefined
    if (result.error !== undefined || !result.analysis) {
      this.clear(document.uri)
      return undefined
    }
    this.lastConfig = result.config
    const byDiagnostic = new Map<string, Finding>()
    const diagnostics = result.analysis.findings.map((finding) => {
      const diagnostic = toDiagnostic(finding, settings.severityOverride)
      byDiagnostic.set(diagnosticKey(diagnostic), finding)
      return diagnostic
    })
    const entry: DocumentResult = {
      uri: result.uri,
      version: result.version,
      kind: result.analysis.kind,
      findings: result.analysis.findings,
      metrics: result.analysis.metrics,
      byDiagnostic,
      diagnostics,
    }
    this.results.set(result.uri, entry)
    this.collection.set(document.uri, diagnostics)
    this.changed.fire(document.uri)
    return entry
  }

  private publishConfigProblem(result: LintResult): void {
    const failure = result.configError
    const file = failure?.path ?? result.configFile
    if (!file) return
    const uri = this.uriOfPath(file)
    if (!uri) return
    if (!failure) {
      if (this.configFiles.delete(uri.toString())) this.configCollection.delete(uri)
      return
    }
    this.configFiles.add(uri.toString())
    void this.configProblemRange(uri, failure.keys).then((range) => {
      const message = failure.message.replace(`${file}: `, '').replace(new RegExp(`^${escapeRegExp(file)}:\\s*`, 'gm'), '')
      const diagnostic = new vscode.Diagnostic(range, `${message}; whylint keeps using the last valid config`, vscode.DiagnosticSeverity.Error)
      diagnostic.source = 'whylint'
      this.configCollection.set(uri, [diagnostic])
    })
  }

  private async configProblemRange(uri: vscode.Uri, keys: string[]): Promise<vscode.Range> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))
      const last = keys[0]?.split('.').pop()
      const index = last ? text.indexOf(`"${last}"`) >= 0 ? text.indexOf(`"${last}"`) : text.indexOf(last) : -1
      if (index >= 0) {
        const before = text.slice(0, index)
        const line = before.split('\n').length - 1
        const column = index - (before.lastIndexOf('\n') + 1)
        return new vscode.Range(line, column, line, column + last!.length + (text[index] === '"' ? 2 : 0))
      }
    } catch {
      // Unreadable: the problem is still worth showing, so point at the top of the file.
    }
    return new vscode.Range(0, 0, 0, 1)
  }

  /** Map a worker path back to a URI in the workspace (same scheme and authority as its folder). */
  uriOfPath(path: string): vscode.Uri | undefined {
    if (!path.startsWith('/')) return undefined
    const folders = vscode.workspace.workspaceFolders ?? []
    const folder = folders.find((candidate) => path === candidate.uri.path || path.startsWith(`${candidate.uri.path.replace(/\/$/, '')}/`)) ?? folders[0]
    return folder ? folder.uri.with({path}) : vscode.Uri.file(path)
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString()
    const timer = this.timers.get(key)
    if (timer) {
      clearTimeout(timer)
      this.timers.delete(key)
    }
    this.client.cancel(key)
    this.results.delete(key)
    this.collection.delete(uri)
    this.changed.fire(uri)
  }

  clearAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.results.clear()
    this.collection.clear()
    this.settleIdle()
  }

  /** Record a result set from outside the open documents (Lint Workspace). */
  setWorkspaceResult(uri: vscode.Uri, findings: Finding[], settings: Settings): void {
    this.collection.set(
      uri,
      findings.map((finding) => toDiagnostic(finding, settings.severityOverride)),
    )
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work)
    void work.finally(() => {
      this.inFlight.delete(work)
      this.settleIdle()
    })
  }

  private settleIdle(): void {
    if (this.timers.size > 0 || this.inFlight.size > 0) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  /** Resolves when no lint is scheduled or running. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve)
      this.settleIdle()
    })
  }

  /** Timers settle idle waiters too: a timer firing starts a tracked lint before it ends. */
  get pendingTimers(): number {
    return this.timers.size
  }

  dispose(): void {
    this.clearAll()
    this.collection.dispose()
    this.configCollection.dispose()
    this.changed.dispose()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
