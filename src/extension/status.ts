// Status: a language status item with the readability grade and nudge count, and a status bar
// item for the Source Control box (where the light bulb is hidden) that runs Fix Commit Message.

import * as vscode from 'vscode'
import {LANGUAGES} from '../engine/languages.js'
import {scmInputs} from './commands.js'
import type {Linter} from './linter.js'

export const SELECTOR: vscode.DocumentSelector = [
  {language: 'markdown'},
  {language: 'git-commit'},
  {language: 'scminput'},
  ...LANGUAGES.map((language) => ({language: language.id})),
]

export class Status implements vscode.Disposable {
  private readonly language = vscode.languages.createLanguageStatusItem('whylint.status', SELECTOR)
  private readonly commit = vscode.window.createStatusBarItem('whylint.commit', vscode.StatusBarAlignment.Left, 50)
  private readonly disposables: vscode.Disposable[] = []

  constructor(private readonly linter: Linter) {
    this.language.name = 'whylint'
    this.language.text = 'whylint'
    this.language.command = {title: 'Explain the Why', command: 'whylint.explainWhy'}
    this.commit.name = 'whylint: commit message'
    this.commit.command = 'whylint.fixCommitMessage'
    this.disposables.push(
      linter.onDidLint(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    )
    this.update()
  }

  /** The nudge count shown for the commit box (tests read it). */
  commitCount = 0

  update(): void {
    const editor = vscode.window.activeTextEditor
    const result = editor ? this.linter.result(editor.document.uri) : undefined
    const skipped = editor ? this.linter.skippedReason(editor.document.uri) : undefined
    if (skipped) {
      this.language.text = '$(circle-slash) whylint: skipped'
      this.language.detail = skipped
      this.language.severity = vscode.LanguageStatusSeverity.Information
    } else if (result) {
      const count = result.findings.length
      const grade = result.metrics.readabilityGrade
      const target = this.linter.settings.readabilityTarget
      const nudges = `${count} ${count === 1 ? 'nudge' : 'nudges'}`
      this.language.text = grade === undefined ? `whylint: ${nudges}` : `$(book) grade ${grade.toFixed(1)} · ${nudges}`
      this.language.detail = grade === undefined ? result.kind : `readability target ${target}`
      this.language.severity = grade !== undefined && grade > target ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information
    } else {
      this.language.text = 'whylint'
      this.language.detail = ''
      this.language.severity = vscode.LanguageStatusSeverity.Information
    }
    let count = 0
    const messages: string[] = []
    for (const input of scmInputs()) {
      for (const finding of this.linter.result(input.uri)?.findings ?? []) {
        count++
        messages.push(`- ${finding.message} (${finding.ruleId})`)
      }
    }
    this.commitCount = count
    if (count > 0) {
      this.commit.text = `$(lightbulb) whylint: ${count}`
      this.commit.tooltip = new vscode.MarkdownString(`Commit message:\n\n${messages.join('\n')}\n\nClick to fix the commit message`)
      this.commit.show()
    } else {
      this.commit.hide()
    }
  }

  dispose(): void {
    this.language.dispose()
    this.commit.dispose()
    for (const disposable of this.disposables) disposable.dispose()
  }
}
