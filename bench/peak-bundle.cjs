// Child process for memory: lint one file with the built engine (`dist/api.cjs`, what the CLI
// and the editor's worker run), without the TypeScript loader, then print the peak resident set
// size as JSON. With no file it only loads the bundle, for the baseline.
//
//   node bench/peak-bundle.cjs [file]
const {readFileSync} = require('node:fs')
const {basename, join} = require('node:path')

const file = process.argv[2]
const {analyze} = require(join(__dirname, '..', 'dist', 'api.cjs'))
const result = {tool: file ? 'whylint (dist/api.cjs)' : 'dist/api.cjs loaded, no lint', maxRssMB: 0}
if (file) {
  const text = readFileSync(file, 'utf8')
  const start = performance.now()
  // The time budget is lifted so the whole document is analysed, as in the rest of the bench.
  analyze(text, {kind: 'markdown', filePath: basename(file), config: {rules: {'analysis-limit': ['info', {budgetMs: 600000}]}}})
  result.file = basename(file)
  result.ms = performance.now() - start
}
// maxRSS is in kilobytes.
result.maxRssMB = process.resourceUsage().maxRSS / 1024
process.stdout.write(`${JSON.stringify(result)}\n`)
