// Child process for memory (and profiling): lint one file with one tool, then print the peak
// resident set size as JSON. With no file it loads nothing and prints the baseline of an empty
// process, for context.
//
//   node --import tsx bench/peak.ts [--tool whylint|alex|…] [--repeat n] [file]

import {readFileSync} from 'node:fs'
import {basename} from 'node:path'

const args = process.argv.slice(2)
let toolName = 'whylint'
let repeat = 1
let file: string | undefined
for (let index = 0; index < args.length; index++) {
  const arg = args[index]!
  if (arg === '--tool') toolName = args[++index] ?? toolName
  else if (arg === '--repeat') repeat = Number(args[++index] ?? 1)
  else file = arg
}

const result: {tool: string; file?: string; ms?: number; maxRssMB: number; heapUsedMB?: number} = {tool: file ? toolName : 'none', maxRssMB: 0}
if (file) {
  const {TOOLS} = await import('./tools.js')
  const {kindOfName} = await import('./lib.js')
  const tool = TOOLS.find((candidate) => candidate.name === toolName)
  if (!tool) throw new Error(`Unknown tool ${toolName}: expected one of ${TOOLS.map((t) => t.name).join(', ')}`)
  const text = readFileSync(file, 'utf8')
  const name = basename(file)
  const start = performance.now()
  for (let run = 0; run < repeat; run++) {
    tool.prepare?.()
    tool.run(text, kindOfName(name), name)
  }
  result.file = name
  result.ms = (performance.now() - start) / repeat
  result.heapUsedMB = process.memoryUsage().heapUsed / 2 ** 20
}
// maxRSS is in kilobytes.
result.maxRssMB = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify(result)}\n`)
