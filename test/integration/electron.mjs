// The same suite in desktop VS Code, with @vscode/test-electron, for machines that can download
// it (a laptop, a hosted CI runner; on Linux without a display, run under `xvfb-run -a`). The
// default integration run (`run.mjs`) uses the VS Code server instead, which needs no download.
//
//   node test/integration/electron.mjs [--dry-run]
//   WHYLINT_VSCODE=oldest|newest|both (default both), WHYLINT_GREP=<text>
//
// --dry-run prints the resolved versions, paths and arguments and downloads nothing.
import {runTests} from '@vscode/test-electron'
import {join} from 'node:path'
import {buildSuite, suiteBundle, suiteFiles} from './lib/build.mjs'
import {repoRoot, run, targets} from './lib/setup.mjs'
import {phase, summary} from './lib/timing.mjs'
import {fixtureDir, makeRunRoot, makeWorkspace, removeRunRoot} from './lib/workspace.mjs'

const dryRun = process.argv.includes('--dry-run')
const choice = process.env.WHYLINT_VSCODE ?? 'both'
const selected = choice === 'both' ? [targets.oldest, targets.newest] : [targets[/** @type {'oldest' | 'newest'} */ (choice)]]
if (!selected[0]) {
  console.error(`Unexpected WHYLINT_VSCODE \`${choice}\`, expected \`oldest\`, \`newest\` or \`both\``)
  process.exit(2)
}

/**
 * The options for `runTests` for one VS Code version and workspace folder.
 * @param {{vscode: string, name: string}} target
 * @param {string} folder
 * @param {string} root
 * @returns {import('@vscode/test-electron').TestOptions}
 */
export function testOptions(target, folder, root) {
  return {
    version: target.vscode,
    cachePath: join(repoRoot, '.vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteBundle,
    extensionTestsEnv: {
      WHYLINT_VSCODE_VERSION: target.vscode,
      WHYLINT_VSCODE_TARGET: target.name,
      ...(process.env.WHYLINT_GREP ? {WHYLINT_GREP: process.env.WHYLINT_GREP} : {}),
    },
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', join(root, 'user-data'), '--extensions-dir', join(root, 'extensions')],
  }
}

if (dryRun) {
  for (const target of selected) {
    console.log(JSON.stringify({target: target.name, fixtures: fixtureDir, suite: suiteFiles(), ...testOptions(target, '<temp>/workspace', '<temp>')}, null, 2))
  }
  process.exit(0)
}

/** @type {string[]} */
const failures = []
await phase('build extension and suite', async () => {
  run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {cwd: repoRoot})
  await buildSuite()
})
for (const target of selected) {
  const root = makeRunRoot(`electron-${target.name}`)
  try {
    const folder = makeWorkspace(root)
    const code = await phase(`${target.name} (VS Code ${target.vscode}): suite`, () => runTests(testOptions(target, folder, root)).catch((error) => {
      console.error(error)
      return 1
    }))
    if (code !== 0) failures.push(`${target.name}: suite exited with ${code}`)
  } finally {
    removeRunRoot(root)
  }
}
summary()
for (const failure of failures) console.error(`- ${failure}`)
process.exit(failures.length > 0 ? 1 : 0)
