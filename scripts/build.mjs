// Bundles every entry point with esbuild. Runtime dependencies are bundled, so neither the CLI
// nor the VSIX needs node_modules at run time. Type checking is separate (`npm run typecheck`).
import {build} from 'esbuild'
import {existsSync} from 'node:fs'

const watch = process.argv.includes('--watch')
const common = {bundle: true, sourcemap: false, minify: !watch, legalComments: 'none', logLevel: 'warning', target: 'es2022'}

const entries = [
  {entryPoints: ['src/engine/api.ts'], outfile: 'dist/api.mjs', platform: 'node', format: 'esm'},
  {entryPoints: ['src/engine/api.ts'], outfile: 'dist/api.cjs', platform: 'node', format: 'cjs'},
  {entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', platform: 'node', format: 'cjs', banner: {js: '#!/usr/bin/env node'}},
  {entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode']},
  {entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs'},
  // `.cjs`: VS Code loads a `.js` entry of a `"type": "module"` package as ESM, which its Web Worker
  // extension host refuses ("ESM modules are not supported in the web worker extension host").
  {entryPoints: ['src/extension/web/extension.ts'], outfile: 'dist/web/extension.cjs', platform: 'browser', format: 'cjs', external: ['vscode'], define: {'process.env.NODE_DEBUG': 'false', global: 'globalThis'}},
  // `worker`: packages with a DOM build (decode-named-character-reference) must not pick it; a Web Worker has no `document`.
  {entryPoints: ['src/extension/web/worker.ts'], outfile: 'dist/web/worker.js', platform: 'browser', format: 'iife', conditions: ['worker'], define: {'process.env.NODE_DEBUG': 'false', global: 'globalThis'}},
]

await Promise.all(
  entries
    .filter((entry) => existsSync(entry.entryPoints[0]))
    .map((entry) => build({...common, ...entry})),
)

// The package is `"type": "module"`, but the extension host and worker bundles are CommonJS `.js`
// files (VS Code requires `main`): mark dist/ as CommonJS so Node loads them as such.
const {chmodSync, writeFileSync} = await import('node:fs')
writeFileSync('dist/package.json', `${JSON.stringify({type: 'commonjs'})}\n`)
// The `whylint` bin: `npx whylint` in a checkout runs it as a program. esbuild writes a new file
// without the execute bit, so every rebuild (`npm test` builds first) would break `npx whylint`.
if (existsSync('dist/cli.cjs')) chmodSync('dist/cli.cjs', 0o755)

// Hover texts for the extension, extracted from each rule's README.md (never edited by hand).
if (existsSync('src/extension/tools/rule-docs.ts')) {
  const {spawnSync} = await import('node:child_process')
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/extension/tools/rule-docs.ts'], {stdio: 'inherit'})
  if (result.status !== 0) process.exit(result.status ?? 1)
}
