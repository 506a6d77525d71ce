// `--format sarif`: SARIF 2.1.0 for code-scanning tools. One run; the driver lists every rule;
// locations are relative to the working directory (`%SRCROOT%`), with forward slashes.

import {pathToFileURL} from 'node:url'
import {RULES, type Finding} from '../../engine/api.js'
import {HOMEPAGE, VERSION} from '../version.js'
import type {FileResult} from './types.js'

type Level = 'error' | 'warning' | 'note' | 'none'

export function sarifLevel(severity: Finding['severity'] | 'off'): Level {
  switch (severity) {
    case 'error':
      return 'error'
    case 'warning':
      return 'warning'
    case 'off':
      return 'none'
    default:
      return 'note'
  }
}

/** A relative URI for paths inside the working directory, a `file:` URI otherwise. */
function artifactLocation(result: FileResult): {uri: string; uriBaseId?: string} {
  if (result.displayPath.startsWith('../') || result.displayPath.startsWith('/') || /^[A-Za-z]:/.test(result.displayPath)) {
    return {uri: pathToFileURL(result.filePath).href}
  }
  return {uri: result.displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%'}
}

export function formatSarif(results: readonly FileResult[], cwd: string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]))
  const sarifResults: unknown[] = []
  const notifications: unknown[] = []
  for (const result of results) {
    const location = artifactLocation(result)
    if (result.error !== undefined || result.skipped !== undefined) {
      notifications.push({
        level: result.error === undefined ? 'note' : 'error',
        message: {text: result.error ?? result.skipped},
        locations: [{physicalLocation: {artifactLocation: location}}],
      })
    }
    for (const finding of result.messages) {
      const entry: Record<string, unknown> = {
        ruleId: finding.ruleId,
        level: sarifLevel(finding.severity),
        message: {text: finding.message},
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: {startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, charOffset: finding.offset, charLength: finding.endOffset - finding.offset},
            },
          },
        ],
      }
      const index = ruleIndex.get(finding.ruleId)
      if (index !== undefined) entry.ruleIndex = index
      if (finding.fixes && finding.fixes.length > 0) {
        entry.fixes = finding.fixes.map((fix) => ({
          description: {text: fix.title},
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: fix.edits.map((edit) => ({
                deletedRegion: {charOffset: edit.offset, charLength: edit.endOffset - edit.offset},
                insertedContent: {text: edit.text},
              })),
            },
          ],
        }))
      }
      sarifResults.push(entry)
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'whylint',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: HOMEPAGE,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: {text: rule.description},
              helpUri: rule.url,
              defaultConfiguration: {level: sarifLevel(rule.defaultSeverity), enabled: rule.defaultSeverity !== 'off'},
            })),
          },
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href}},
        invocations: [{executionSuccessful: !results.some((result) => result.error !== undefined), toolExecutionNotifications: notifications}],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
