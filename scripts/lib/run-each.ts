// Run every module of a scripts/ folder (or the ones named on the command line), in name order:
// the dispatcher behind `npm run train` and `npm run eval`.

import {readdirSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export async function runEach(folder: 'train' | 'eval', what: string): Promise<void> {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', folder)
  const wanted = process.argv.slice(2)
  const modules = readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .sort()
    .filter((name) => wanted.length === 0 || wanted.includes(basename(name, '.ts')))
  if (modules.length === 0) {
    console.error(`No ${what} matches ${wanted.join(', ')}`)
    process.exitCode = 1
  }
  for (const name of modules) {
    const started = Date.now()
    const module = (await import(pathToFileURL(join(dir, name)).href)) as {default?: () => Promise<void> | void}
    if (typeof module.default !== 'function') throw new Error(`scripts/${folder}/${name} has no default export to run`)
    await module.default()
    console.log(`  (${basename(name, '.ts')}: ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  }
}
