// The extension in a real VS Code: diagnostics, quick fixes, Fix all, disable comments, the
// Source Control box, COMMIT_EDITMSG, config changes and "Explain the Why". Every wait is on an
// event or on the extension's own API, never a sleep.
import * as assert from 'node:assert/strict'
import * as vscode from 'vscode'
import {codeActionsAt, waitForDiagnostics, whylintActionsAt, workspaceFile} from '../lib/diagnostics.js'

interface WhylintApi {
  lintDocument(uri: vscode.Uri): Promise<vscode.Diagnostic[]>
  whenIdle(): Promise<void>
  commitCount(): number
  workerCrashes(): number
  ruleIds(): Promise<string[]>
  skippedReason(uri: vscode.Uri): string | undefined
}

const encoder = new TextEncoder()
let api: WhylintApi
let counter = 0

/** A new file in the workspace (so tests never share state), opened in an editor. */
async function fresh(name: string, text: string): Promise<{uri: vscode.Uri; editor: vscode.TextEditor}> {
  const uri = workspaceFile(`t${++counter}/${name}`)
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text))
  const document = await vscode.workspace.openTextDocument(uri)
  const editor = await vscode.window.showTextDocument(document)
  return {uri, editor}
}

function ruleId(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code)
}

/** Wait until `uri`'s whylint diagnostics satisfy `done`. */
function diagnosticsUntil(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'whylint')
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = current()
      if (!done(diagnostics)) return false
      subscription.dispose()
      clearTimeout(timer)
      resolve(diagnostics)
      return true
    }
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check()
    })
    const timer = setTimeout(() => {
      subscription.dispose()
      reject(new Error(`Diagnostics of ${uri.path} never matched; present: ${JSON.stringify(current().map((d) => `${ruleId(d)}@${d.range.start.line + 1}`))}`))
    }, timeoutMs)
    check()
  })
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `${action.title} has an edit`)
  assert.ok(await vscode.workspace.applyEdit(action.edit))
}

const WORDY = '# Tool\n\nThe tool is run in order to check the files before a release.\n'

suite('extension', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<WhylintApi>('whylint.whylint')
    assert.ok(extension)
    api = await extension.activate()
    assert.equal(typeof api.lintDocument, 'function')
  })

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors')
  })

  test('publishes diagnostics with a docs link and a severity from the rule', async () => {
    const {uri} = await fresh('notes.md', WORDY)
    const diagnostics = await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    const wordy = diagnostics.find((d) => ruleId(d) === 'wordy-phrase')!
    assert.equal(wordy.source, 'whylint')
    assert.equal(wordy.range.start.line, 2)
    const code = wordy.code as {value: string; target: vscode.Uri}
    assert.match(code.target.toString(true), /\/rules\/wordy-phrase\/README\.md$/)
    assert.deepEqual((await api.lintDocument(uri)).map(ruleId), diagnostics.map(ruleId))
  })

  test('applies a preferred quick fix', async () => {
    const {uri, editor} = await fresh('fix.md', WORDY)
    const [wordy] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))).filter((d) => ruleId(d) === 'wordy-phrase')
    const actions = await whylintActionsAt(uri, wordy!.range)
    const titles = actions.map((action) => action.title)
    for (const expected of ['Disable wordy-phrase for this line', 'Disable wordy-phrase for this file', 'Disable wordy-phrase in the workspace config', 'Learn more about wordy-phrase']) {
      assert.ok(titles.includes(expected), `${expected} in ${JSON.stringify(titles)}`)
    }
    const preferred = actions.find((action) => action.isPreferred)
    assert.ok(preferred, `a preferred fix in ${JSON.stringify(titles)}`)
    await apply(preferred)
    assert.match(editor.document.getText(), /is run to check/)
    await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
  })

  test('fixes everything with source.fixAll.whylint', async () => {
    const {uri, editor} = await fresh('all.md', `${WORDY}\nWe call it in order to save time, and in order to help.\n`)
    await diagnosticsUntil(uri, (found) => found.filter((d) => ruleId(d) === 'wordy-phrase').length >= 2)
    const actions = await whylintActionsAt(uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.whylint')
    assert.equal(actions.length, 1, JSON.stringify(actions.map((action) => action.title)))
    assert.equal(actions[0]!.kind?.value, 'source.fixAll.whylint')
    await apply(actions[0]!)
    assert.ok(!editor.document.getText().includes('in order to'))
    await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
    const quickOnly = await codeActionsAt(uri, new vscode.Range(0, 0, 0, 0), 'quickfix')
    assert.ok(!quickOnly.some((action) => action.kind?.value === 'source.fixAll.whylint'), 'context.only is respected')
  })

  test('a disable comment silences a finding', async () => {
    const {uri, editor} = await fresh('disable.md', WORDY)
    const [wordy] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))).filter((d) => ruleId(d) === 'wordy-phrase')
    const disable = (await whylintActionsAt(uri, wordy!.range)).find((action) => action.title === 'Disable wordy-phrase for this line')
    assert.ok(disable)
    await apply(disable)
    assert.match(editor.document.getText(), /<!-- whylint-disable-next-line wordy-phrase -->\nThe tool is run in order to/)
    await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
  })

  test('lints the Source Control input and fixes the commit message', async () => {
    const git = vscode.extensions.getExtension<{getAPI(version: 1): {repositories: Array<{inputBox: {value: string}}>; onDidOpenRepository: vscode.Event<unknown>}}>('vscode.git')
    if (!vscode.workspace.isTrusted) {
      // VS Code turns the git extension off in untrusted workspaces: there is no commit box to lint.
      assert.equal(git, undefined)
      assert.equal(await vscode.commands.executeCommand('whylint.fixCommitMessage'), false)
      return
    }
    assert.ok(git, 'the built-in git extension is present')
    const gitApi = (git.isActive ? git.exports : await git.activate()).getAPI(1)
    if (gitApi.repositories.length === 0) await new Promise((resolve) => gitApi.onDidOpenRepository(resolve))
    console.log(`git repositories: ${gitApi.repositories.length}`)
    const repository = gitApi.repositories[0]!
    // The box's document follows the input once the Source Control view has shown it.
    await vscode.commands.executeCommand('workbench.view.scm')
    repository.inputBox.value = 'fix'
    const input = await new Promise<vscode.TextDocument>((resolve, reject) => {
      const find = () => vscode.workspace.textDocuments.find((document) => document.languageId === 'scminput' && document.getText() === 'fix')
      const found = find()
      if (found) return resolve(found)
      const done = (document: vscode.TextDocument) => {
        subscriptions.forEach((subscription) => subscription.dispose())
        clearTimeout(timer)
        resolve(document)
      }
      const check = () => {
        const later = find()
        if (later) done(later)
      }
      const subscriptions = [vscode.workspace.onDidChangeTextDocument(check), vscode.workspace.onDidOpenTextDocument(check)]
      const timer = setTimeout(() => {
        subscriptions.forEach((subscription) => subscription.dispose())
        const open = vscode.workspace.textDocuments.map((document) => `${document.uri.scheme}:${document.languageId}:${JSON.stringify(document.getText().slice(0, 20))}`)
        reject(new Error(`No Source Control input holding \`fix\`; open documents: ${open.join(', ')}`))
      }, 20_000)
    })
    assert.equal(input.uri.scheme, 'vscode-scm')
    const diagnostics = await waitForDiagnostics(input.uri)
    assert.ok(diagnostics.some((d) => ruleId(d).startsWith('commit-')), JSON.stringify(diagnostics.map(ruleId)))
    await api.whenIdle()
    assert.ok(api.commitCount() > 0, 'the status item counts the commit box nudges')
    assert.ok(await vscode.commands.executeCommand('whylint.fixCommitMessage'))
    const value = repository.inputBox.value
    assert.match(value, /^fix\n\nWhy: /, value)
    assert.match(value, /Risk: /)
    repository.inputBox.value = ''
  })

  test('Fix Commit Message in a COMMIT_EDITMSG editor adds the why template', async () => {
    const {uri, editor} = await fresh('COMMIT_EDITMSG', 'fix stuff\n\n# Lines starting with # are ignored.\n')
    await waitForDiagnostics(uri)
    assert.ok(await vscode.commands.executeCommand('whylint.fixCommitMessage', uri))
    assert.match(editor.document.getText(), /^fix stuff\n\nWhy: [^\n]+\n\nWhat changed: [^\n]+\n\nRisk: [^\n]+\n\n# Lines starting/)
  })

  test('lints a COMMIT_EDITMSG editor as a commit message', async () => {
    const uri = workspaceFile('COMMIT_EDITMSG')
    const document = await vscode.workspace.openTextDocument(uri)
    await vscode.window.showTextDocument(document)
    assert.equal(document.languageId, 'git-commit')
    const diagnostics = await waitForDiagnostics(uri)
    assert.ok(diagnostics.some((d) => ruleId(d).startsWith('commit-')), JSON.stringify(diagnostics.map(ruleId)))
    assert.ok(diagnostics.every((d) => d.range.start.line === 0 || ruleId(d) !== 'commit-subject-vague'))
  })

  test('lints a TypeScript file for comments', async () => {
    const uri = workspaceFile('src/user.ts')
    const document = await vscode.workspace.openTextDocument(uri)
    await vscode.window.showTextDocument(document)
    await api.lintDocument(uri)
    if ((await api.ruleIds()).includes('comment-restates-code')) {
      const diagnostics = await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'comment-restates-code'))
      assert.equal(diagnostics.find((d) => ruleId(d) === 'comment-restates-code')!.range.start.line, 7)
    }
  })

  test('re-lints when the config changes, and reports a broken config', async () => {
    const {uri} = await fresh('configured.md', WORDY)
    await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    const config = workspaceFile('.whylintrc.json')
    try {
      await vscode.workspace.fs.writeFile(config, encoder.encode(JSON.stringify({rules: {'wordy-phrase': 'off'}})))
      await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
      await vscode.workspace.fs.writeFile(config, encoder.encode('{"rules": {"wordy-phrase": "of"}}'))
      const [problem] = await diagnosticsUntil(config, (found) => found.length > 0)
      assert.match(problem!.message, /Invalid severity/)
      // The last good config stays in use.
      assert.ok(!(await api.lintDocument(uri)).some((d) => ruleId(d) === 'wordy-phrase'))
    } finally {
      await vscode.workspace.fs.delete(config)
    }
    await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
  })

  test('disables a rule in the workspace config', async () => {
    const {uri} = await fresh('off.md', WORDY)
    await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    const config = workspaceFile('.whylintrc.json')
    try {
      assert.ok(await vscode.commands.executeCommand('whylint.disableRuleInConfig', 'wordy-phrase', uri))
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)))
      assert.equal(written.rules['wordy-phrase'], 'off')
      await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
    } finally {
      await vscode.workspace.fs.delete(config)
    }
  })

  test('disables a rule in a YAML config, keeping its comments', async () => {
    const {uri} = await fresh('off-yaml.md', WORDY)
    await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    const config = workspaceFile('.whylintrc.yaml')
    try {
      await vscode.workspace.fs.writeFile(config, encoder.encode('# shared with the CLI\nrules:\n  hedge-words: hint\n'))
      assert.ok(await vscode.commands.executeCommand('whylint.disableRuleInConfig', 'wordy-phrase', uri))
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(config))
      assert.equal(written, '# shared with the CLI\nrules:\n  hedge-words: hint\n  wordy-phrase: off\n')
      await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'wordy-phrase'))
    } finally {
      await vscode.workspace.fs.delete(config)
    }
  })

  test('Explain the Why: a README Why section after the intro', async () => {
    const {editor} = await fresh('README.md', '# Tool\n\nA tool.\n\n## Install\n\nnpm i tool\n')
    assert.ok(await vscode.commands.executeCommand('whylint.explainWhy', 'readme-why'))
    const text = editor.document.getText()
    assert.match(text, /^# Tool\n\nA tool\.\n\n## Why\n\nThe problem: [^\n]+\n\nWho has it: [^\n]+\n\nWhat this does differently[^\n]+\n\n## Install/)
  })

  test('Explain the Why: a commit body after the subject', async () => {
    const {editor} = await fresh('COMMIT_EDITMSG', 'Cache parsed configs\n\n# comment\n')
    assert.ok(await vscode.commands.executeCommand('whylint.explainWhy', 'commit-body'))
    assert.match(editor.document.getText(), /^Cache parsed configs\n\nWhy: [^\n]+\n\nWhat changed: [^\n]+\n\nRisk: [^\n]+\n\n# comment\n$/)
  })

  test('Explain the Why: a rationale comment above the function at the cursor', async () => {
    const {editor} = await fresh('retry.ts', 'const x = 1\n\nexport function retryDelay(attempt: number): number {\n  return 2 ** attempt * 100\n}\n')
    editor.selection = new vscode.Selection(3, 4, 3, 4)
    assert.ok(await vscode.commands.executeCommand('whylint.explainWhy', 'doc-comment'))
    const lines = editor.document.getText().split('\n')
    assert.equal(lines[2], '/**')
    assert.match(lines[3]!, /^ \* Why `retryDelay` exists: /)
    assert.equal(lines[5], ' */')
    assert.match(lines[6]!, /^export function retryDelay/)
  })

  test('Explain the Why: a docstring inside a Python def', async () => {
    const {editor} = await fresh('load.py', 'def load(path):\n    return open(path).read()\n')
    editor.selection = new vscode.Selection(1, 4, 1, 4)
    assert.ok(await vscode.commands.executeCommand('whylint.explainWhy', 'doc-comment'))
    const lines = editor.document.getText().split('\n')
    assert.equal(lines[0], 'def load(path):')
    assert.match(lines[1]!, /^ {4}"""Why `load` exists: /)
  })

  test('README without a why: the fix template turns the nudge into "fill it in", and a why clears it', async () => {
    const {uri, editor} = await fresh('README.md', '# tablekit\n\n## Install\n\nRun `npm install tablekit`.\n\n## Usage\n\nCall `render(rows)`.\n')
    const [missing] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'readme-missing-why'))).filter((d) => ruleId(d) === 'readme-missing-why')
    const fix = (await whylintActionsAt(uri, missing!.range)).find((action) => action.edit && /why/i.test(action.title))
    assert.ok(fix, 'a fix that inserts a Why section')
    await apply(fix)
    // The template is in but still holds its prompts: one nudge to fill it in, with nothing to insert.
    const [fill] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'readme-missing-why' && /Fill in/.test(d.message)))).filter((d) => ruleId(d) === 'readme-missing-why')
    assert.ok(!(await whylintActionsAt(uri, fill!.range)).some((action) => action.isPreferred), 'no preferred fix for filling in')
    // Write the why over the prompts: the nudge goes.
    const text = editor.document.getText()
    const start = text.indexOf('## Why')
    const end = text.indexOf('## Install')
    await editor.edit((builder) =>
      builder.replace(
        new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end)),
        '## Why\n\nPrinting tables by hand breaks as soon as a cell is wider than expected. tablekit measures every cell first, so columns stay aligned for people who paste logs into chat.\n\n',
      ),
    )
    await diagnosticsUntil(uri, (found) => !found.some((d) => ruleId(d) === 'readme-missing-why'))
  })

  test('hovering a finding explains why the rule matters', async () => {
    const {uri} = await fresh('hover.md', WORDY)
    const [wordy] = (await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))).filter((d) => ruleId(d) === 'wordy-phrase')
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, wordy!.range.start)) ?? []
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n')
    assert.match(text, /\*\*wordy-phrase\*\*/)
    assert.match(text, /Before:/)
  })

  test('Lint Workspace reports files that are not open', async () => {
    const uri = workspaceFile('closed/notes.md')
    await vscode.workspace.fs.writeFile(uri, encoder.encode(WORDY))
    const linted = await vscode.commands.executeCommand<number>('whylint.lintWorkspace')
    assert.ok(linted >= 1, `linted ${linted}`)
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => ruleId(d) === 'wordy-phrase'))
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), 'read through workspace.fs, not opened')
  })

  test('Toggle clears and restores diagnostics', async () => {
    const {uri} = await fresh('toggle.md', WORDY)
    await diagnosticsUntil(uri, (found) => found.length > 0)
    try {
      assert.equal(await vscode.commands.executeCommand('whylint.toggle'), false)
      await diagnosticsUntil(uri, (found) => found.length === 0)
    } finally {
      if (vscode.workspace.getConfiguration('whylint').get('enable') === false) await vscode.commands.executeCommand('whylint.toggle')
    }
    await diagnosticsUntil(uri, (found) => found.length > 0)
  })

  test('Open Config creates a config with a schema', async () => {
    const config = workspaceFile('.whylintrc.json')
    try {
      await vscode.commands.executeCommand('whylint.openConfig')
      const editor = vscode.window.activeTextEditor
      assert.equal(editor?.document.uri.toString(), config.toString())
      assert.match(JSON.parse(editor!.document.getText()).$schema, /whylintrc\.schema\.json$/)
    } finally {
      await vscode.workspace.fs.delete(config)
    }
  })

  test('rapid edits: only the final version is published', async () => {
    const {uri, editor} = await fresh('typing.md', '# Tool\n\nShort.\n')
    await api.whenIdle()
    for (let line = 0; line < 5; line++) {
      await editor.edit((builder) => builder.insert(new vscode.Position(editor.document.lineCount - 1, 0), line === 4 ? 'It runs in order to check.\n' : `Line ${line}.\n`))
    }
    await api.whenIdle()
    const wordy = vscode.languages.getDiagnostics(uri).filter((d) => ruleId(d) === 'wordy-phrase')
    assert.equal(wordy.length, 1)
    assert.equal(editor.document.lineAt(wordy[0]!.range.start.line).text, 'It runs in order to check.')
  })

  test('whylint.run onSave lints on save, not while typing', async () => {
    const {uri, editor} = await fresh('saved.md', '# Tool\n\nShort.\n')
    await api.whenIdle()
    const section = vscode.workspace.getConfiguration('whylint')
    await section.update('run', 'onSave', vscode.ConfigurationTarget.Workspace)
    try {
      await editor.edit((builder) => builder.insert(new vscode.Position(2, 0), 'It runs in order to check.\n'))
      await api.whenIdle()
      assert.ok(!vscode.languages.getDiagnostics(uri).some((d) => ruleId(d) === 'wordy-phrase'), 'not linted while typing')
      await editor.document.save()
      await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    } finally {
      await section.update('run', undefined, vscode.ConfigurationTarget.Workspace)
    }
  })

  test('a binary document is skipped quietly, and linted again once it is text', async () => {
    // VS Code will not open a binary file from disk as text; an untitled one can hold NULs.
    const document = await vscode.workspace.openTextDocument({language: 'markdown', content: '# Blob\n\nIt runs in order to check.\u0000\u0001\n'})
    const editor = await vscode.window.showTextDocument(document)
    const uri = document.uri
    const diagnostics = await api.lintDocument(uri)
    assert.deepEqual(diagnostics, [])
    assert.match(api.skippedReason(uri) ?? '', /binary/)
    await editor.edit((builder) => builder.replace(new vscode.Range(2, 0, 3, 0), 'It runs in order to check.\n'))
    await diagnosticsUntil(uri, (found) => found.some((d) => ruleId(d) === 'wordy-phrase'))
    assert.equal(api.skippedReason(uri), undefined)
  })
})
