// The module VS Code loads as `extensionTestsPath`: it runs every `suite/**/*.test.ts` with mocha
// inside the extension host and rejects when a test fails, which becomes the run's exit code.
// The test files are bundled into this module at build time (see `lib/build.mjs`), so the host
// runs plain JavaScript; mocha itself is loaded from the project's node_modules.
import Mocha from 'mocha'
import {suites} from 'whylint:integration-suites'

export function run(): Promise<void> {
  const grep = process.env['WHYLINT_GREP']
  const mocha = new Mocha({ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000, ...(grep ? {grep} : {})})
  // Suites may use `suite`/`test` or `describe`/`it`: offer both sets of globals.
  Mocha.interfaces.bdd(mocha.suite)
  for (const [file, load] of suites) {
    // What `mocha.loadFiles()` does for files on disk, with bundled modules instead.
    mocha.suite.emit('pre-require', globalThis, file, mocha)
    mocha.suite.emit('require', load(), file, mocha)
    mocha.suite.emit('post-require', globalThis, file, mocha)
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()))
  })
}
