import assert from 'node:assert/strict'
import {applyEdits} from '../../src/engine/fixes.js'
import {analyze} from '../../src/engine/lint.js'
import {CONFIG_FILES} from '../../src/engine/config.js'
import {DOCS_BASE as ENGINE_DOCS_BASE} from '../../src/engine/rule.js'
import {
  commentSyntax,
  commitBodyOffset,
  CONFIG_FILE_NAMES,
  configWithRuleOff,
  disableFileEdit,
  disableNextLineEdit,
  fileHeaderEnd,
  readmeWhyOffset,
  starterConfig,
} from '../../src/extension/edits.js'
import {DOCS_BASE} from '../../src/extension/rule-url.js'

const apply = (text: string, edit: {offset: number; endOffset: number; text: string}) => applyEdits(text, [edit]).text

describe('extension edits', () => {
  it('mirrors the engine constants it cannot import without loading the rules', () => {
    assert.equal(DOCS_BASE, ENGINE_DOCS_BASE)
    assert.deepEqual([...CONFIG_FILE_NAMES], [...CONFIG_FILES])
  })

  it('writes directives in the host syntax, none for commits', () => {
    assert.deepEqual(commentSyntax('readme', 'markdown'), {open: '<!-- ', close: ' -->'})
    assert.deepEqual(commentSyntax('code', 'typescript'), {open: '// ', close: ''})
    assert.deepEqual(commentSyntax('code', 'python'), {open: '# ', close: ''})
    assert.equal(commentSyntax('commit', 'scminput'), undefined)
  })

  it('disables the next line with the same indentation and line break', () => {
    const text = 'a\r\n  b is here\r\n'
    const edit = disableNextLineEdit(text, text.indexOf('is'), 'wordy-phrase', {open: '// ', close: ''})
    assert.equal(apply(text, edit), 'a\r\n  // whylint-disable-next-line wordy-phrase\r\n  b is here\r\n')
  })

  it('puts a file directive after a shebang, front matter or an encoding line', () => {
    assert.equal(fileHeaderEnd('#!/bin/sh\necho\n', 'code'), 10)
    assert.equal(fileHeaderEnd('---\ntitle: x\n---\n# T\n', 'markdown'), 17)
    assert.equal(fileHeaderEnd('+++\na = 1\n+++\ntext', 'markdown'), 14)
    assert.equal(fileHeaderEnd('---\nunclosed', 'markdown'), 0)
    assert.equal(fileHeaderEnd('# -*- coding: utf-8 -*-\nx = 1\n', 'code'), 24)
    const markdown = '---\ntitle: x\n---\n# T\n'
    assert.equal(apply(markdown, disableFileEdit(markdown, 'markdown', 'readability', {open: '<!-- ', close: ' -->'})), '---\ntitle: x\n---\n<!-- whylint-disable readability -->\n\n# T\n')
    const code = '#!/usr/bin/env python\nx = 1'
    assert.equal(apply(code, disableFileEdit(code, 'code', 'hedge-words', {open: '# ', close: ''})), '#!/usr/bin/env python\n# whylint-disable hedge-words\nx = 1')
  })

  it('silences the finding once the disable comment is in (engine round trip)', () => {
    const text = '# Title\n\nWe use it in order to go.\n'
    const before = analyze(text, {kind: 'markdown', config: {rules: {'wordy-phrase': 'warning'}}}).findings.filter((finding) => finding.ruleId === 'wordy-phrase')
    assert.ok(before.length > 0, 'wordy-phrase flags `in order to`')
    const syntax = commentSyntax('markdown', 'markdown')!
    for (const edit of [disableNextLineEdit(text, before[0]!.offset, 'wordy-phrase', syntax), disableFileEdit(text, 'markdown', 'wordy-phrase', syntax)]) {
      const after = analyze(apply(text, edit), {kind: 'markdown', config: {rules: {'wordy-phrase': 'warning'}}}).findings
      assert.deepEqual(after.filter((finding) => finding.ruleId === 'wordy-phrase'), [], edit.text)
    }
  })

  it('turns a rule off in the config, keeping other keys and the indentation', () => {
    const created = JSON.parse(configWithRuleOff(undefined, 'readability'))
    assert.equal(created.rules.readability, 'off')
    assert.match(created.$schema, /whylintrc\.schema\.json$/)
    const kept = configWithRuleOff('{\n    "ignore": ["x"],\n    "rules": {"hedge-words": "hint"}\n}\n', 'readability')
    assert.deepEqual(JSON.parse(kept), {ignore: ['x'], rules: {'hedge-words': 'hint', readability: 'off'}})
    assert.match(kept, /^ {4}"ignore"/m)
    const pkg = JSON.parse(configWithRuleOff('{"name": "p", "whylint": {"ignore": []}}', 'readability', true))
    assert.deepEqual(pkg, {name: 'p', whylint: {ignore: [], rules: {readability: 'off'}}})
    assert.throws(() => configWithRuleOff('[1]', 'x'), /JSON object/)
    assert.equal(JSON.parse(starterConfig()).rules !== undefined, true)
  })

  it('places a README Why section after the title and intro', () => {
    const text = '# Tool\n\nIntro.\n\n## Install\n\nnpm i\n'
    const place = readmeWhyOffset(text)
    assert.equal(text.slice(place.offset), '## Install\n\nnpm i\n')
    const fenced = '# T\n\n```sh\n## not a heading\n```\n'
    const end = readmeWhyOffset(fenced)
    assert.equal(end.offset, fenced.length)
    assert.equal(end.before, '\n')
    assert.equal(readmeWhyOffset('# T').before, '\n\n')
  })

  it('places a commit body after the subject and one blank line', () => {
    const put = (text: string) => {
      const place = commitBodyOffset(text)
      return text.slice(0, place.offset) + place.before + 'BODY' + place.after + text.slice(place.offset)
    }
    assert.equal(put('fix'), 'fix\n\nBODY')
    assert.equal(put('fix\n'), 'fix\n\nBODY')
    assert.equal(put('fix\n\n'), 'fix\n\nBODY')
    assert.equal(put('fix\n\nOld body\n'), 'fix\n\nBODY\n\nOld body\n')
    assert.equal(put('fix\n\n# Please enter\n'), 'fix\n\nBODY\n\n# Please enter\n')
    assert.equal(put('fix\nglued\n'), 'fix\n\nBODY\n\nglued\n')
    assert.equal(put('fix\r\n'), 'fix\r\n\r\nBODY')
  })
})
