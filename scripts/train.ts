// `npm run train [name…]`: run every trainer in scripts/train/*.ts (or the named ones), in name
// order. Each module's default export writes its model's weights; training is deterministic, so
// running it again reproduces the committed weights.

import {readdirSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), 'train')
const wanted = process.argv.slice(2)
const modules = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .sort()
  .filter((name) => wanted.length === 0 || wanted.includes(basename(name, '.ts')))
if (modules.length === 0) {
  console.error(`No trainer matches ${wanted.join(', ')}`)
  process.exitCode = 1
}
for (const name of modules) {
  const started = Date.now()
  const module = (await import(pathToFileURL(join(dir, name)).href)) as {default?: () => Promise<void> | void}
  if (typeof module.default !== 'function') throw new Error(`scripts/train/${name} has no default export to run`)
  await module.default()
  console.log(`  (${basename(name, '.ts')}: ${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
