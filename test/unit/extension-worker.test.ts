// The analysis worker's protocol, without a real thread: superseding, config lookup through the
// host, a broken config keeping the last good one, and the client's crash handling.
import assert from 'node:assert/strict'
import {AnalysisClient, type WorkerEvents} from '../../src/extension/client.js'
import type {FromWorker, LintRequest, LintResult, ToWorker} from '../../src/extension/protocol.js'
import {createWorkerCore, yamlRuleOff} from '../../src/extension/worker-core.js'
import {extractRuleDoc} from '../../src/extension/rule-docs.js'
import {readFileSync} from 'node:fs'

const ALL = ['readme', 'markdown', 'commit', 'code', 'review'] as LintRequest['targets']

function harness(files: Record<string, string>) {
  const posted: FromWorker[] = []
  const queue: Array<() => void> = []
  let core: ReturnType<typeof createWorkerCore>
  const waiters: Array<(result: LintResult) => void> = []
  core = createWorkerCore(
    (message) => {
      posted.push(message)
      if (message.type === 'readFile') {
        const text = files[message.path]
        queue.push(() => core.onMessage(text === undefined ? {type: 'file', id: message.id} : {type: 'file', id: message.id, text}))
      }
      if (message.type === 'lint') waiters.shift()?.(message)
    },
    (callback) => queue.push(callback),
  )
  /** Run queued callbacks (deferred drains, file answers) until none are left. */
  const flush = async () => {
    for (let round = 0; round < 1000; round++) {
      const next = queue.shift()
      if (!next) {
        await new Promise((resolve) => setImmediate(resolve))
        if (queue.length === 0) return
        continue
      }
      next()
      await Promise.resolve()
    }
  }
  const send = (message: ToWorker) => core.onMessage(message)
  const lints = () => posted.filter((message): message is LintResult => message.type === 'lint')
  return {send, flush, lints, posted, files}
}

const request = (id: number, version: number, text: string, extra: Partial<LintRequest> = {}): LintRequest => ({
  type: 'lint',
  id,
  uri: 'file:///w/doc.md',
  version,
  text,
  languageId: 'markdown',
  path: '/w/doc.md',
  root: '/w',
  targets: ALL,
  ...extra,
})

describe('extension worker', () => {
  it('answers only the newest queued version of a document', async () => {
    const h = harness({})
    h.send(request(1, 1, 'One.\n'))
    h.send(request(2, 2, 'Two.\n'))
    h.send(request(3, 3, 'Three.\n'))
    await h.flush()
    const results = h.lints()
    assert.deepEqual(results.filter((result) => result.cancelled).map((result) => result.version).sort(), [1, 2])
    const done = results.filter((result) => !result.cancelled)
    assert.equal(done.length, 1)
    assert.equal(done[0]!.version, 3)
    assert.equal(done[0]!.analysis?.kind, 'markdown')
  })

  it('resolves config through host reads and applies it', async () => {
    const h = harness({'/w/.whylintrc.json': JSON.stringify({rules: {'commit-subject-length': 'off'}})})
    const long = 'Rewrite the whole configuration loader to also read YAML files from home\n'
    h.send(request(1, 1, long, {uri: 'file:///w/COMMIT_EDITMSG', path: '/w/COMMIT_EDITMSG', languageId: 'git-commit', kind: 'commit'}))
    await h.flush()
    const result = h.lints()[0]!
    assert.equal(result.configFile, '/w/.whylintrc.json')
    assert.equal(result.analysis?.kind, 'commit')
    assert.ok(!result.analysis!.findings.some((finding) => finding.ruleId === 'commit-subject-length'))
    assert.ok(h.posted.some((message) => message.type === 'readFile' && message.path === '/w/.whylintrc.json'))
  })

  it('reports a broken config and keeps the last good one', async () => {
    const h = harness({'/w/.whylintrc.json': JSON.stringify({rules: {'commit-subject-length': 'off'}})})
    const long = 'Rewrite the whole configuration loader to also read YAML files from home\n'
    const commit = {uri: 'file:///w/COMMIT_EDITMSG', path: '/w/COMMIT_EDITMSG', languageId: 'git-commit', kind: 'commit'} as const
    h.send(request(1, 1, long, commit))
    await h.flush()
    h.files['/w/.whylintrc.json'] = '{"rules": {"commit-subject-lenght": "off"}}'
    h.send({type: 'configChanged'})
    h.send(request(2, 2, long, commit))
    await h.flush()
    const second = h.lints()[1]!
    assert.equal(second.configError?.path, '/w/.whylintrc.json')
    assert.match(second.configError!.message, /commit-subject-lenght/)
    assert.ok(!second.analysis!.findings.some((finding) => finding.ruleId === 'commit-subject-length'), 'the last good config still applies')
  })

  it('skips kinds not targeted and files the config ignores', async () => {
    const h = harness({'/w/.whylintrc.json': JSON.stringify({ignore: ['docs/**']})})
    h.send(request(1, 1, 'x\n', {targets: ['commit']}))
    h.send(request(2, 1, 'x\n', {uri: 'file:///w/docs/a.md', path: '/w/docs/a.md'}))
    await h.flush()
    assert.deepEqual(
      h.lints().map((result) => result.analysis),
      [undefined, undefined],
    )
  })

  it('lists rule metadata', async () => {
    const h = harness({})
    h.send({type: 'rules', id: 7})
    const rules = h.posted.find((message) => message.type === 'rules')
    assert.ok(rules && rules.type === 'rules' && rules.rules.some((rule) => rule.id === 'commit-subject-length' && rule.url.endsWith('/commit-subject-length/README.md')))
  })

  it('client: restarts a crashed worker, fails what was in flight, tells the user once', async () => {
    const spawned: Array<{events: WorkerEvents; sent: ToWorker[]}> = []
    const notices: string[] = []
    const client = new AnalysisClient({
      spawn(events) {
        const entry = {events, sent: [] as ToWorker[]}
        spawned.push(entry)
        return {postMessage: (message) => entry.sent.push(message), terminate() {}}
      },
      readFile: async () => undefined,
      onFirstCrash: (reason) => notices.push(reason),
    })
    const base = {uri: 'file:///a.md', text: 'x', languageId: 'markdown', path: '/a.md', targets: ALL}
    const first = client.lint({...base, version: 1})
    spawned[0]!.events.crash('boom')
    assert.match((await first).error ?? '', /boom/)
    const second = client.lint({...base, version: 2})
    assert.equal(spawned.length, 2, 'a new worker was spawned')
    const sent = spawned[1]!.sent[0] as LintRequest
    spawned[1]!.events.message({type: 'lint', id: sent.id, uri: sent.uri, version: 2, config: {}})
    assert.equal((await second).version, 2)
    spawned[1]!.events.crash('again')
    assert.deepEqual(notices, ['boom'])
    assert.equal(client.crashCount, 2)
  })

  it('client: answers the worker file reads', async () => {
    let sent: ToWorker[] = []
    let events!: WorkerEvents
    const client = new AnalysisClient({
      spawn(given) {
        events = given
        return {postMessage: (message) => sent.push(message), terminate() {}}
      },
      readFile: async (path) => (path === '/w/.whylintrc.json' ? '{}' : undefined),
    })
    void client.lint({uri: 'u', version: 1, text: '', languageId: 'markdown', path: '/w/a.md', targets: ALL})
    sent = []
    events.message({type: 'readFile', id: 1, path: '/w/.whylintrc.json'})
    events.message({type: 'readFile', id: 2, path: '/w/missing'})
    await new Promise((resolve) => setImmediate(resolve))
    assert.deepEqual(sent, [
      {type: 'file', id: 1, text: '{}'},
      {type: 'file', id: 2},
    ])
  })

  it('extracts hover docs from a rule README', () => {
    const doc = extractRuleDoc(readFileSync('src/engine/rules/commit-subject-length/README.md', 'utf8'))
    assert.match(doc.summary, /^Keep the commit subject line short/)
    assert.match(doc.why, /git log --oneline/)
    assert.equal(doc.before?.lang, 'text')
    assert.match(doc.before!.code, /^Update the configuration loader/)
    assert.match(doc.after!.code, /^Read YAML config files/)
    assert.deepEqual(extractRuleDoc('# x\n\nOnly a summary.\n'), {summary: 'Only a summary.', why: ''})
  })

  it('turns a rule off in a YAML config, keeping comments', () => {
    const result = yamlRuleOff('# team settings\nrules:\n  hedge-words: hint # keep\nignore: [dist/**]\n', 'readability')
    assert.ok('text' in result)
    assert.equal(result.text, '# team settings\nrules:\n  hedge-words: hint # keep\n  readability: off\nignore: [ dist/** ]\n')
    assert.equal((yamlRuleOff('', 'x') as {text: string}).text, 'rules:\n  x: off\n')
    assert.ok('error' in yamlRuleOff('- a\n', 'x'))
    assert.ok('error' in yamlRuleOff('rules: [\n', 'x'))
  })
})
