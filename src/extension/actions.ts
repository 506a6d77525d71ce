// Code actions: each finding's fixes (the preferred one marked), "Learn more", disable comments,
// disabling in the workspace config, and a document-wide "Fix all" (also `source.fixAll.whylint`
// for `editor.codeActionsOnSave`).

import * as vscode from 'vscode'
import {preferredEdits} from '../engine/fixes.js'
import type {Finding} from '../engine/types.js'
import {diagnosticKey, ruleIdOf, toTextEdits} from './convert.js'
import {commentSyntax, disableFileEdit, disableNextLineEdit} from './edits.js'
import type {DocumentResult, Linter} from './linter.js'
import {ruleDocsUrl} from './rule-url.js'

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('whylint')

export class WhylintCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND]

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only)
    const actions: vscode.CodeAction[] = []
    if (context.only && FIX_ALL_KIND.intersects(context.only) && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      const fixAll = await this.fixAll(document, FIX_ALL_KIND)
      return fixAll ? [fixAll] : []
    }
    let result = this.linter.result(document.uri)
    if (!result || result.version !== document.version) result = await this.linter.lint(document)
    if (!result) return []
    if (wants(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) {
        const ruleId = ruleIdOf(diagnostic)
        if (!ruleId) continue
        const finding = result.byDiagnostic.get(diagnosticKey(diagnostic))
        actions.push(...this.forDiagnostic(document, result, diagnostic, ruleId, finding))
      }
      if (actions.length > 0 && preferredEdits(result.findings).length > 0) {
        const fixAll = await this.fixAll(document, vscode.CodeActionKind.QuickFix)
        if (fixAll) actions.push(fixAll)
      }
    }
    return actions
  }

  private forDiagnostic(document: vscode.TextDocument, result: DocumentResult, diagnostic: vscode.Diagnostic, ruleId: string, finding: Finding | undefined): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = []
    for (const fix of finding?.fixes ?? []) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix)
      action.diagnostics = [diagnostic]
      action.isPreferred = fix.preferred === true
      const edit = new vscode.WorkspaceEdit()
      edit.set(document.uri, toTextEdits(document, fix.edits, true))
      action.edit = edit
      actions.push(action)
    }
    const syntax = commentSyntax(result.kind, document.languageId)
    // The Source Control box keeps `#` lines in the commit, so it gets no inline directives.
    if (syntax) {
      const text = document.getText()
      const offset = document.offsetAt(diagnostic.range.start)
      const line = new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix)
      line.diagnostics = [diagnostic]
      line.edit = this.editOf(document, disableNextLineEdit(text, offset, ruleId, syntax))
      actions.push(line)
      const file = new vscode.CodeAction(`Disable ${ruleId} for this file`, vscode.CodeActionKind.QuickFix)
      file.diagnostics = [diagnostic]
      file.edit = this.editOf(document, disableFileEdit(text, result.kind, ruleId, syntax))
      actions.push(file)
    }
    const config = new vscode.CodeAction(`Disable ${ruleId} in the workspace config`, vscode.CodeActionKind.QuickFix)
    config.diagnostics = [diagnostic]
    config.command = {title: config.title, command: 'whylint.disableRuleInConfig', arguments: [ruleId, document.uri]}
    actions.push(config)
    const learn = new vscode.CodeAction(`Learn more about ${ruleId}`, vscode.CodeActionKind.QuickFix)
    learn.diagnostics = [diagnostic]
    learn.command = {title: learn.title, command: 'vscode.open', arguments: [vscode.Uri.parse(ruleDocsUrl(ruleId))]}
    actions.push(learn)
    return actions
  }

  private editOf(document: vscode.TextDocument, edit: {offset: number; endOffset: number; text: string}): vscode.WorkspaceEdit {
    const workspaceEdit = new vscode.WorkspaceEdit()
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.endOffset)), edit.text)
    return workspaceEdit
  }

  /** Every finding's preferred fix as one edit (plain text: snippets make no sense in bulk). */
  async fixAll(document: vscode.TextDocument, kind: vscode.CodeActionKind): Promise<vscode.CodeAction | undefined> {
    let result = this.linter.result(document.uri)
    if (!result || result.version !== document.version) result = await this.linter.lint(document)
    if (!result) return undefined
    const edits = preferredEdits(result.findings)
    if (edits.length === 0) return undefined
    const action = new vscode.CodeAction('Fix all whylint problems', kind)
    const edit = new vscode.WorkspaceEdit()
    edit.set(document.uri, toTextEdits(document, edits, false))
    action.edit = edit
    action.diagnostics = result.diagnostics.filter((diagnostic) => result!.byDiagnostic.get(diagnosticKey(diagnostic))?.fixes?.some((fix) => fix.preferred))
    return action
  }
}
