// The browser build of the analysis worker runs where there is no Node: bundle it as the build
// does and run it in a bare VM context (no `require`, no `process`), talking to it by messages.
import assert from 'node:assert/strict'
import {runInNewContext} from 'node:vm'
import {build} from 'esbuild'
import type {FromWorker, ToWorker} from '../../src/extension/protocol.js'

describe('extension web worker', () => {
  it('lints in a context without Node globals', async function () {
    this.timeout(60_000)
    const output = await build({
      entryPoints: ['src/extension/web/worker.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'iife',
      // As in scripts/build.mjs: without it, entity decoding picks a DOM build that needs `document`.
      conditions: ['worker'],
      target: 'es2022',
      define: {'process.env.NODE_DEBUG': 'false', global: 'globalThis'},
      logLevel: 'silent',
    })
    const code = output.outputFiles[0]!.text
    const posted: FromWorker[] = []
    let answered: (message: FromWorker) => void = () => {}
    const scope: Record<string, unknown> = {
      setTimeout,
      clearTimeout,
      TextEncoder,
      TextDecoder,
      console,
      postMessage(message: FromWorker) {
        posted.push(message)
        if (message.type === 'readFile') queueMicrotask(() => (scope.onmessage as (event: {data: ToWorker}) => void)({data: {type: 'file', id: message.id}}))
        else answered(message)
      },
    }
    scope.globalThis = scope
    scope.self = scope
    runInNewContext(code, scope)
    assert.equal(typeof scope.onmessage, 'function', 'the worker listens for messages')
    const result = new Promise<FromWorker>((resolve) => (answered = resolve))
    ;(scope.onmessage as (event: {data: ToWorker}) => void)({
      data: {type: 'lint', id: 1, uri: 'mem:/w/COMMIT_EDITMSG', version: 3, text: 'Rewrite the whole configuration loader to also read YAML files from home\n', languageId: 'git-commit', path: '/w/COMMIT_EDITMSG', root: '/w', kind: 'commit', targets: ['commit']},
    })
    const message = await result
    assert.equal(message.type, 'lint')
    if (message.type !== 'lint') return
    assert.equal(message.error, undefined)
    assert.equal(message.version, 3)
    assert.ok(message.analysis?.findings.some((finding) => finding.ruleId === 'commit-subject-length'), JSON.stringify(message.analysis?.findings.map((finding) => finding.ruleId)))
    assert.ok(posted.some((sent) => sent.type === 'readFile' && sent.path === '/w/.whylintrc.json'), 'config is looked up through the host')
  })
})
