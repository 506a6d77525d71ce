// `npm run fetch-readmes`: download the READMEs of test/data/readme-why-npm/blind*.jsonl from the
// npm registry into .cache/readmes/<package>@<version>.md, so `npm run eval readme-why` can judge
// them. They are test data and stay out of the repository; `npm pack` fetches each package's
// tarball at the labelled version, and the README is read out of it with the system's `tar`.

import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BLIND_SETS, cachedReadme, readLabels, README_CACHE} from './lib/npm-readmes.js'

function fetchReadme(name: string, version: string, into: string): void {
  const work = mkdtempSync(join(tmpdir(), 'whylint-readme-'))
  try {
    const packed = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', work], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim().split('\n').pop()!
    const tarball = join(work, packed)
    const entry = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n').find((path) => /^package\/readme(?:\.md|\.markdown)?$/i.test(path))
    if (entry === undefined) throw new Error('no README in the package')
    writeFileSync(into, execFileSync('tar', ['-xzOf', tarball, entry]))
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

const rows = BLIND_SETS.flatMap(readLabels)
mkdirSync(README_CACHE, {recursive: true})
let fetched = 0
const failed: string[] = []
for (const row of rows) {
  const into = cachedReadme(row.package, row.version)
  if (existsSync(into)) continue
  try {
    fetchReadme(row.package, row.version, into)
    fetched++
  } catch (error) {
    failed.push(`${row.package}@${row.version}: ${(error as Error).message.split('\n')[0]}`)
  }
}
console.log(`${fetched} READMEs fetched into ${README_CACHE}, ${rows.length - fetched - failed.length} already there${failed.length > 0 ? `; not fetched:\n  ${failed.join('\n  ')}` : ''}`)
if (failed.length > 0) process.exitCode = 1
