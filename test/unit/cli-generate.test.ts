// The generated files (config schema, README rules table) must match the rule registry.

import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {generateSchema, outputs, README_PATH, SCHEMA_PATH, withTable} from '../../scripts/generate.js'
import {parseConfigText} from '../../src/engine/config.js'
import {RULES} from '../../src/engine/rules/index.js'
import {markerRule, withTestRules} from './cli-helpers.js'

describe('generate', () => {
  it('`npm run generate -- --check` passes: schema and README table are up to date', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--check'], {encoding: 'utf8'})
    assert.equal(result.status, 0, `${result.stderr}\nRun \`npm run generate\` after changing the rule registry.`)
  })

  it('lists every rule with its options in the schema', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((rule) => rule.id))
    const length = schema.properties.rules.properties['commit-subject-length']
    assert.equal(length.default, 'warning')
    const options = length.oneOf[1].items[1]
    assert.deepEqual(options.properties.soft, {type: 'integer', description: 'Length past which the subject gets a hint', default: 50, minimum: 1})
    assert.equal(options.additionalProperties, false)
    assert.deepEqual(schema.definitions.severity.enum, ['off', 'hint', 'info', 'warning', 'error'])
    // Every top-level key the schema allows is one the config loader accepts.
    for (const key of Object.keys(schema.properties)) assert.doesNotThrow(() => parseConfigText(JSON.stringify({[key]: key === 'rules' ? {} : key === 'maxFileSize' ? 1 : key === 'commit' ? {} : key === 'kinds' ? {} : key === '$schema' ? 'x' : []}), '.whylintrc.json'), key)
  })

  it('links each rule to its docs in the README table', () => {
    const readme = readFileSync(README_PATH, 'utf8')
    for (const rule of RULES) assert.ok(readme.includes(`| [\`${rule.id}\`](src/engine/rules/${rule.id}/README.md) |`), rule.id)
  })

  describe('with a rule added but not regenerated', () => {
    withTestRules(markerRule)

    it('the check sees both files out of date', () => {
      const stale = outputs('.').filter((output) => output.current !== output.wanted).map((output) => output.path)
      assert.deepEqual(stale, [SCHEMA_PATH, README_PATH])
      assert.match(generateSchema(), /"test-why-marker"/)
      assert.match(withTable(readFileSync(README_PATH, 'utf8')), /\| \[`test-why-marker`\]\(src\/engine\/rules\/test-why-marker\/README\.md\) \| markdown, readme, commit, review \| off \| yes \| Test rule: flags `WHY\?` markers \|/)
    })
  })

  it('refuses a README without the markers', () => {
    assert.throws(() => withTable('# x\n'), /no `<!-- rules:start -->`/)
  })
})
