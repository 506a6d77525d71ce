// The few editor settings; everything else lives in the config file the CLI reads too.

import * as vscode from 'vscode'
import {KINDS, type Kind, type Severity} from '../engine/types.js'

export type RunMode = 'onType' | 'onSave' | 'off'

export interface Settings {
  enable: boolean
  run: RunMode
  targets: Kind[]
  severityOverride: Exclude<Severity, 'off'> | 'default'
  configPath: string
  readabilityTarget: number
  debounceMs: number
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const section = vscode.workspace.getConfiguration('whylint', scope ?? null)
  const targets = section.get<string[]>('targets', [...KINDS]).filter((kind): kind is Kind => (KINDS as readonly string[]).includes(kind))
  return {
    enable: section.get<boolean>('enable', true),
    run: section.get<RunMode>('run', 'onType'),
    targets,
    severityOverride: section.get<Settings['severityOverride']>('severityOverride', 'default'),
    configPath: section.get<string>('configPath', ''),
    readabilityTarget: section.get<number>('readabilityTarget', 12),
    debounceMs: Math.max(0, section.get<number>('debounceMs', 300)),
  }
}
