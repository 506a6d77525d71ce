// Helpers for suites running in the extension host: wait for diagnostics through
// `languages.onDidChangeDiagnostics`, never by polling or sleeping, and ask for code actions
// the way the lightbulb does, again when VS Code cancels the request.
import * as vscode from 'vscode'

/**
 * Resolve with the diagnostics of `uri` that match `accept` as soon as there is at least one;
 * reject after `timeoutMs` with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostic: vscode.Diagnostic) => boolean = (diagnostic) => diagnostic.source === 'whylint',
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString()
  const current = () => vscode.languages.getDiagnostics(uri).filter(accept)
  return new Promise((resolve, reject) => {
    const settle = (diagnostics: vscode.Diagnostic[]) => {
      subscription.dispose()
      clearTimeout(timer)
      resolve(diagnostics)
    }
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === key)) return
      const found = current()
      if (found.length > 0) settle(found)
    })
    const timer = setTimeout(() => {
      subscription.dispose()
      const all = vscode.languages.getDiagnostics(uri).map((d) => `${d.source ?? '?'}: ${d.message}`)
      reject(new Error(`No matching diagnostic for ${key} after ${timeoutMs} ms; present: ${JSON.stringify(all)}`))
    }, timeoutMs)
    const found = current()
    if (found.length > 0) settle(found)
  })
}

/** The first workspace folder's URI joined with `path`. */
export function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]
  if (!folder) throw new Error('No workspace folder is open')
  return vscode.Uri.joinPath(folder.uri, path)
}

/** VS Code's own cancellation error, as it reaches an extension through a command. */
function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled')
}

/**
 * The code actions at `range`, as `vscode.executeCodeActionProvider` returns them. VS Code
 * cancels that request when the document or the set of code action providers for it changes
 * while the request runs, as when another extension registers its providers late. The request
 * can then fail with "Canceled" through no fault of whylint's. The lightbulb asks again on the
 * next cursor move; this asks again at once, up to `attempts` times.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string, attempts = 5): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? []
    } catch (error) {
      if (!isCancellation(error) || attempt >= attempts) throw error
    }
  }
}

/**
 * An action whylint's provider made. The command returns titles, kinds and edits but not the
 * diagnostics an action fixes, so tell by title: whylint offers "Learn more about RULE" for each
 * of its diagnostics, and names its Fix all.
 */
function isWhylints(action: vscode.CodeAction): boolean {
  return /^Learn more about [a-z]+(-[a-z]+)*$/.test(action.title) || action.title === 'Fix all whylint problems'
}

/**
 * The code actions at `range` once whylint's provider has answered. A request VS Code cancels
 * part way does not always fail: when the set of providers changes during it, VS Code drops the
 * answers still pending and returns the rest, such as another extension's "Modify". Ask again,
 * as the lightbulb does, until whylint's actions are in the answer; fail with the last answer
 * after `attempts` tries.
 */
export async function whylintActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string, attempts = 10): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = []
  for (let attempt = 1; attempt <= attempts; attempt++) {
    actions = await codeActionsAt(uri, range, kind)
    if (actions.some(isWhylints)) return actions
  }
  throw new Error(`No whylint code action at ${uri.path}:${range.start.line + 1} after ${attempts} requests; got ${JSON.stringify(actions.map((action) => action.title))}`)
}
