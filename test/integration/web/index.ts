// The module VS Code loads as `extensionTestsPath` in the Web Worker extension host. That host's
// `require` knows only `vscode` and there is no `process`, so this file is bundled with mocha's
// browser build, the `assert` package and every `web/**/*.test.ts` (see `lib/build.mjs`).
// Resolving `run()` exits the run with 0, rejecting with 1.
import {suites} from 'whylint:integration-suites'

/** Set at bundle time from the environment of the run. */
declare const WHYLINT_GREP: string

interface BrowserMocha {
  setup(options: {ui: string; reporter: string; timeout: number; color: boolean}): void
  grep(pattern: string): void
  run(done: (failures: number) => void): void
  suite: {emit(event: string, ...args: unknown[]): void}
}

export function run(): Promise<void> {
  // The browser build installs `mocha` on the global object.
  require('mocha/mocha')
  const mocha = (globalThis as unknown as {mocha: BrowserMocha}).mocha
  mocha.setup({ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false})
  if (WHYLINT_GREP) mocha.grep(WHYLINT_GREP)
  for (const [file, load] of suites) {
    mocha.suite.emit('pre-require', globalThis, file, mocha)
    mocha.suite.emit('require', load(), file, mocha)
    mocha.suite.emit('post-require', globalThis, file, mocha)
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web integration tests failed`)) : resolve()))
  })
}
