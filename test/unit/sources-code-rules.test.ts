// The two comment rules beyond their fixtures: what their fixes write, and the edges of what
// counts as a reason or a left-over instruction.
import assert from 'node:assert/strict'
import {applyEdits} from '../../src/engine/fixes.js'
import {analyze} from '../../src/engine/lint.js'
import type {Finding, LintOptions} from '../../src/engine/types.js'

function findings(ruleId: string, text: string, options: LintOptions, ruleOptions?: Record<string, unknown>): Finding[] {
  const setting = ruleOptions ? (['warning', ruleOptions] as ['warning', Record<string, unknown>]) : 'warning'
  return analyze(text, {...options, config: {rules: {[ruleId]: setting}}}).findings.filter((finding) => finding.ruleId === ruleId)
}

const suppressions = (text: string, languageId: string, ruleOptions?: Record<string, unknown>) =>
  findings('suppression-without-reason', text, {kind: 'code', languageId}, ruleOptions)

describe('suppression-without-reason', () => {
  it('names the suppression and points at it', () => {
    const text = 'const a = 1\n// eslint-disable-next-line no-var\nvar b = a\n'
    const [finding] = suppressions(text, 'javascript')
    assert.ok(finding)
    assert.equal(text.slice(finding.offset, finding.endOffset), 'eslint-disable-next-line no-var')
    assert.equal(finding.message, 'Unexpected `eslint-disable-next-line` without a reason, expected a few words on why the check does not apply here')
  })

  it('offers an ESLint reason after ` -- ` that the user must edit, not applied by --fix', () => {
    const text = '// eslint-disable-next-line no-var\nvar b = 1\n'
    const [finding] = suppressions(text, 'javascript')
    const fix = finding!.fixes![0]!
    assert.notEqual(fix.preferred, true)
    assert.equal(applyEdits(text, fix.edits).text, '// eslint-disable-next-line no-var -- <why this rule does not apply here>\nvar b = 1\n')
    assert.equal(fix.edits[0]!.snippet, ' -- ${1:why this rule does not apply here}')
  })

  it('offers a SwiftLint reason after ` - `, its own delimiter, and reads one there', () => {
    const text = '// swiftlint:disable:next force_cast\nlet view = child as! UIView\n'
    const [finding] = suppressions(text, 'swift')
    const fixed = applyEdits(text, finding!.fixes![0]!.edits).text
    assert.equal(fixed, '// swiftlint:disable:next force_cast - <why this rule does not apply here>\nlet view = child as! UIView\n')
    assert.deepEqual(suppressions(fixed.replace('<why this rule does not apply here>', 'the factory only makes views'), 'swift'), [])
    // SwiftLint takes `--` and the words after it for rule names.
    assert.equal(suppressions('// swiftlint:disable:next force_cast -- the factory only makes views\nlet view = child as! UIView\n', 'swift').length, 1)
  })

  it('puts the fix inside a block comment, before its end', () => {
    const text = '/* eslint-disable no-var */\nvar b = 1\n'
    const [finding] = suppressions(text, 'javascript')
    assert.equal(applyEdits(text, finding!.fixes![0]!.edits).text, '/* eslint-disable no-var -- <why this rule does not apply here> */\nvar b = 1\n')
  })

  it('inserts a comment line above, indented, in the host syntax', () => {
    const text = 'def f():\n    x = g()  # type: ignore[attr-defined]\n'
    const [finding] = suppressions(text, 'python')
    assert.equal(applyEdits(text, finding!.fixes![0]!.edits).text, 'def f():\n    # <why this suppression is needed here>\n    x = g()  # type: ignore[attr-defined]\n')
    const java = 'class A {\n  @SuppressWarnings("unchecked")\n  void f() {}\n}\n'
    const [annotation] = suppressions(java, 'java')
    assert.equal(java.slice(annotation!.offset, annotation!.endOffset), '@SuppressWarnings("unchecked")')
    const fixed = applyEdits(java, annotation!.fixes![0]!.edits).text
    assert.equal(fixed, 'class A {\n  // <why this suppression is needed here>\n  @SuppressWarnings("unchecked")\n  void f() {}\n}\n')
    // The filled-in template is a reason: the finding goes away.
    assert.deepEqual(suppressions(fixed.replace('<why this suppression is needed here>', 'the cache stores only strings'), 'java'), [])
  })

  it('adds a Go reason as a second // comment', () => {
    const text = 'package main\n\nfunc main() {\n\trun() //nolint:errcheck\n}\n'
    const [finding] = suppressions(text, 'go')
    assert.equal(applyEdits(text, finding!.fixes![0]!.edits).text, 'package main\n\nfunc main() {\n\trun() //nolint:errcheck // <why this rule does not apply here>\n}\n')
  })

  it('needs the reason directly above, not further up', () => {
    const text = '// We parse untrusted JSON here, validated below.\n\n// eslint-disable-next-line no-var\nvar b = 1\n'
    assert.equal(suppressions(text, 'javascript').length, 1)
    assert.equal(suppressions(text.replace('\n\n', '\n'), 'javascript').length, 0)
  })

  it('does not take a trailing comment on the line above as a reason', () => {
    const text = 'a() // this call is slow but fine\n// @ts-ignore\nb()\n'
    assert.equal(suppressions(text, 'typescript').length, 1)
  })

  it('reads ESLint text without ` -- ` as rule names, not a reason', () => {
    assert.equal(suppressions('// eslint-disable-next-line no-eval because we must\neval(x)\n', 'javascript').length, 1)
    assert.equal(suppressions('// eslint-disable-next-line no-eval -- formulas are evaluated on purpose\neval(x)\n', 'javascript').length, 0)
  })

  it('counts words against minWords', () => {
    const text = '// @ts-expect-error: upstream types\nf()\n'
    assert.equal(suppressions(text, 'typescript').length, 0)
    assert.equal(suppressions(text, 'typescript', {minWords: 3}).length, 1)
    assert.equal(suppressions('// @ts-expect-error: fix\nf()\n', 'typescript').length, 1)
  })

  it('ignores suppressions inside strings, templates and heredocs', () => {
    assert.deepEqual(suppressions('const s = `// @ts-ignore ${"/* eslint-disable */"}`\n', 'typescript'), [])
    assert.deepEqual(suppressions("cat <<'EOF'\n# shellcheck disable=SC2086\nEOF\n", 'shellscript'), [])
    assert.deepEqual(suppressions('let s = r#"#[allow(unused)]"#;\n', 'rust'), [])
  })

  it('is silenced by a whylint directive, which is not a reason itself', () => {
    const text = '// whylint-disable-next-line suppression-without-reason\n// @ts-ignore\nf()\n// @ts-ignore\ng()\n'
    assert.deepEqual(suppressions(text, 'typescript').map((finding) => finding.line), [4])
    assert.deepEqual(suppressions('# whylint-disable-line\nx = f()  # type: ignore\n', 'python').map((finding) => finding.line), [2])
  })

  it('accepts Rust reason = and C# Justification = arguments', () => {
    assert.deepEqual(suppressions('#[allow(unused, reason = "kept for the FFI layout")]\nfn f() {}\n', 'rust'), [])
    assert.equal(suppressions('#[allow(unused)]\nfn f() {}\n', 'rust').length, 1)
    assert.deepEqual(suppressions('[SuppressMessage("Style", "IDE0060", Justification = "Called by reflection")]\nvoid F(int x) {}\n', 'csharp'), [])
  })
})

const placeholders = (text: string, options: LintOptions) => findings('template-placeholder', text, options)

describe('comment-missing-why', () => {
  const text = "describe('upload', function () {\n  this.timeout(60_000)\n  client.setChunkSize(1500)\n  await sleep(2000)\n})\n"
  const lines = (found: Finding[]) => found.map((finding) => text.slice(0, finding.offset).split('\n').length)

  it('leaves timeouts and numbers in test files alone, but not sleeps', () => {
    for (const filePath of ['test/upload.ts', 'src/__tests__/upload.ts', 'src/upload.test.ts', 'pkg/upload_test.go', 'tests/test_upload.py', 'src/collections/tests.rs', 'src/testing/rng.ts', 'pkg/conftest.py']) {
      assert.deepEqual(lines(findings('comment-missing-why', text, {kind: 'code', languageId: 'typescript', filePath})), [4], filePath)
    }
    for (const filePath of ['src/upload.ts', 'src/contests.rs', 'src/attesting/rng.ts']) {
      assert.deepEqual(lines(findings('comment-missing-why', text, {kind: 'code', languageId: 'typescript', filePath}, {magicNumbers: true})), [2, 3, 4], filePath)
    }
  })

  it('leaves numbers alone unless `magicNumbers` asks for them', () => {
    assert.deepEqual(lines(findings('comment-missing-why', text, {kind: 'code', languageId: 'typescript', filePath: 'src/upload.ts'})), [2, 4])
    assert.deepEqual(lines(findings('comment-missing-why', text, {kind: 'code', languageId: 'typescript', filePath: 'src/upload.ts'}, {magicNumbers: true})), [2, 3, 4])
  })

  it('leaves alone Ctrl-C swallowed however long the block, and an attribute deleted if there', () => {
    const interrupted = 'try:\n    root = parse(stdin)\n    if depth == 0:\n        handle(root)\n    flush()\nexcept KeyboardInterrupt:\n    pass\n'
    assert.deepEqual(findings('comment-missing-why', interrupted, {kind: 'code', languageId: 'python'}), [])
    assert.equal(findings('comment-missing-why', interrupted.replace('KeyboardInterrupt', 'Exception'), {kind: 'code', languageId: 'python'}).length, 1)
    assert.equal(findings('comment-missing-why', interrupted.replace('KeyboardInterrupt:', 'OSError:  # ignore'), {kind: 'code', languageId: 'python'}).length, 1)
    const deleted = 'try:\n    delattr(obj.__class__, self.name)\nexcept AttributeError:\n    pass\n'
    assert.deepEqual(findings('comment-missing-why', deleted, {kind: 'code', languageId: 'python'}), [])
    assert.equal(findings('comment-missing-why', deleted.replace('delattr', 'setattr').replace('AttributeError:', 'AttributeError:  # ignore'), {kind: 'code', languageId: 'python'}).length, 1)
  })

  it('leaves sleeps in example code alone: examples/, demo/, samples/ and javadoc snippet-files/', () => {
    const demo = 'class Demo {\n    void run(RecordingStream rs) throws Exception {\n        rs.startAsync();\n        Thread.sleep(20_000);\n    }\n}\n'
    for (const filePath of ['jdk.jfr/jdk/jfr/consumer/snippet-files/Snippets.java', 'examples/Recording.java', 'src/demo/Recording.java']) {
      assert.deepEqual(findings('comment-missing-why', demo, {kind: 'code', languageId: 'java', filePath}), [], filePath)
    }
    assert.equal(findings('comment-missing-why', demo, {kind: 'code', languageId: 'java', filePath: 'src/recording/Recorder.java'}).length, 1)
  })

  it('leaves a demo sleep in a __main__ block alone in any Python document, named or not', () => {
    const demo = 'import time\n\nif __name__ == "__main__":\n    time.sleep(0.4)\n'
    assert.deepEqual(findings('comment-missing-why', demo, {kind: 'code', languageId: 'python'}), [])
    assert.equal(findings('comment-missing-why', demo.replace('if __name__ == "__main__":', 'def demo():'), {kind: 'code', languageId: 'python'}).length, 1)
  })

  it('reads the reason above a tool directive, and puts a new one there', () => {
    const directive = '  /* c8 ignore next 1 */\n} catch {}\n'
    assert.deepEqual(findings('comment-missing-why', `try {\n  x()\n  // Throws on Windows without a console.\n${directive}`, {kind: 'code', languageId: 'javascript'}), [])
    const bare = `try {\n  x()\n${directive}`
    const [finding] = findings('comment-missing-why', bare, {kind: 'code', languageId: 'javascript'})
    assert.match(finding!.message, /^Unexplained empty catch block/)
    assert.equal(finding!.fixes![0]!.edits[0]!.offset, bare.indexOf('  /* c8'))
  })

  it('reads a pylint or rubocop directive as a directive, not as a comment that says what', () => {
    const bare = 'try:\n    notify(listener)\nexcept:  # pylint: disable=bare-except\n    pass\n'
    const [finding] = findings('comment-missing-why', bare, {kind: 'code', languageId: 'python'})
    assert.match(finding!.message, /^Unexplained empty catch block/)
    const ruby = 'begin\n  notify(listener)\nrescue StandardError # rubocop: disable Lint/SuppressedException\nend\n'
    assert.match(findings('comment-missing-why', ruby, {kind: 'code', languageId: 'ruby'})[0]?.message ?? '', /^Unexplained empty catch block/)
  })

  it('reads a directive at the end of the line as no reason, and a comment beside it as one', () => {
    const bare = 'try:\n    x()\nexcept OSError:  # pragma: no cover\n    pass\n'
    const [finding] = findings('comment-missing-why', bare, {kind: 'code', languageId: 'python'})
    assert.match(finding!.message, /^Unexplained empty catch block/)
    assert.equal(finding!.fixes![0]!.edits[0]!.offset, bare.indexOf('except'))
    assert.deepEqual(findings('comment-missing-why', bare.replace('pass', 'pass  # The pipe may be closed already.'), {kind: 'code', languageId: 'python'}), [])
  })

  it('asks why of a dispatch timer with a literal delay as of C#\'s Task.Delay, once', () => {
    // Default severities: the timer must read at the same level as the C# delay.
    const own = (text: string, languageId: string) => analyze(text, {kind: 'code', languageId}).findings.filter((finding) => finding.ruleId === 'comment-missing-why')
    const [delay] = own('class A {\n  async Task F() {\n    await Task.Delay(100);\n  }\n}\n', 'csharp')
    const dispatch = 'void f(struct m *m)\n{\n    dispatch_after(dispatch_time(DISPATCH_TIME_NOW, 0.1 * NSEC_PER_SEC), dispatch_get_main_queue(), ^{\n        go(m);\n    });\n}\n'
    const timers = own(dispatch, 'c')
    assert.equal(timers.length, 1)
    assert.equal(timers[0]!.severity, delay!.severity)
    assert.equal(delay!.message, 'Unexplained sleep `Task.Delay(100)`: add a comment saying why')
    assert.equal(timers[0]!.message, 'Unexplained sleep `dispatch_after(dispatch_time(DISPATCH_T…`: add a comment saying why')
    assert.equal(dispatch.slice(timers[0]!.offset, timers[0]!.endOffset), 'dispatch_after(dispatch_time(DISPATCH_TIME_NOW, 0.1 * NSEC_PER_SEC)')
  })

  it('asks about them in test files too with `inTests`', () => {
    assert.deepEqual(lines(findings('comment-missing-why', text, {kind: 'code', languageId: 'typescript', filePath: 'test/upload.ts'}, {inTests: true, magicNumbers: true})), [2, 3, 4])
  })
})

describe('template-placeholder', () => {
  it('takes an underscored stub inside a sentence for emphasis, in Markdown and commits alike', () => {
    const emphasis = "Stop flagging Markdown emphasis\n\nIn 'a _term_ and _description_' the words are emphasis.\n"
    assert.deepEqual(placeholders(emphasis, {kind: 'commit'}), [])
    assert.equal(placeholders('Cache parsed config\n\n_summary_\n', {kind: 'commit'}).length, 1)
    assert.equal(placeholders('# fastcache\n\n_summary_\n', {kind: 'readme'}).length, 1)
  })

  it('leaves a template file its instructions', () => {
    const text = '## Description\n\n<!-- Describe your changes -->\n\n## Motivation\n\n<!-- Why is this change required? -->\n'
    for (const filePath of ['.github/PULL_REQUEST_TEMPLATE.md', '.github/pull_request_template.md', '.github/PULL_REQUEST_TEMPLATE/release.md', '.github/ISSUE_TEMPLATE/bug_report.md', '.gitlab/merge_request_templates/Default.md', 'docs/templates/pr.md', 'notes.template.md']) {
      assert.deepEqual(placeholders(text, {kind: 'review', filePath}), [], filePath)
    }
    for (const filePath of ['pr-description.md', 'docs/template-engine.md', 'src/templates.ts/../pr.md'.replace('templates.ts/../', '')]) {
      assert.equal(placeholders(text, {kind: 'review', filePath}).length, 4, filePath)
    }
  })

  it('removes a left-over instruction with only its own line break', () => {
    const text = '## Description\n\n<!-- Describe your changes -->\nCache the config.\n'
    const [finding] = placeholders(text, {kind: 'review'})
    const fix = finding!.fixes![0]!
    assert.equal(fix.preferred, true)
    assert.equal(applyEdits(text, fix.edits).text, '## Description\n\nCache the config.\n')
  })

  it('removes an inline instruction without touching the text around it', () => {
    const text = 'Fixes <!-- Link the issue --> the crash.\n'
    const [finding] = placeholders(text, {kind: 'review'})
    assert.equal(applyEdits(text, finding!.fixes![0]!.edits).text, 'Fixes  the crash.\n')
  })

  it('leaves an HTML block alone when it holds more than the comment', () => {
    assert.deepEqual(placeholders('<!-- Describe it --> <details> <!-- Add a list -->\n\nText.\n', {kind: 'review'}), [])
  })

  it('keeps CRLF line ends intact when removing', () => {
    const text = '## Why\r\n\r\n  <!-- Please explain -->\r\nIt was slow.\r\n'
    const [finding] = placeholders(text, {kind: 'review'})
    assert.equal(applyEdits(text, finding!.fixes![0]!.edits).text, '## Why\r\n\r\nIt was slow.\r\n')
  })

  it('leaves tool comments, directives and license headers alone', () => {
    const text = '<!-- prettier-ignore -->\n<!-- markdownlint-disable MD013 -->\n<!-- Copyright 2024 Acme. Licensed under MIT. -->\n<!-- whylint-disable readability -->\nText.\n'
    assert.deepEqual(placeholders(text, {kind: 'markdown'}), [])
  })

  it('reports empty PR headings but not ones with content or subsections', () => {
    const text = '## Summary\n\n<!-- Summarize -->\n\n## Changes\n\n### API\n\nNew flag.\n\n## Testing\n'
    const lines = placeholders(text, {kind: 'review'}).map((finding) => `${finding.line}:${finding.message.split(',')[0]}`)
    assert.deepEqual(lines, ['1:Unexpected empty section `Summary`', '3:Unexpected template instruction `Summarize`', '11:Unexpected empty section `Testing`'])
  })

  it('finds stubs in doc comments and code comments only, not in code', () => {
    const text = '/** _summary_ */\nconst s = "_summary_"\n'
    const found = placeholders(text, {kind: 'code', languageId: 'typescript'})
    assert.deepEqual(found.map((finding) => text.slice(finding.offset, finding.endOffset)), ['_summary_'])
    assert.equal(found[0]!.offset, 4)
  })
})

describe('comment rules on pathological input', () => {
  it('stay linear on long runs of spaces, quotes and open tags', () => {
    const spaces = ' '.repeat(20_000)
    const inputs: Array<[string, LintOptions]> = [
      [`// eslint-disable-line a${spaces}b${spaces}*/\n`, {kind: 'code', languageId: 'typescript'}],
      [`/* NOLINT${spaces}x${spaces}*/\n`, {kind: 'code', languageId: 'c'}],
      [`#[allow(x, reason = "${'a'.repeat(40_000)}\n`, {kind: 'code', languageId: 'rust'}],
      [`/** {@link${'a'.repeat(40_000)}\n */\n`, {kind: 'code', languageId: 'typescript'}],
      [`## Why${spaces}x${spaces}#\n`, {kind: 'review'}],
    ]
    for (const [text, options] of inputs) {
      const start = performance.now()
      for (const ruleId of ['suppression-without-reason', 'template-placeholder']) findings(ruleId, text, options)
      assert.ok(performance.now() - start < 3000, `${text.slice(0, 20)}… took ${(performance.now() - start).toFixed(0)} ms`)
    }
  })
})

describe('generated files', () => {
  const body = 'package nistec\n\n// X3 := Y3 + Y3\nx3.Add(y3, y3)\n\nfunc wait() {\n\ttime.Sleep(250 * time.Millisecond)\n}\n'

  it('lints nothing in a file whose header says a generator wrote it', () => {
    const all = (text: string, languageId: string) => analyze(text, {kind: 'code', languageId}).findings
    assert.ok(all(body, 'go').length > 0, 'the same code, hand-written, has findings')
    for (const header of ['// Code generated by generate.go. DO NOT EDIT.\n\n', '// Copyright 2022 The Go Authors.\n\n// Created by cgo -godefs - DO NOT EDIT\n\n']) {
      assert.deepEqual(all(header + body, 'go'), [], header)
    }
    assert.deepEqual(all('# @generated by protoc\n\nimport time\n\n# Wait.\ntime.sleep(0.25)\n', 'python'), [])
    // After PHP's opening tag: the tag is not the code the marker must come before.
    const php = '<?php\n// DO NOT EDIT! Generated by Protobuf-PHP protoc plugin\nclass Query {\n  /**\n   * Get <offset> value\n   *\n   * @return int\n   */\n  public function getOffset(){\n    return $this->offset;\n  }\n}\n'
    assert.ok(all(php.replace('// DO NOT EDIT! Generated by Protobuf-PHP protoc plugin\n', ''), 'php').length > 0, 'the same code, hand-written, has findings')
    assert.deepEqual(all(php, 'php'), [])
  })

  it('lints nothing in a folder for generated code', () => {
    const all = (filePath: string) => analyze(body, {kind: 'code', languageId: 'go', filePath}).findings
    for (const filePath of ['api/generated/client.go', 'lib/generated_clients/spanner/transport.go', 'target/generated-sources/Api.go', 'src/__generated__/types.go']) {
      assert.deepEqual(all(filePath), [], filePath)
    }
    for (const filePath of ['api/client.go', 'src/generator/emit.go', 'src/generated.go', 'docs/generatedness/notes.go']) {
      assert.ok(all(filePath).length > 0, filePath)
    }
  })

  it('lints nothing in minified or compiled output', () => {
    const all = (text: string) => analyze(text, {kind: 'code', languageId: 'javascript'}).findings
    const statement = 'try{run(a,b)}catch{}setTimeout(go,250);'
    // The same code, one statement a line, has findings; 30 statements on one line read as a bundle.
    assert.ok(all(`${statement}\n`.repeat(30)).length > 0)
    assert.deepEqual(all(`"use strict";${statement.repeat(30)}\n`), [])
    assert.deepEqual(all(`${'try {\n  run()\n} catch {}\n'.repeat(40)}//# sourceMappingURL=index.js.map\n`), [])
    assert.ok(all(`${'try {\n  run()\n} catch {}\n'.repeat(40)}`).length > 0)
  })

  it('still lints a file that only mentions the words below its first line of code', () => {
    const text = `${body}// Callers: DO NOT EDIT the table by hand.\n`
    assert.ok(analyze(text, {kind: 'code', languageId: 'go'}).findings.length > 0)
  })
})

describe('licence files', () => {
  const prose = 'The notice is basically kept in every copy, whether or not the file is modified, which is kind of slow.\n'
  const mit = 'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software, whether or not it is basically modified.\n'

  it('lints nothing in a licence, whatever it is called', () => {
    assert.ok(analyze(prose, {kind: 'markdown', filePath: 'docs/terms.md'}).findings.length > 0, 'the same text elsewhere has findings')
    for (const filePath of ['LICENSE.md', 'licence.md', 'COPYING.md', 'vendor/NOTICE.md', 'LICENSE-MIT.md', 'UNLICENSE.md']) {
      assert.deepEqual(analyze(prose, {kind: 'markdown', filePath}).findings, [], filePath)
    }
  })

  it('leaves a licence quoted in a README alone, and the rest of the README not', () => {
    const readme = `# demo\n\n## License\n\n${mit}\n## Use\n\n${prose}`
    const lines = analyze(readme, {kind: 'readme', filePath: 'README.md', config: {rules: {'readme-missing-why': 'off'}}}).findings.map((finding) => finding.line)
    assert.ok(lines.length > 0)
    assert.deepEqual(lines.filter((line) => line === 5), [])
  })

  it('still lints a document that is about licences', () => {
    assert.ok(analyze(prose, {kind: 'markdown', filePath: 'docs/licensing-faq.md'}).findings.length > 0)
  })
})
