// Bundles the integration suite into one CommonJS module for the extension host: the bootstrap
// `suite/index.ts` plus every `suite/**/*.test.ts`, found when bundling. `vscode` comes from
// the host and mocha from node_modules. The output lives under `dist/test/`, which the VSIX leaves out.
// The web suite (`web/`) is bundled the same way for the Web Worker extension host, whose
// `require` knows only `vscode`: mocha's browser build and the `assert` package go into the bundle.
import {build} from 'esbuild'
import {readdirSync} from 'node:fs'
import {join, relative} from 'node:path'
import {repoRoot} from './setup.mjs'

export const suiteDir = join(repoRoot, 'test', 'integration', 'suite')
export const suiteBundle = join(repoRoot, 'dist', 'test', 'suite.cjs')
export const webSuiteDir = join(repoRoot, 'test', 'integration', 'web')
export const webSuiteBundle = join(repoRoot, 'dist', 'test', 'web-suite.cjs')

/** Every `*.test.ts` under a suite folder, as paths relative to it, sorted. */
export function suiteFiles(dir = suiteDir) {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => file.split('\\').join('/'))
    .sort()
}

/**
 * The virtual module `whylint:integration-suites`: one loader per test file of `dir`.
 * @param {string} dir
 * @returns {import('esbuild').Plugin}
 */
const suitesPlugin = (dir) => ({
  name: 'whylint-integration-suites',
  setup(pluginBuild) {
    pluginBuild.onResolve({filter: /^whylint:integration-suites$/}, (args) => ({path: args.path, namespace: 'whylint-suites'}))
    pluginBuild.onLoad({filter: /.*/, namespace: 'whylint-suites'}, () => {
      const files = suiteFiles(dir)
      // `require` (not `import`) so each file's top level runs only when mocha asks for it.
      const entries = files.map((file) => `  [${JSON.stringify(file)}, () => require(${JSON.stringify('./' + file)})],`)
      return {contents: `export const suites = [\n${entries.join('\n')}\n]\n`, resolveDir: dir, loader: 'js'}
    })
  },
})

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
    plugins: [suitesPlugin(suiteDir)],
  })
  return {bundle: suiteBundle, files: suiteFiles().map((file) => relative(repoRoot, join(suiteDir, file)))}
}

/**
 * Bundle the web suite for the Web Worker extension host: no Node built-ins and no `process`
 * there, so the `process` reads of `assert`/`util` are settled at build time, and so is the grep.
 */
export async function buildWebSuite() {
  await build({
    entryPoints: [join(webSuiteDir, 'index.ts')],
    outfile: webSuiteBundle,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    define: {
      global: 'globalThis',
      'process.env.NODE_DEBUG': 'false',
      // Read by `assert` when it formats a failed assertion and when it warns.
      'process.stderr': 'undefined',
      'process.emitWarning': 'undefined',
      WHYLINT_GREP: JSON.stringify(process.env.WHYLINT_GREP ?? ''),
    },
    logLevel: 'warning',
    plugins: [suitesPlugin(webSuiteDir)],
  })
  return {bundle: webSuiteBundle, files: suiteFiles(webSuiteDir).map((file) => relative(repoRoot, join(webSuiteDir, file)))}
}
