// Bundles the integration suite into one CommonJS module for the extension host: the bootstrap
// `suite/index.ts` plus every `suite/**/*.test.ts`, found when bundling. `vscode` comes from
// the host and mocha from node_modules. The output lives under `dist/test/`, which the VSIX leaves out.
import {build} from 'esbuild'
import {readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {repoRoot} from './setup.mjs'

export const suiteDir = join(repoRoot, 'test', 'integration', 'suite')
export const suiteBundle = join(repoRoot, 'dist', 'test', 'suite.cjs')

/** Every `*.test.ts` under the suite folder, as paths relative to it, sorted. */
export function suiteFiles() {
  return readdirSync(suiteDir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => file.split('\\').join('/'))
    .sort()
}

/** @type {import('esbuild').Plugin} */
const suitesPlugin = {
  name: 'whylint-integration-suites',
  setup(pluginBuild) {
    pluginBuild.onResolve({filter: /^whylint:integration-suites$/}, (args) => ({path: args.path, namespace: 'whylint-suites'}))
    pluginBuild.onLoad({filter: /.*/, namespace: 'whylint-suites'}, () => {
      const files = suiteFiles()
      // `require` (not `import`) so each file's top level runs only when mocha asks for it.
      const entries = files.map((file) => `  [${JSON.stringify(file)}, () => require(${JSON.stringify('./' + file)})],`)
      return {contents: `export const suites = [\n${entries.join('\n')}\n]\n`, resolveDir: suiteDir, loader: 'js'}
    })
  },
}

/** Bundle the suite; returns the bundle's path and the test files it holds. */
export async function buildSuite() {
  await build({
    entryPoints: [join(suiteDir, 'index.ts')],
    outfile: suiteBundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
    plugins: [suitesPlugin],
  })
  return {bundle: suiteBundle, files: suiteFiles().map((file) => relative(repoRoot, join(suiteDir, file)))}
}
