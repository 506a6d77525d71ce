// Config loading as the CLI does it: the engine's resolver over a node:fs host, on real folders.

import assert from 'node:assert/strict'
import {join} from 'node:path'
import {Configs, kindOf, maxFileSizeOf, nodeHost} from '../../src/cli/configs.js'
import {ConfigError, configuredKind, isIgnored, loadConfigFile, parseConfigText, resolveConfig, validateConfig} from '../../src/engine/config.js'
import {cleanTempDirs, run, tempDir} from './cli-helpers.js'

after(cleanTempDirs)

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error))
    return error
  }
  assert.fail('expected a ConfigError')
}

describe('config', () => {
  it('reads .whylintrc.json', async () => {
    const dir = tempDir({'.whylintrc.json': '{"rules": {"commit-subject-length": "error"}}', 'a.md': ''})
    const resolved = await resolveConfig(join(dir, 'a.md'), nodeHost)
    assert.deepEqual(resolved, {config: {rules: {'commit-subject-length': 'error'}}, path: join(dir, '.whylintrc.json'), root: dir})
  })

  it('reads .whylintrc.yaml and .whylintrc.yml', async () => {
    for (const name of ['.whylintrc.yaml', '.whylintrc.yml']) {
      const dir = tempDir({[name]: 'rules:\n  commit-subject-length: [warning, {soft: 40}]\nignore:\n  - dist/**\n'})
      const resolved = await resolveConfig(join(dir, 'x.md'), nodeHost)
      assert.deepEqual(resolved.config, {rules: {'commit-subject-length': ['warning', {soft: 40}]}, ignore: ['dist/**']})
      assert.equal(resolved.path, join(dir, name))
    }
  })

  it('reads the `whylint` key of package.json, and looks past a package.json without one', async () => {
    const dir = tempDir({
      'package.json': JSON.stringify({name: 'top', whylint: {maxFileSize: 100}}),
      'pkg/package.json': JSON.stringify({name: 'inner'}),
      'pkg/a.md': '',
    })
    const resolved = await resolveConfig(join(dir, 'pkg', 'a.md'), nodeHost)
    assert.deepEqual(resolved.config, {maxFileSize: 100})
    assert.equal(resolved.path, join(dir, 'package.json'))
    assert.equal(maxFileSizeOf(resolved), 100)
  })

  it('walks up to the nearest folder with a config; .whylintrc.json wins within a folder', async () => {
    const dir = tempDir({
      '.whylintrc.json': '{"ignore": ["top"]}',
      'a/.whylintrc.yaml': 'ignore: [yaml]\n',
      'a/.whylintrc.json': '{"ignore": ["json"]}',
      'a/b/c/d.md': '',
    })
    const configs = new Configs(dir)
    const deep = await configs.forFile(join(dir, 'a', 'b', 'c', 'd.md'))
    assert.deepEqual(deep.config, {ignore: ['json']})
    assert.equal(deep.root, join(dir, 'a'))
    assert.deepEqual((await configs.forFile(join(dir, 'e.md'))).config, {ignore: ['top']})
  })

  it('uses the --config file for every file, with globs relative to its folder', async () => {
    const dir = tempDir({'.whylintrc.json': '{"ignore": ["x"]}', 'conf/w.json': '{"ignore": ["docs/**"], "kinds": {"review": ["reviews/*.md"]}}'})
    const configs = new Configs(dir, 'conf/w.json')
    const resolved = await configs.forFile(join(dir, 'docs', 'a.md'))
    assert.equal(resolved.path, join(dir, 'conf', 'w.json'))
    assert.ok(isIgnored(resolved, join(dir, 'conf', 'docs', 'a.md')))
    assert.ok(!isIgnored(resolved, join(dir, 'docs', 'a.md')))
    assert.equal(configuredKind(resolved, join(dir, 'conf', 'reviews', 'r.md')), 'review')
    assert.equal(kindOf(resolved, join(dir, 'conf', 'reviews', 'r.md')), 'review')
    assert.equal(kindOf(resolved, join(dir, 'conf', 'reviews', 'r.md'), 'commit'), 'commit', '--kind wins')
    assert.equal(kindOf(resolved, join(dir, 'README.md')), 'readme')
    assert.equal(kindOf(resolved, join(dir, 'notes.txt')), undefined)
    // Objective-C's implementation files, not only its headers.
    assert.equal(kindOf(resolved, join(dir, 'ios', 'MapView.m')), 'code')
    assert.equal(kindOf(resolved, join(dir, 'ios', 'Button.mm')), 'code')
  })

  it('names the file in parse errors for broken JSON and YAML', async () => {
    const json = tempDir({'.whylintrc.json': '{"rules": {"a": }'})
    const jsonError = await rejection(resolveConfig(join(json, 'a.md'), nodeHost))
    assert.equal(jsonError.path, join(json, '.whylintrc.json'))
    assert.match(jsonError.message, new RegExp(`^Cannot parse ${join(json, '.whylintrc.json').replace(/[.\\/]/g, '\\$&')}: `))
    const yaml = tempDir({'.whylintrc.yml': 'rules: [unclosed\n'})
    const yamlError = await rejection(resolveConfig(join(yaml, 'a.md'), nodeHost))
    assert.match(yamlError.message, /Cannot parse .*\.whylintrc\.yml: /)
    const pkg = tempDir({'package.json': '{"name": '})
    assert.match((await rejection(resolveConfig(join(pkg, 'a.md'), nodeHost))).message, /Cannot parse .*package\.json/)
  })

  it('reports every problem with its key and a did-you-mean', () => {
    const problems = validateConfig({rulez: {}, rules: {'commit-subject-lenght': 'warn', 'commit-subject-length': ['warnings', {sfot: 3}]}, kinds: {reveiw: []}, commit: {commentChar: '##'}, maxFileSize: -1})
    const byKey = Object.fromEntries(problems.map((problem) => [problem.key, problem.message]))
    assert.match(byKey.rulez!, /Unknown key `rulez`; did you mean `rules`/)
    assert.match(byKey['rules.commit-subject-lenght']!, /did you mean `commit-subject-length`/)
    assert.match(problems.find((problem) => problem.key === 'rules.commit-subject-length' && /severity/.test(problem.message))!.message, /Invalid severity `warnings`.*did you mean `warning`/)
    assert.match(byKey['rules.commit-subject-length.sfot']!, /Unknown option `sfot`.*did you mean `soft`/)
    assert.match(byKey['kinds.reveiw']!, /did you mean `review`/)
    assert.ok(byKey['commit.commentChar'])
    assert.ok(byKey.maxFileSize)
  })

  it('throws a ConfigError listing the problems, each line naming the file', () => {
    assert.throws(
      () => parseConfigText('{"rules": {"nope": "off"}, "ignore": "x"}', '/p/.whylintrc.json'),
      (error: ConfigError) => error.problems.length === 2 && error.message.split('\n').every((line) => line.startsWith('/p/.whylintrc.json: ')),
    )
  })

  it('fails to load a missing --config file', async () => {
    const dir = tempDir()
    assert.match((await rejection(loadConfigFile(join(dir, 'none.json'), nodeHost))).message, /Cannot read config file .*none\.json/)
  })

  it('the CLI exits 2 on a config problem and prints it', async () => {
    const dir = tempDir({'sub/.whylintrc.yaml': 'rules:\n  commit-subject-lenth: error\n', 'sub/a.md': 'x\n'})
    const result = await run(dir, ['sub/a.md'])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /\.whylintrc\.yaml: rules\.commit-subject-lenth: Unknown rule `commit-subject-lenth`; did you mean `commit-subject-length`/)
  })
})
