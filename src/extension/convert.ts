// Engine data → VS Code objects.

import * as vscode from 'vscode'
import type {Edit, Finding, Severity} from '../engine/types.js'
import {ruleDocsUrl} from './rule-url.js'

const SEVERITY: Record<Exclude<Severity, 'off'>, vscode.DiagnosticSeverity> = {
  hint: vscode.DiagnosticSeverity.Hint,
  info: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
  error: vscode.DiagnosticSeverity.Error,
}

export function toSeverity(severity: Exclude<Severity, 'off'>): vscode.DiagnosticSeverity {
  return SEVERITY[severity]
}

/** Finding positions are 1-based line/column in UTF-16 units, exactly what a VS Code range needs. */
export function findingRange(finding: Finding): vscode.Range {
  return new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1)
}

export function toDiagnostic(finding: Finding, override: Exclude<Severity, 'off'> | 'default'): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(findingRange(finding), finding.message, toSeverity(override === 'default' ? finding.severity : override))
  diagnostic.source = 'whylint'
  diagnostic.code = {value: finding.ruleId, target: vscode.Uri.parse(ruleDocsUrl(finding.ruleId))}
  return diagnostic
}

/** The rule id a whylint diagnostic carries. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'whylint') return undefined
  const code = diagnostic.code
  if (typeof code === 'object' && code !== null) return String(code.value)
  return code === undefined ? undefined : String(code)
}

/** A key that survives the diagnostic being copied across the extension host boundary. */
export function diagnosticKey(diagnostic: vscode.Diagnostic): string {
  const range = diagnostic.range
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${ruleIdOf(diagnostic) ?? ''}|${diagnostic.message}`
}

/** Engine edits as text edits, or as snippet edits where an edit carries a snippet. */
export function toTextEdits(document: vscode.TextDocument, edits: readonly Edit[], snippets: boolean): Array<vscode.TextEdit | vscode.SnippetTextEdit> {
  return edits.map((edit) => {
    const range = new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.endOffset))
    if (snippets && edit.snippet !== undefined && snippetEditsSupported()) return new vscode.SnippetTextEdit(range, new vscode.SnippetString(edit.snippet))
    return new vscode.TextEdit(range, edit.text)
  })
}

export function snippetEditsSupported(): boolean {
  return typeof (vscode as {SnippetTextEdit?: unknown}).SnippetTextEdit === 'function'
}
