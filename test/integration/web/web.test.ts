// The browser build (`dist/web/extension.js` with its analysis Web Worker) in VS Code's Web
// Worker extension host, as on vscode.dev: it activates there, lints a README and a commit
// message from the workspace, and its quick fixes edit the text. Files go through
// `workspace.fs`, never a disk path. Every wait is on an event, never a sleep.
import assert from 'assert'
import * as vscode from 'vscode'
import {whylintActionsAt, workspaceFile} from '../lib/diagnostics.js'

interface WhylintApi {
  lintDocument(uri: vscode.Uri): Promise<vscode.Diagnostic[]>
  whenIdle(): Promise<void>
  workerCrashes(): number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
let api: WhylintApi

function ruleId(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code)
}

function ruleIds(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(ruleId)
}

/** Resolve once the whylint diagnostics of `uri` satisfy `done`; reject after 30 s with what is there. */
function diagnosticsUntil(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'whylint')
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = current()
      if (!done(diagnostics)) return
      subscription.dispose()
      clearTimeout(timer)
      resolve(diagnostics)
    }
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check()
    })
    const timer = setTimeout(() => {
      subscription.dispose()
      reject(new Error(`Diagnostics of ${uri.path} never matched; present: ${JSON.stringify(current().map((d) => `${ruleId(d)}@${d.range.start.line + 1}`))}`))
    }, 30_000)
    check()
  })
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))
}

suite('web extension host', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<WhylintApi>('whylint.whylint')
    assert.ok(extension, 'whylint is installed')
    api = await extension.activate()
    assert.strictEqual(typeof api.lintDocument, 'function', 'activate() returns the API')
  })

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor')
    await vscode.commands.executeCommand('workbench.action.closeAllEditors')
  })

  test('runs in the Web Worker extension host', () => {
    const extension = vscode.extensions.getExtension('whylint.whylint')!
    // In the remote Node host the kind is Workspace; the worker host runs on the UI side.
    assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.UI)
    assert.strictEqual(extension.isActive, true)
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web)
    assert.strictEqual(typeof (globalThis as {process?: unknown}).process, 'undefined', 'no Node `process` here')
    assert.strictEqual(typeof (globalThis as {importScripts?: unknown}).importScripts, 'function', 'a worker global scope')
  })

  test('a README without a why gets diagnostics', async () => {
    const uri = workspaceFile('README.md')
    const text = decoder.decode(await vscode.workspace.fs.readFile(uri))
    assert.match(text, /^# tablekit\n/)
    await open(uri)
    const diagnostics = await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'readme-missing-why') && found.some((d) => ruleId(d) === 'long-sentence'))
    const missing = diagnostics.find((d) => ruleId(d) === 'readme-missing-why')!
    assert.strictEqual(missing.range.start.line, 0)
    assert.strictEqual(missing.severity, vscode.DiagnosticSeverity.Warning)
    const long = diagnostics.find((d) => ruleId(d) === 'long-sentence')!
    assert.strictEqual(long.range.start.line, 8)
    const code = long.code as {value: string; target: vscode.Uri}
    assert.match(code.target.toString(true), /\/rules\/long-sentence\/README\.md$/)
    assert.strictEqual(api.workerCrashes(), 0, 'the analysis worker never crashed')
  })

  test('a preferred quick fix applies and changes the text', async () => {
    const uri = workspaceFile('web/notes.md')
    await vscode.workspace.fs.writeFile(uri, encoder.encode('# Tool\n\nThe tool is run in order to check the files before a release.\n'))
    const editor = await open(uri)
    const [wordy] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))).filter((d) => ruleId(d) === 'wordy-phrase')
    const actions = await whylintActionsAt(uri, wordy!.range)
    const preferred = actions.find((action) => action.isPreferred)
    assert.ok(preferred?.edit, `a preferred fix with an edit in ${JSON.stringify(actions.map((action) => action.title))}`)
    assert.ok(await vscode.workspace.applyEdit(preferred.edit))
    assert.strictEqual(editor.document.getText(), '# Tool\n\nThe tool is run to check the files before a release.\n')
    await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
  })

  test('a COMMIT_EDITMSG gets commit diagnostics', async () => {
    const uri = workspaceFile('COMMIT_EDITMSG')
    const editor = await open(uri)
    assert.strictEqual(editor.document.languageId, 'git-commit')
    const diagnostics = await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d).startsWith('commit-')))
    const vague = diagnostics.find((d) => ruleId(d) === 'commit-subject-vague')
    assert.ok(vague, JSON.stringify(ruleIds(diagnostics)))
    assert.strictEqual(vague.range.start.line, 0)
    assert.ok(diagnostics.every((d) => d.range.start.line === 0), 'the `#` comment lines are not linted')
    assert.deepStrictEqual(ruleIds(await api.lintDocument(uri)), ruleIds(diagnostics))
  })
})
