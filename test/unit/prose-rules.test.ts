// Behaviour of the prose and commit-message rules beyond their fixtures: options, fixes,
// metrics, and the edge cases each rule promises in its README.
import assert from 'node:assert/strict'
import {applyEdits, preferredEdits} from '../../src/engine/fixes.js'
import {analyze} from '../../src/engine/lint.js'
import {isExemptSubject, splitSubject} from '../../src/engine/rules/commit-exempt.js'
import {vagueness} from '../../src/engine/rules/commit-subject-vague/index.js'
import type {Config, Finding, Kind} from '../../src/engine/types.js'

function only(ruleId: string, text: string, kind: Kind, options?: Record<string, unknown>, extra: Partial<Config> = {}): Finding[] {
  const config = {...extra, rules: {[ruleId]: options ? ['warning', options] : 'warning'}} as Config
  return analyze(text, {kind, config}).findings.filter((finding) => finding.ruleId === ruleId)
}

const slice = (text: string, finding: Finding) => text.slice(finding.offset, finding.endOffset)
/** `hedge-words` finds nothing in `clean`, and in `hedged` exactly the given phrases, in order. */
function assertHedges(clean: string, hedged: string, phrases: readonly string[]): void {
  assert.deepEqual(only('hedge-words', clean, 'markdown'), [])
  assert.deepEqual(only('hedge-words', hedged, 'markdown').map((f) => f.offset), phrases.map((phrase) => hedged.indexOf(phrase)))
}

describe('prose rules', () => {
  describe('wordy-phrase', () => {
    it('keeps the capital and prefers the fix only when there is one replacement', () => {
      const text = 'In order to start, read a number of files prior to the run.\n'
      const findings = only('wordy-phrase', text, 'markdown')
      assert.deepEqual(findings.map((f) => [slice(text, f), f.message]), [
        ['In order to', 'Replace `In order to` with `To`'],
        ['a number of', 'Replace `a number of` with `many` or `some`'],
        ['prior to', 'Replace `prior to` with `before`'],
      ])
      assert.equal(applyEdits(text, preferredEdits(findings)).text, 'To start, read a number of files before the run.\n')
      assert.equal(findings[1]!.fixes?.length, 2)
      assert.ok(findings[1]!.fixes!.every((fix) => !fix.preferred))
    })

    it('skips technical words by default and flags them when the ignore list is emptied', () => {
      const text = 'The function takes three parameters.\n'
      assert.deepEqual(only('wordy-phrase', text, 'markdown'), [])
      assert.deepEqual(
        only('wordy-phrase', text, 'markdown', {ignore: []}).map((f) => slice(text, f)),
        ['function', 'parameters'],
      )
    })

    it('never reports a phrase that is partly code', () => {
      assert.deepEqual(only('wordy-phrase', 'Run `make` in order to build, or `in order to`.\n', 'markdown').length, 1)
    })
  })

  describe('hedge-words', () => {
    it('matches multi-word hedges, any case, whole words only', () => {
      const text = 'In My Opinion it is kind of slow. My understanding is that it works. Maybelline is a name.\n'
      assert.deepEqual(only('hedge-words', text, 'markdown').map((f) => slice(text, f)), ['In My Opinion', 'kind of', 'My understanding is'])
      // Curly and straight apostrophes are the same word.
      const curly = 'I don’t know and I don\'t know.\n'
      assert.deepEqual(only('hedge-words', curly, 'markdown', {ignore: []}).map((f) => slice(curly, f)), ['don’t know', "don't know"])
    })

    it('tells technical uses of `kind of`, `think` and `a bit` from hedges', () => {
      const text = 'This kind of error is rare. I think it is kind of slow. Think of it as a queue. Set a bit in the mask; it is a bit slow.\n'
      assert.deepEqual(only('hedge-words', text, 'markdown').map((f) => slice(text, f)), ['think', 'kind of', 'a bit'])
      const time = 'It runs for a bit before it stops, as you will see in a bit. We learned a bit about files. This is a bit tedious.\n'
      assert.deepEqual(only('hedge-words', time, 'markdown').map((f) => f.offset), [time.indexOf('a bit tedious')])
    })

    it('takes `a bit` after a move for a distance', () => {
      const moved = 'We need to push almost everything down a bit. Move it up a bit more, then shift it left a bit. Scroll the list a bit. Make the margin a bit wider.\n'
      const hedged = 'It is a bit risky, and the fix is a bit hacky. It ends up a bit slower. Move it, though it is a bit odd.\n'
      assertHedges(moved, hedged, ['a bit risky', 'a bit hacky', 'a bit slower', 'a bit odd'])
    })

    it('takes `seem` after `make` for how something looks', () => {
      const caused = 'It resets the variable, making it seem like the handler went from UNDETERMINED to BEGAN. A negative value will make everything seem old.\n'
      const hedged = "We made a fix, but it doesn't seem right. We made changes that seem to help. It made sense; they seem fine.\n"
      assertHedges(caused, hedged, ['seem right', 'seem to help', 'seem fine'])
    })

    it('leaves `unsure` alone when it names what is unknown, or the reader is unsure', () => {
      const named = 'We are unsure of the exact sheet position anyway. We are unsure whether the sheet has settled. If unsure, start low and measure. If you are unsure, ask.\n'
      const hedged = "I'm unsure about this. We are unsure, so we retry. I am unsure of it.\n"
      assertHedges(named, hedged, ['unsure about', 'unsure, so', 'unsure of'])
    })

    it('takes `you are likely to` for a warning to the reader', () => {
      const warned = "By doing that, you are likely to introduce regressions. See the pull request. You're likely to hit the rate limit.\n"
      const hedged = 'Retries are likely to fail. You are likely right. It is likely the map will zoom from time to time. You most likely want the other one.\n'
      assertHedges(warned, hedged, ['likely to fail', 'likely right', 'likely the map', 'likely want'])
    })

    it('tells `pretty` the adjective from `pretty` the hedge', () => {
      const text = 'A pretty printer for Go. Make pretty slugs. It is pretty fast. This is pretty much universal. It is pretty thoroughly tested.\n'
      const hedged = ['pretty fast', 'pretty much', 'pretty thoroughly'].map((phrase) => text.indexOf(phrase))
      assert.deepEqual(only('hedge-words', text, 'markdown').map((f) => f.offset), hedged)
    })

    it('tells `quite` the degree from `quite` the hedge', () => {
      const degree = 'The behaviour on iOS is quite different. Calculation of the hash code is quite expensive. It is quite a bit slower, after quite a few runs.\n'
      const hedged = "I'm not quite sure it works. The order isn't quite right. It is quite possibly a race.\n"
      assertHedges(degree, hedged, ['quite sure', 'quite right', 'quite possibly'])
    })

    it('takes `actually` and `almost` for precise words in technical prose', () => {
      const text = 'We can see the value we actually got. It is almost always used.\n'
      assert.deepEqual(only('hedge-words', text, 'markdown'), [])
      assert.deepEqual(only('hedge-words', text, 'markdown', {ignore: []}).map((f) => slice(text, f)), ['can', 'actually', 'almost', 'always'])
    })

    it('leaves modal verbs alone by default, and honours ignore', () => {
      const text = 'The parser can and will skip it; it should probably warn.\n'
      assert.deepEqual(only('hedge-words', text, 'markdown').map((f) => slice(text, f)), ['probably'])
      assert.deepEqual(only('hedge-words', text, 'markdown', {ignore: ['probably']}).map((f) => slice(text, f)), ['can', 'will', 'should'])
    })

    it('leaves a quotation alone, also one that wraps onto the next line, but not the prose around it', () => {
      const text = 'The comment says "Will throw if cross origin, which should\nbe caught and ignored". The error was caught by the caller.\n'
      assert.deepEqual(only('passive-voice', text, 'markdown').map((f) => slice(text, f)), ['caught'])
      assert.equal(only('passive-voice', text, 'markdown')[0]!.offset, text.lastIndexOf('caught'))
      const curly = 'It reads “the cache was thrown away” and the cache was thrown away.\n'
      assert.deepEqual(only('passive-voice', curly, 'markdown').map((f) => f.offset), [curly.lastIndexOf('thrown')])
      const wordy = 'The docs say "in order to build" and we read them in order to build.\n'
      assert.deepEqual(only('wordy-phrase', wordy, 'markdown').map((f) => f.offset), [wordy.lastIndexOf('in order to')])
      const hedged = 'The reviewer wrote "This is a bit of a hack but is\nprobably better than the old way".\n'
      assert.deepEqual(only('hedge-words', hedged, 'markdown'), [])
    })

    it('runs on code comments', () => {
      const text = '// This is probably fine.\nconst x = 1\n'
      const findings = analyze(text, {kind: 'code', languageId: 'typescript', config: {rules: {'hedge-words': 'warning'}}}).findings
      assert.deepEqual(findings.filter((f) => f.ruleId === 'hedge-words').map((f) => slice(text, f)), ['probably'])
    })
  })

  describe('passive-voice', () => {
    it('names the auxiliary and the participle', () => {
      const text = 'The cache was thrown away.\n'
      const [finding] = only('passive-voice', text, 'markdown')
      assert.ok(finding)
      assert.equal(slice(text, finding), 'thrown')
      assert.equal(finding.message, 'Unexpected passive voice `was thrown`: say who or what does it')
    })

    it('ignores participles technical prose uses as descriptions', () => {
      assert.deepEqual(only('passive-voice', 'The value is set when the flag is known.\n', 'markdown'), [])
    })

    it('tells a state (`is gone`, `is stuck`, `is done running`) from the passive', () => {
      const text = 'The old API is gone. A program that is stuck in a loop. When the thread is done running, and all is said and done, the work must be done by hand.\n'
      assert.deepEqual(only('passive-voice', text, 'markdown').map((f) => f.offset), [text.lastIndexOf('done by hand')])
    })

    it('runs on code comments', () => {
      const text = '# The cache was thrown away here.\nx = 1\n'
      const findings = analyze(text, {kind: 'code', languageId: 'python', config: {rules: {'passive-voice': 'warning'}}}).findings
      assert.deepEqual(findings.filter((f) => f.ruleId === 'passive-voice').map((f) => slice(text, f)), ['thrown'])
    })
  })

  describe('readability', () => {
    const hard = 'The configuration subsystem’s institutionalised interoperability considerations necessitate comprehensive organisational standardisation.\n'

    it('flags a sentence of long abstract words, and the age option moves the bar', () => {
      assert.equal(only('readability', hard, 'markdown').length, 1)
      assert.equal(only('readability', hard, 'markdown', {minWords: 20}).length, 0)
      const moderate = 'The loader validates every configuration file in the project before it applies the settings it finds there.\n'
      assert.equal(only('readability', moderate, 'markdown').length, 0)
      assert.equal(only('readability', moderate, 'markdown', {age: 12, threshold: 0.5}).length, 1)
      assert.equal(only('readability', 'Keep the sentences short and the words plain, so people read on.\n', 'markdown').length, 0)
    })

    it('does not judge short sentences', () => {
      assert.equal(only('readability', 'Institutionalised interoperability considerations.\n', 'markdown').length, 0)
    })

    it('judges a sentence under 16 words for a reader ten years older', () => {
      // At age 20 the five formulas that can vote put these at 20-24: two long words decide them.
      for (const plain of ['Developers frequently use different toolchains for different projects.', 'Doing otherwise causes inconsistent behavior and broken functionality.', 'The deduplicate interceptor automatically deduplicates concurrent requests for the same resource.']) {
        assert.equal(only('readability', `${plain}\n`, 'markdown').length, 0, plain)
        assert.equal(only('readability', `${plain}\n`, 'markdown', {age: 10}).length, 1, plain)
      }
      assert.equal(only('readability', hard, 'markdown').length, 1)
    })

    it('takes a short sentence in a long list item or table cell for a fragment', () => {
      // Eleven words, hard even for a reader of 30: as a paragraph it is reported.
      const phrase = hard.trim()
      const tail = 'Can send filtered log messages to various targets, for example the console, the network or mail.'
      assert.equal(only('readability', `${phrase}\n`, 'markdown').length, 1)
      assert.equal(only('readability', `- [ozzo-log](https://example.com/ozzo-log) - ${phrase} ${tail}\n`, 'markdown').length, 0)
      assert.equal(only('readability', `| Name | Notes |\n| --- | --- |\n| Logger | ${phrase} ${tail} |\n`, 'markdown').length, 0)
      const long = 'The configuration subsystem’s institutionalised interoperability considerations necessitate comprehensive organisational standardisation across every deployment environment and integration.'
      assert.equal(only('readability', `- ${long} ${tail}\n`, 'markdown').length, 1)
    })

    it('publishes a Flesch–Kincaid grade over running prose', () => {
      const {metrics} = analyze('# A very long heading with many words in it\n\nThe cat is on the mat. The dog ran away.\n', {kind: 'markdown'})
      assert.equal(metrics.words, 10)
      assert.equal(metrics.sentences, 2)
      // 0.39 × 5 words per sentence + 11.8 × 11 syllables / 10 words − 15.59 = −0.66
      assert.equal(metrics.readabilityGrade, -0.7)
      assert.equal(metrics.syllables, undefined)
    })

    it('counts code as one short word', () => {
      const plain = analyze('Run it now.\n', {kind: 'markdown'}).metrics
      const code = analyze('Run `npx whylint --format sarif --output report.sarif` now.\n', {kind: 'markdown'}).metrics
      assert.equal(code.words, plain.words)
    })
  })

  describe('long-sentence', () => {
    const words = (n: number) => Array.from({length: n}, (_, i) => `word${String.fromCharCode(97 + (i % 26))}`).join(' ')

    it('reports past max, counting code as one word', () => {
      assert.equal(only('long-sentence', `${words(35)}.\n`, 'markdown').length, 0)
      assert.equal(only('long-sentence', `${words(36)}.\n`, 'markdown').length, 1)
      assert.equal(only('long-sentence', `${words(34)} \`a b c d e f g\`.\n`, 'markdown').length, 0)
      assert.equal(only('long-sentence', `${words(11)}.\n`, 'markdown', {max: 10}).length, 1)
    })

    it('judges list items and table cells, and splits after a number and a full stop', () => {
      assert.equal(only('long-sentence', `- ${words(36)}\n`, 'markdown').length, 1)
      assert.equal(only('long-sentence', `| a |\n| --- |\n| ${words(36)} |\n`, 'markdown').length, 1)
      assert.equal(only('long-sentence', `${words(20)} in Chapter 3. Then ${words(20)}.\n`, 'markdown').length, 0)
    })

    it('ends a sentence at a word that is also a unit (`passed in.`), unless a number comes first', () => {
      assert.equal(only('long-sentence', `${words(20)} passed in. Therefore ${words(20)}.\n`, 'markdown').length, 0)
      assert.equal(only('long-sentence', `${words(20)} took 3 min. Then ${words(20)}.\n`, 'markdown').length, 1)
      assert.equal(only('long-sentence', `${words(20)} logged in. then ${words(20)}.\n`, 'markdown').length, 1)
    })
  })
})

describe('commit rules', () => {
  it('exempts merges, reverts and autosquash commits', () => {
    for (const subject of ["Merge branch 'main' into topic", 'Merge pull request #1 from a/b', 'Revert "Add cache"', 'fixup! Add cache', 'squash! Add cache', 'amend! Add cache']) {
      assert.ok(isExemptSubject(subject), subject)
    }
    assert.ok(isExemptSubject('10.9.0') && isExemptSubject('v2.0.0-rc.1'))
    for (const subject of ['Merged cache code', 'Reverted the cache', 'Fix merge of branches']) assert.ok(!isExemptSubject(subject), subject)
    assert.ok(isExemptSubject('WIP on main', ['^WIP']))
    assert.ok(!isExemptSubject('WIP on main', ['(']), 'a broken pattern exempts nothing')
  })

  it('splits conventional and subsystem prefixes', () => {
    assert.deepEqual(splitSubject('feat(api)!: Added x'), {prefix: 'feat(api)!: ', description: 'Added x'})
    assert.deepEqual(splitSubject('net/ipv4: fix y'), {prefix: 'net/ipv4: ', description: 'fix y'})
    assert.deepEqual(splitSubject('Fix crash in parser'), {prefix: '', description: 'Fix crash in parser'})
  })

  describe('commit-subject-mood', () => {
    const cases: Array<[string, string | null]> = [
      ['Fixed crash on start', 'Fix'],
      ['Fixes crash on start', 'Fix'],
      ['Fixing crash on start', 'Fix'],
      ['Added tests for the parser', 'Add'],
      ['Made the loader lazy', 'Make'],
      ['Dropped support for Node 18', 'Drop'],
      ['Simplifies the loader', 'Simplify'],
      ['Wrote docs for the CLI', 'Write'],
      ['fix(cli): removed the flag', 'remove'],
      ['Speed up the loader', null],
      ['Need a lock around save', null],
      ['Process events in order', null],
      ['Address review comments', null],
      ['Focus the input on open', null],
      ['Bless the new snapshots', null],
      ['Embed the schema', null],
      ['Missing semicolon in parser', null],
      ['Tests pass on Windows again', null],
      ['Logging is too noisy', null],
      ['updates go to the maintenance branch', null],
      ['Fix crash on start', null],
    ]
    for (const [subject, expected] of cases) {
      it(`${subject} → ${expected ?? 'silent'}`, () => {
        const findings = only('commit-subject-mood', `${subject}\n`, 'commit')
        if (expected === null) return assert.deepEqual(findings.map((f) => f.message), [])
        assert.equal(findings.length, 1)
        const fixed = applyEdits(`${subject}\n`, preferredEdits(findings)).text
        assert.ok(fixed.includes(`${expected} `), fixed)
      })
    }

    it('suggests, but does not apply, a fix for a verb outside its table', () => {
      const [finding] = only('commit-subject-mood', 'Frobnicated the registry\n', 'commit')
      assert.ok(finding)
      assert.equal(finding.fixes?.[0]?.edits[0]?.text, 'Frobnicate')
      assert.ok(!finding.fixes?.[0]?.preferred)
    })
  })

  describe('commit-subject-vague', () => {
    const vague = ['fix', 'Fixes', 'update', 'wip', 'changes', 'misc', 'stuff', 'cleanup', 'minor', 'tweaks', 'Fix bug', 'Fix tests', 'Update README.md', 'Update file.ts', 'Phase 1', 'Part 2', 'asdf', '.', 'commit', 'temp', 'more', 'final', 'Some fixes', 'Add files via upload']
    const specific = ['Fix typo', 'Fix crash when config is missing', 'Update dependencies', 'Fix #123', 'Initial commit', 'Refactor the config loader', 'Update README with install steps', 'test py3.14', 'clean up pytest.raises tests']
    for (const subject of vague) it(`vague: ${subject}`, () => assert.ok(vagueness(subject), subject))
    for (const subject of specific) it(`specific: ${subject}`, () => assert.equal(vagueness(subject), undefined))

    it('judges the description after a conventional prefix', () => {
      assert.equal(only('commit-subject-vague', 'chore: update\n', 'commit').length, 1)
      assert.equal(only('commit-subject-vague', 'chore(deps): bump yaml to 2.9\n', 'commit').length, 0)
      assert.equal(only('commit-subject-vague', 'Revert "fix"\n', 'commit').length, 0)
    })
  })

  describe('commit-body-separator', () => {
    for (const [name, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ] as const) {
      it(`inserts a blank line with the message's own line end (${name})`, () => {
        const text = `Add cache${eol}Parsing was slow.${eol}`
        const findings = only('commit-body-separator', text, 'commit')
        assert.equal(findings.length, 1)
        assert.equal(applyEdits(text, preferredEdits(findings)).text, `Add cache${eol}${eol}Parsing was slow.${eol}`)
      })
    }
  })

  describe('commit-body-line-length', () => {
    it('exempts URLs, indented and quoted lines, long tokens and trailers; honours max', () => {
      const long = 'This line of the body explains the change, and it goes on past the limit.'
      const text = [
        'Add cache',
        '',
        long,
        `See https://example.com/${'x'.repeat(80)} for the report.`,
        `    ${long}`,
        `> ${long}`,
        'x'.repeat(90),
        '',
        `Co-authored-by: ${'Someone With A Very Long Name'.repeat(2)} <someone@example.com>`,
        '',
      ].join('\n')
      assert.deepEqual(only('commit-body-line-length', text, 'commit').map((f) => f.line), [3])
      assert.deepEqual(only('commit-body-line-length', text, 'commit', {max: 100}), [])
    })
  })
})
