import type {Format} from '../args.js'
import {formatJson} from './json.js'
import {formatSarif} from './sarif.js'
import {formatText} from './text.js'
import type {FileResult, ReportContext} from './types.js'

export type {FileResult, ReportContext} from './types.js'

export function report(format: Format, results: readonly FileResult[], context: ReportContext & {cwd: string}): string {
  switch (format) {
    case 'json':
      return formatJson(results)
    case 'sarif':
      return formatSarif(results, context.cwd)
    case 'text':
      return formatText(results, context)
  }
}
