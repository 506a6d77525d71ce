// The harness's own smoke test: the suite runs in the VS Code it asked for, and the extension
// activates on a Markdown file and publishes whylint diagnostics there.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {waitForDiagnostics, workspaceFile} from '../lib/diagnostics.js'

suite('harness', () => {
  test('runs in the requested VS Code', () => {
    const expected = process.env['WHYLINT_VSCODE_VERSION']
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}), Node ${process.version}, remote ${vscode.env.remoteName ?? 'none'}, trusted ${vscode.workspace.isTrusted}`)
    if (expected) assert.equal(vscode.version, expected)
    // The untrusted variant of the run opens the workspace in restricted mode.
    assert.equal(vscode.workspace.isTrusted, process.env['WHYLINT_WORKSPACE_TRUST'] !== 'untrusted')
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a workspace folder is open')
  })

  test('activates on Markdown and publishes a whylint diagnostic', async () => {
    const uri = workspaceFile('README.md')
    const extension = vscode.extensions.getExtension('whylint.whylint')
    assert.ok(extension, 'the extension under development is loaded')
    const document = await vscode.workspace.openTextDocument(uri)
    assert.equal(document.languageId, 'markdown')
    await vscode.window.showTextDocument(document)
    const diagnostics = await waitForDiagnostics(uri)
    assert.ok(extension.isActive, 'the extension is active')
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'whylint')
      assert.ok(diagnostic.range.end.line < document.lineCount, `range ${JSON.stringify(diagnostic.range)} lies inside the document`)
    }
  })
})
