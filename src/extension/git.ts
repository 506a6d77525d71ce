// The few parts of the built-in git extension's API whylint uses (its `getAPI(1)`).

import * as vscode from 'vscode'

export interface GitInputBox {
  value: string
}

export interface GitRepository {
  rootUri: vscode.Uri
  inputBox: GitInputBox
}

export interface GitApi {
  repositories: GitRepository[]
}

/** The git API, or undefined when the git extension is missing or disabled (e.g. on the web). */
export async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<{getAPI(version: 1): GitApi; enabled?: boolean}>('vscode.git')
  if (!extension) return undefined
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate()
    return exports.getAPI(1)
  } catch {
    return undefined
  }
}

/** Replace the text of the Source Control input that `document` shows. */
export async function setScmInput(document: vscode.TextDocument, text: string): Promise<boolean> {
  const api = await gitApi()
  const current = document.getText()
  const repository = api?.repositories.find((candidate) => candidate.inputBox.value === current) ?? (api?.repositories.length === 1 ? api.repositories[0] : undefined)
  if (repository) {
    repository.inputBox.value = text
    return true
  }
  const edit = new vscode.WorkspaceEdit()
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(current.length)), text)
  return vscode.workspace.applyEdit(edit)
}
