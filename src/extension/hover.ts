// Hovering a finding explains why its rule matters, with the rule docs' Before/After example.
// The text comes from each rule's README.md, extracted at build time into `dist/rule-docs.json`.

import * as vscode from 'vscode'
import type {RuleDoc} from './rule-docs.js'
import {ruleIdOf} from './convert.js'
import {ruleDocsUrl} from './rule-url.js'

export class WhylintHover implements vscode.HoverProvider {
  private docs: Promise<Record<string, RuleDoc>> | undefined

  constructor(private readonly extensionUri: vscode.Uri) {}

  private load(): Promise<Record<string, RuleDoc>> {
    this.docs ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'rule-docs.json'))).then(
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, RuleDoc>,
      () => ({}),
    )
    return this.docs
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const here = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'whylint' && diagnostic.range.contains(position))
    if (here.length === 0) return undefined
    const docs = await this.load()
    const parts: vscode.MarkdownString[] = []
    const seen = new Set<string>()
    for (const diagnostic of here) {
      const ruleId = ruleIdOf(diagnostic)
      if (!ruleId || seen.has(ruleId)) continue
      seen.add(ruleId)
      const doc = docs[ruleId]
      const markdown = new vscode.MarkdownString()
      markdown.appendMarkdown(`**${ruleId}**${doc?.summary ? `: ${doc.summary}` : ''}\n\n`)
      if (doc?.why) markdown.appendMarkdown(`${doc.why}\n\n`)
      if (doc?.before) {
        markdown.appendMarkdown('Before:\n')
        markdown.appendCodeblock(doc.before.code, doc.before.lang)
      }
      if (doc?.after) {
        markdown.appendMarkdown('After:\n')
        markdown.appendCodeblock(doc.after.code, doc.after.lang)
      }
      markdown.appendMarkdown(`[Rule docs](${ruleDocsUrl(ruleId)})`)
      parts.push(markdown)
    }
    return parts.length > 0 ? new vscode.Hover(parts) : undefined
  }
}
