// `npm test`: build, type-check, unit tests, then the VS Code integration suite when present.
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'

const steps = [
  ['node', ['scripts/build.mjs']],
  ['npx', ['tsc', '--noEmit', '-p', '.']],
  ['npx', ['mocha']],
]
if (existsSync('test/integration/run.mjs') && process.env.WHYLINT_SKIP_INTEGRATION !== '1') steps.push(['node', ['test/integration/run.mjs']])

for (const [command, args] of steps) {
  console.log(`\n> ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {stdio: 'inherit'})
  if (result.status !== 0) process.exit(result.status ?? 1)
}
