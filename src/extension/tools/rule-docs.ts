// Build step: extract every rule README's summary, "Why it matters" and Before/After into
// `dist/rule-docs.json`, which the extension's hovers read. Run by `scripts/build.mjs`.

import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {extractRuleDoc, type RuleDoc} from '../rule-docs.js'

const rulesDir = join('src', 'engine', 'rules')
const docs: Record<string, RuleDoc> = {}
for (const id of readdirSync(rulesDir).sort()) {
  const readme = join(rulesDir, id, 'README.md')
  if (existsSync(readme)) docs[id] = extractRuleDoc(readFileSync(readme, 'utf8'))
}
mkdirSync('dist', {recursive: true})
writeFileSync(join('dist', 'rule-docs.json'), `${JSON.stringify(docs)}\n`)
