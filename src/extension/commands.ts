// Commands: Explain the Why, Fix Commit Message, Lint Workspace, Open Config, Toggle, and
// disabling a rule in the workspace config.

import * as vscode from 'vscode'
import {applyEdits, preferredEdits} from '../engine/fixes.js'
import {inferKind} from '../engine/kinds.js'
import {CODE_EXTENSIONS, languageFor} from '../engine/languages.js'
import {COMMIT_BODY, configTemplates, docComment, snippetToText, symbolOnLine, templateById, templatesFor, type WhyTemplate} from '../engine/templates.js'
import type {Kind} from '../engine/types.js'
import type {AnalysisClient} from './client.js'
import {CONFIG_FILE_NAMES, commitBodyOffset, configWithRuleOff, readmeWhyOffset, starterConfig} from './edits.js'
import {setScmInput} from './git.js'
import {kindHint, servesDocument, type Linter} from './linter.js'
import {readSettings} from './settings.js'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri))
  } catch {
    return undefined
  }
}

/** The Source Control input documents open now. */
export function scmInputs(): vscode.TextDocument[] {
  return vscode.workspace.textDocuments.filter((document) => document.languageId === 'scminput' || document.uri.scheme === 'vscode-scm')
}

function kindOf(linter: Linter, document: vscode.TextDocument): Kind | undefined {
  return linter.result(document.uri)?.kind ?? kindHint(document) ?? inferKind(document.uri.path, document.languageId)
}

export class Commands {
  constructor(
    private readonly linter: Linter,
    private readonly client: AnalysisClient,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('whylint.explainWhy', (templateId?: string) => this.explainWhy(typeof templateId === 'string' ? templateId : undefined)),
      vscode.commands.registerCommand('whylint.fixCommitMessage', (uri?: vscode.Uri) => this.fixCommitMessage(uri instanceof vscode.Uri ? uri : undefined)),
      vscode.commands.registerCommand('whylint.lintWorkspace', () => this.lintWorkspace()),
      vscode.commands.registerCommand('whylint.openConfig', () => this.openConfig()),
      vscode.commands.registerCommand('whylint.toggle', () => this.toggle()),
      vscode.commands.registerCommand('whylint.disableRuleInConfig', (ruleId: string, uri?: vscode.Uri) => this.disableRuleInConfig(ruleId, uri)),
    ]
  }

  /** The document to explain in: the active editor's, else the Source Control box. */
  private target(): {document: vscode.TextDocument; editor?: vscode.TextEditor} | undefined {
    const editor = vscode.window.activeTextEditor
    if (editor) return {document: editor.document, editor}
    const scm = scmInputs()[0]
    return scm ? {document: scm} : undefined
  }

  async explainWhy(templateId?: string): Promise<boolean> {
    const target = this.target()
    const kind = target ? kindOf(this.linter, target.document) : undefined
    const extra = configTemplates(this.linter.lastConfig.templates)
    let template: WhyTemplate | undefined
    if (templateId) {
      template = templateById(templateId, extra)
      if (!template) {
        void vscode.window.showErrorMessage(`Unknown template \`${templateId}\``)
        return false
      }
    } else {
      const picked = await vscode.window.showQuickPick(
        templatesFor(kind, extra).map((candidate) => ({label: candidate.name, description: candidate.description, template: candidate})),
        {placeHolder: 'Pick a template that asks for the why'},
      )
      template = picked?.template
    }
    if (!template) return false
    if (!target) {
      const document = await vscode.workspace.openTextDocument({language: 'markdown', content: ''})
      const editor = await vscode.window.showTextDocument(document)
      return editor.insertSnippet(new vscode.SnippetString(template.body))
    }
    const {document, editor} = target
    const text = document.getText()
    if (template.id === 'commit-body') {
      const place = commitBodyOffset(text)
      if (!editor) return setScmInput(document, text.slice(0, place.offset) + place.before + snippetToText(COMMIT_BODY) + place.after + text.slice(place.offset))
      return editor.insertSnippet(new vscode.SnippetString(`${escape(place.before)}${COMMIT_BODY}${escape(place.after)}`), document.positionAt(place.offset))
    }
    if (!editor) return setScmInput(document, text + (text === '' ? '' : '\n\n') + snippetToText(template.body))
    if (template.id === 'readme-why') {
      const place = readmeWhyOffset(text)
      return editor.insertSnippet(new vscode.SnippetString(`${escape(place.before)}${template.body}${escape(place.after)}`), document.positionAt(place.offset))
    }
    if (template.id === 'doc-comment') return this.insertDocComment(editor)
    return editor.insertSnippet(new vscode.SnippetString(template.body), editor.selection)
  }

  private async insertDocComment(editor: vscode.TextEditor): Promise<boolean> {
    const document = editor.document
    const cursor = editor.selection.active
    let name: string | undefined
    let line = cursor.line
    try {
      const symbols = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>('vscode.executeDocumentSymbolProvider', document.uri)
      const found = deepestSymbol(symbols ?? [], cursor)
      if (found) {
        // bounded: a symbol's name from the language server, one short line.
        name = found.name.replace(/\(.*$/, '')
        line = found.selectionRange.start.line
      }
    } catch {
      // No symbol provider: fall back to the line pattern below.
    }
    if (!name) {
      for (let candidate = cursor.line; candidate >= Math.max(0, cursor.line - 30); candidate--) {
        const found = symbolOnLine(document.lineAt(candidate).text)
        if (found) {
          name = found
          line = candidate
          break
        }
      }
    }
    if (!name) {
      void vscode.window.showInformationMessage('Put the cursor in a function or class to explain why it exists')
      return false
    }
    const declaration = document.lineAt(line)
    const indent = declaration.text.slice(0, declaration.firstNonWhitespaceCharacterIndex)
    const placement = docComment(document.languageId, name, indent)
    if (placement.where === 'above') {
      // Above any decorators or attributes that belong to the declaration.
      let top = line
      while (top > 0 && /^\s*(@|#\[)/.test(document.lineAt(top - 1).text)) top--
      return editor.insertSnippet(new vscode.SnippetString(placement.snippet), new vscode.Position(top, 0))
    }
    // Python: the docstring is the first statement of the body, after the signature's colon.
    let end = line
    while (end < document.lineCount - 1 && !/:\s*(?:#|$)/.test(document.lineAt(end).text)) end++
    const next = end + 1 < document.lineCount ? document.lineAt(end + 1) : undefined
    const bodyIndent = next && !next.isEmptyOrWhitespace ? next.text.slice(0, next.firstNonWhitespaceCharacterIndex) : `${indent}    `
    const inside = docComment(document.languageId, name, bodyIndent)
    if (end + 1 >= document.lineCount) {
      return editor.insertSnippet(new vscode.SnippetString(`\n${inside.snippet.replace(/\n$/, '')}`), document.lineAt(end).range.end)
    }
    return editor.insertSnippet(new vscode.SnippetString(inside.snippet), new vscode.Position(end + 1, 0))
  }

  /** Apply the commit message's preferred fixes and, when the why is missing, add the body template. */
  async fixCommitMessage(uri?: vscode.Uri): Promise<boolean> {
    const active = vscode.window.activeTextEditor?.document
    const candidates = uri ? vscode.workspace.textDocuments.filter((document) => document.uri.toString() === uri.toString()) : []
    const document =
      candidates[0] ??
      (active && kindOf(this.linter, active) === 'commit' ? active : undefined) ??
      scmInputs().find((input) => (this.linter.result(input.uri)?.findings.length ?? 0) > 0) ??
      scmInputs()[0]
    if (!document) {
      void vscode.window.showInformationMessage('No commit message to fix: open the Source Control view or a COMMIT_EDITMSG file')
      return false
    }
    const result = (await this.linter.lint(document)) ?? this.linter.result(document.uri)
    const findings = result?.findings ?? []
    let text = applyEdits(document.getText(), preferredEdits(findings)).text
    const whyMissing = findings.some((finding) => finding.ruleId === 'commit-missing-why' && !finding.fixes?.some((fix) => fix.preferred))
    const hasBody = text.replace(/^[^\r\n]*/, '').split(/\r?\n/).some((line) => line.trim() !== '' && !line.startsWith('#'))
    const addTemplate = whyMissing || (!hasBody && findings.some((finding) => /^commit-/.test(finding.ruleId)))
    if (document.languageId === 'scminput' || document.uri.scheme === 'vscode-scm') {
      if (addTemplate) {
        const place = commitBodyOffset(text)
        text = text.slice(0, place.offset) + place.before + snippetToText(COMMIT_BODY) + place.after + text.slice(place.offset)
      }
      const done = await setScmInput(document, text)
      if (done) await this.waitForText(document, text)
      return done
    }
    const edit = new vscode.WorkspaceEdit()
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text)
    if (!(await vscode.workspace.applyEdit(edit))) return false
    if (addTemplate) {
      const place = commitBodyOffset(document.getText())
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document)
      if (editor) return editor.insertSnippet(new vscode.SnippetString(`${escape(place.before)}${COMMIT_BODY}${escape(place.after)}`), document.positionAt(place.offset))
      const body = new vscode.WorkspaceEdit()
      body.insert(document.uri, document.positionAt(place.offset), place.before + snippetToText(COMMIT_BODY) + place.after)
      return vscode.workspace.applyEdit(body)
    }
    return true
  }

  /** The git input box updates its document asynchronously: wait for it (bounded by an event, not a sleep). */
  private waitForText(document: vscode.TextDocument, text: string): Promise<void> {
    if (document.getText() === text) return Promise.resolve()
    return new Promise((resolve) => {
      const listener = vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === document && document.getText() === text) {
          listener.dispose()
          resolve()
        }
      })
      const closed = vscode.workspace.onDidCloseTextDocument((closedDocument) => {
        if (closedDocument === document) {
          closed.dispose()
          listener.dispose()
          resolve()
        }
      })
    })
  }

  async lintWorkspace(): Promise<number> {
    const settings = readSettings()
    const pattern = `**/*.{md,markdown,${CODE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`
    return vscode.window.withProgress({location: vscode.ProgressLocation.Notification, title: 'whylint: linting the workspace', cancellable: true}, async (progress, token) => {
      const files = await vscode.workspace.findFiles(pattern, '{**/node_modules/**,**/.git/**}', undefined, token)
      const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()))
      let linted = 0
      for (const [index, uri] of files.entries()) {
        if (token.isCancellationRequested) break
        progress.report({message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length})
        if (open.has(uri.toString())) continue
        try {
          const stat = await vscode.workspace.fs.stat(uri)
          if (stat.size > 2 * 1024 * 1024) continue
        } catch {
          continue
        }
        const text = await readText(uri)
        if (text === undefined || text.includes('\0')) continue
        const folder = vscode.workspace.getWorkspaceFolder(uri)
        const languageId = inferKind(uri.path) === 'code' ? languageIdOf(uri.path) : 'markdown'
        const result = await this.client.lint({
          uri: uri.toString(),
          version: -1 - index,
          text,
          languageId,
          path: uri.path,
          ...(folder ? {root: folder.uri.path} : {}),
          targets: settings.targets,
        })
        if (result.analysis) {
          this.linter.setWorkspaceResult(uri, result.analysis.findings, settings)
          linted++
        }
      }
      return linted
    })
  }

  async openConfig(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]
    if (!folder) {
      void vscode.window.showInformationMessage('Open a folder to give it a whylint config')
      return
    }
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(folder.uri, name)
      const text = await readText(uri)
      if (text === undefined) continue
      if (name === 'package.json' && !/"whylint"\s*:/.test(text)) continue
      await vscode.window.showTextDocument(uri)
      return
    }
    const uri = vscode.Uri.joinPath(folder.uri, '.whylintrc.json')
    await vscode.workspace.fs.writeFile(uri, encoder.encode(starterConfig()))
    await vscode.window.showTextDocument(uri)
  }

  async toggle(): Promise<boolean> {
    const section = vscode.workspace.getConfiguration('whylint')
    const enable = !section.get<boolean>('enable', true)
    await section.update('enable', enable, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global)
    void vscode.window.setStatusBarMessage(`whylint ${enable ? 'enabled' : 'disabled'}`, 3000)
    return enable
  }

  /** Set `rules[ruleId]` to `off` in the workspace config (created when there is none). */
  async disableRuleInConfig(ruleId: string, uri?: vscode.Uri): Promise<boolean> {
    const document = uri ?? vscode.window.activeTextEditor?.document.uri
    const folder = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0]
    if (!folder) return false
    let target = vscode.Uri.joinPath(folder.uri, '.whylintrc.json')
    let format: 'json' | 'package' | 'yaml' = 'json'
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = vscode.Uri.joinPath(folder.uri, name)
      const text = await readText(candidate)
      if (text === undefined || (name === 'package.json' && !/"whylint"\s*:/.test(text))) continue
      target = candidate
      format = name === 'package.json' ? 'package' : name.endsWith('.json') ? 'json' : 'yaml'
      break
    }
    try {
      const current = await readText(target)
      let next: string
      if (format === 'yaml') {
        const result = await this.client.yamlRuleOff(current ?? '', ruleId)
        if (result.text === undefined) throw new Error(result.error ?? 'cannot edit the YAML config')
        next = result.text
      } else {
        next = configWithRuleOff(current, ruleId, format === 'package')
      }
      await vscode.workspace.fs.writeFile(target, encoder.encode(next))
    } catch (error) {
      void vscode.window.showErrorMessage(`Cannot update ${vscode.workspace.asRelativePath(target)}: ${(error as Error).message}`)
      return false
    }
    this.client.configChanged()
    for (const open of vscode.workspace.textDocuments) if (servesDocument(open)) void this.linter.lint(open)
    return true
  }
}

function escape(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&')
}

function languageIdOf(path: string): string {
  return languageFor(undefined, path)?.id ?? ''
}

function deepestSymbol(symbols: Array<vscode.DocumentSymbol | vscode.SymbolInformation>, position: vscode.Position): vscode.DocumentSymbol | undefined {
  const interesting = new Set([
    vscode.SymbolKind.Function,
    vscode.SymbolKind.Method,
    vscode.SymbolKind.Class,
    vscode.SymbolKind.Constructor,
    vscode.SymbolKind.Interface,
    vscode.SymbolKind.Struct,
    vscode.SymbolKind.Enum,
    vscode.SymbolKind.Module,
  ])
  let best: vscode.DocumentSymbol | undefined
  const visit = (list: readonly vscode.DocumentSymbol[]) => {
    for (const symbol of list) {
      if (!symbol.range.contains(position)) continue
      if (interesting.has(symbol.kind)) best = symbol
      visit(symbol.children ?? [])
    }
  }
  visit(symbols.filter((symbol): symbol is vscode.DocumentSymbol => 'range' in symbol && 'children' in symbol))
  return best
}
