// The activation bundle stays small: the engine's parsers and rules belong to the worker.
import assert from 'node:assert/strict'
import {build} from 'esbuild'

describe('extension bundle', () => {
  for (const [entry, platform] of [
    ['src/extension/extension.ts', 'node'],
    ['src/extension/web/extension.ts', 'browser'],
  ] as const) {
    it(`${entry} loads no parser, rule or model`, async function () {
      this.timeout(30_000)
      const result = await build({entryPoints: [entry], bundle: true, write: false, metafile: true, platform, format: 'cjs', external: ['vscode'], logLevel: 'silent', minify: true})
      const inputs = Object.keys(result.metafile.inputs)
      const heavy = inputs.filter((input) => /node_modules\/(?:remark|micromark|mdast|retext|parse-english|unified|nlcst|yaml|vfile|hedges|syllable)|src\/engine\/(?:rules|models|sources|lint|config)/.test(input))
      assert.deepEqual(heavy, [])
      const bytes = result.outputFiles[0]!.contents.length
      assert.ok(bytes < 80 * 1024, `${bytes} bytes`)
    })
  }
})
