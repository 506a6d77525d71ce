// Child process for memory across documents: the built engine (`dist/api.cjs`) in a process with
// the worker's heap limit lints every document given, as an editor session opening them one after
// another would, then that many more variants of the last (each a different document of the same
// size). Prints, as JSON, the largest live heap after a full collection following any document,
// the live heap at the end, and the peak RSS. The caches must keep this bounded: with caches
// bounded by entry counts the heap ran out on large documents.
//
//   node --max-old-space-size=128 --expose-gc bench/many-docs.cjs variants file…
const {readFileSync} = require('node:fs')
const {basename, join} = require('node:path')

const {analyze} = require(join(__dirname, '..', 'dist', 'api.cjs'))
const [variants, ...files] = process.argv.slice(2)
if (!files.length || typeof gc !== 'function') throw new Error('Usage: node --expose-gc bench/many-docs.cjs variants file…')
const liveMB = () => {
  gc()
  return process.memoryUsage().heapUsed / 1048576
}
// A budget no document reaches: this measures memory over whole analyses, not the cut-off.
const lint = (text, name) => analyze(text, {kind: 'markdown', filePath: name, config: {rules: {'analysis-limit': ['info', {budgetMs: 600000}]}}})

let maxLiveMB = 0
let chars = 0
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  chars += text.length
  lint(text, basename(file))
  maxLiveMB = Math.max(maxLiveMB, liveMB())
}
const last = readFileSync(files[files.length - 1], 'utf8')
for (let variant = 1; variant <= Number(variants); variant++) {
  // Every paragraph changes: a document that shares no paragraph with the others.
  const text = last.replace(/\bthe\b/g, `the${'e'.repeat(variant)}`)
  chars += text.length
  lint(text, `variant-${variant}.md`)
  maxLiveMB = Math.max(maxLiveMB, liveMB())
}
const result = {documents: files.length + Number(variants), chars, maxLiveMB, finalLiveMB: liveMB(), maxRssMB: process.resourceUsage().maxRSS / 1024}
process.stdout.write(`${JSON.stringify(result)}\n`)
