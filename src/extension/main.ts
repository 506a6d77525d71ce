// Wiring shared by the desktop and web entry points: the platform only says how to spawn the
// analysis worker.

import * as vscode from 'vscode'
import {WhylintCodeActions} from './actions.js'
import {AnalysisClient, type SpawnWorker} from './client.js'
import {Commands, scmInputs} from './commands.js'
import {WhylintHover} from './hover.js'
import {Linter, servesDocument} from './linter.js'
import {readSettings} from './settings.js'
import {SELECTOR, Status} from './status.js'

/** What `activate()` returns: enough for integration tests to await a lint without sleeping. */
export interface WhylintApi {
  /** Lint a document now (opening it if needed) and return its whylint diagnostics. */
  lintDocument(uri: vscode.Uri): Promise<vscode.Diagnostic[]>
  /** Resolves when nothing is scheduled or running. */
  whenIdle(): Promise<void>
  /** The nudge count the commit status item shows. */
  commitCount(): number
  /** How many times the worker crashed and was restarted. */
  workerCrashes(): number
  /** Ids of the rules the engine has. */
  ruleIds(): Promise<string[]>
  /** Why a document was not linted (huge or binary), or undefined. */
  skippedReason(uri: vscode.Uri): string | undefined
}

const decoder = new TextDecoder()

export function activateWith(context: vscode.ExtensionContext, spawn: SpawnWorker): WhylintApi {
  const client: AnalysisClient = new AnalysisClient({
    spawn,
    async readFile(path): Promise<string | undefined> {
      const uri: vscode.Uri | undefined = linter.uriOfPath(path)
      if (!uri) return undefined
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(uri))
      } catch {
        return undefined
      }
    },
    onFirstCrash(reason) {
      void vscode.window.showWarningMessage(`whylint's analysis worker stopped (${reason}); it was restarted`)
    },
  })
  const linter: Linter = new Linter(client)
  const status = new Status(linter)
  const commands = new Commands(linter, client)
  const actions = new WhylintCodeActions(linter)

  const lintAll = () => {
    for (const document of vscode.workspace.textDocuments) if (servesDocument(document)) linter.schedule(document, 0)
  }

  context.subscriptions.push(
    client as unknown as vscode.Disposable,
    linter,
    status,
    ...commands.register(),
    vscode.languages.registerCodeActionsProvider(SELECTOR, actions, {providedCodeActionKinds: WhylintCodeActions.kinds}),
    vscode.languages.registerHoverProvider(SELECTOR, new WhylintHover(context.extensionUri)),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (linter.settings.run !== 'off') linter.schedule(document, 0)
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return
      const run = readSettings(event.document.uri).run
      // The commit box has no save: it is always linted as you type.
      if (run === 'onType' || (run === 'onSave' && event.document.languageId === 'scminput')) linter.schedule(event.document)
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (readSettings(document.uri).run !== 'off') void linter.lint(document)
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.clear(document.uri)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('whylint')) return
      linter.settings = readSettings()
      if (!linter.settings.enable || linter.settings.run === 'off') linter.clearAll()
      else lintAll()
      status.update()
    }),
  )

  // Config files: forget what was read and lint again when one changes.
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.whylintrc.json,.whylintrc.yaml,.whylintrc.yml,package.json}')
  // One re-lint per burst: `npm install` touches many package.json files at once.
  let configTimer: ReturnType<typeof setTimeout> | undefined
  const configChanged = () => {
    client.configChanged()
    if (configTimer) clearTimeout(configTimer)
    configTimer = setTimeout(() => {
      configTimer = undefined
      if (linter.settings.enable && linter.settings.run !== 'off') lintAll()
    }, 50)
  }
  context.subscriptions.push({dispose: () => configTimer && clearTimeout(configTimer)})
  context.subscriptions.push(watcher, watcher.onDidChange(configChanged), watcher.onDidCreate(configChanged), watcher.onDidDelete(configChanged))
  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (/(^|\/)(\.whylintrc\.(json|ya?ml)|package\.json)$/.test(document.uri.path)) configChanged()
    }),
  )

  // Documents already open, including a Source Control box registered before activation.
  if (linter.settings.enable && linter.settings.run !== 'off') lintAll()

  return {
    async lintDocument(uri) {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri))
      const result = await linter.lint(document)
      return result ? [...result.diagnostics] : [...(vscode.languages.getDiagnostics(uri) ?? [])].filter((diagnostic) => diagnostic.source === 'whylint')
    },
    whenIdle: () => linter.whenIdle(),
    commitCount: () => {
      status.update()
      return status.commitCount
    },
    workerCrashes: () => client.crashCount,
    ruleIds: async () => (await client.ruleInfo()).map((rule) => rule.id),
    skippedReason: (uri) => linter.skippedReason(uri),
  }
}

export {scmInputs}
