// A stale vfile@5 beside vfile@6 silently strips positions and rule ids from retext messages.
// The engine must resolve one vfile major, 6, from itself and from every unified package it uses.
import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

/** Where Node's lookup from `folder` finds `name`: the nearest node_modules/name upwards. */
function packageDir(name: string, folder: string): string {
  let current = folder
  for (;;) {
    const candidate = join(current, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    const parent = dirname(current)
    assert.notEqual(parent, current, `${name} not found from ${folder}`)
    current = parent
  }
}

function version(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {version: string}).version
}

describe('dependencies', () => {
  it('resolve vfile 6 from the engine and every unified package it uses', () => {
    const root = process.cwd()
    assert.match(version(packageDir('vfile', root)), /^6\./)
    for (const pkg of ['unified', 'retext-english', 'retext-readability', 'retext-simplify', 'retext-passive', 'remark-parse', 'parse-english']) {
      const seen = version(packageDir('vfile', packageDir(pkg, root)))
      assert.match(seen, /^6\./, `${pkg} sees vfile ${seen}`)
    }
  })
})
