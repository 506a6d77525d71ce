// review-tone through `judge`: blunt verdicts, rhetorical and sarcastic questions, condescension
// and bare orders vs constructive comments and harsh-sounding jargon; sentence offsets.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {judge} from '../../src/engine/judge.js'
import {analyze} from '../../src/engine/lint.js'
import {isLabelled, proseOnly, readBlocks, readSentences, sentences, toneCues} from '../../src/engine/models/review-tone/features.js'
import {judgeSentences} from '../../src/engine/models/review-tone/index.js'

interface Row {
  text: string
  label: 'blunt' | 'constructive'
  group: string
  blunt: string[]
}

const rows: Row[] = readFileSync('test/data/review-tone/comments.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row)

describe('judge review-tone', () => {
  const cases: Array<[string, 'blunt' | 'constructive']> = [
    ['This is wrong. Change it to X.', 'blunt'],
    ['Did you even test this?', 'blunt'],
    ['Why would anyone do this?', 'blunt'],
    ['Obviously this belongs in the service layer.', 'blunt'],
    ['Remove this.', 'blunt'],
    ["Don't do that.", 'blunt'],
    ['Thanks for breaking the build, great job.', 'blunt'],
    ['suggestion (non-blocking): a map would make this a single lookup instead of a scan.', 'constructive'],
    ['question: how did you test the retry path? I could not find a test for it.', 'constructive'],
    ['Could we move this to utils? The CLI needs it too.', 'constructive'],
    ['We should kill the child process when the parent exits, otherwise it leaks.', 'constructive'],
    ['The parent is dead by the time the child writes, so the pipe closes.', 'constructive'],
    ['We abort the transaction when validation fails, so partial writes are rolled back.', 'constructive'],
    ['This just returns early when the flag is off, so the cost is negligible.', 'constructive'],
    ['praise: thanks for fixing the build so quickly!', 'constructive'],
    ['LGTM.', 'constructive'],
    // Outright: an order opened with `just`, and a bare order aimed at the code under review;
    // with a reason, or describing a change as a PR description does, neither is blunt.
    ['Just use the existing helper.', 'blunt'],
    ['Simply move it to utils.', 'blunt'],
    ['Change this to a for loop.', 'blunt'],
    ['Change this to a for loop, since forEach cannot break early.', 'constructive'],
    ['Drop support for Node 16.', 'constructive'],
    ['## Changes\n\n- Drop support for Node 16.\n- Update the docs.', 'constructive'],
    ['Just curious: is the cache shared between workers?', 'constructive'],
    // An exasperated opener is not the start of a reason; `as it is` is not one either.
    ['Nope, this is not going in.', 'blunt'],
    ["I won't approve this as it is.", 'blunt'],
    ['Come on, we have talked about this before.', 'blunt'],
    ['Nope, my mistake: the second call hits the cache.', 'constructive'],
    ['As it is, the parser accepts a trailing comma; is that intended?', 'constructive'],
    // `why would you ever` asks nothing; `what is the point of` and a `why … even` are rhetorical.
    ['Why would you ever put SQL in a controller?', 'blunt'],
    ['What is the point of this class?', 'blunt'],
    ['Not sure why this was even opened.', 'blunt'],
    ['What is the lifetime of this cache entry? I could not find where it is evicted.', 'constructive'],
    // `obviously` talks down on its own; `clearly` only before what it judges, and as evidence it is fine.
    ['Obviously this needs a lock.', 'blunt'],
    ['Obviously not blocking, but the helper name could say it trims too.', 'constructive'],
    ['The trace clearly shows the lock is held during the call, so the second request waits.', 'constructive'],
    ['Clearly documented, thanks. One nit: the example uses the old flag name.', 'constructive'],
    ['No strong opinion here, either name works for me.', 'constructive'],
    ['Read replicas lag by up to a second, so this read may see stale data.', 'constructive'],
    // A bare question reads as a verdict, unless the next sentence gives a reason or a way out;
    // a rhetorical one stays blunt whatever follows.
    ['Why is this a global?', 'blunt'],
    ['Why is this a global? I could not find a second caller, so a local might do.', 'constructive'],
    ['Why on earth is this here? Maybe it is for the legacy path.', 'blunt'],
    // A reason after `so`, or after a dash, answers the order; "Simply put:" opens a summary.
    ['Make this `const` so readers know it is never reassigned.', 'constructive'],
    ['Take the `sleep` out — it adds 5 s to every CI run.', 'constructive'],
    ['Simply put: this works because the key is immutable. Nice find, thanks for digging into it.', 'constructive'],
    ['Simply put the lock outside the loop.', 'blunt'],
    // Passive aggression: a point made again with a sigh, a wish for what should be normal.
    ["Please don't make me say this again: no queries in the view.", 'blunt'],
    ['Why is the old client back? I told in last review already.', 'blunt'],
    ['It would be great if, just once, the tests ran before the push.', 'blunt'],
    ['Kind of surprised this needs saying, but tokens do not go in the repo.', 'blunt'],
    ['Kubernetes 101: never run as root.', 'blunt'],
    ['The hook runs just once, when the worker starts, so the cache is warm for every request.', 'constructive'],
    ['I asked in the last standup whether the flag can go; nobody needed it.', 'constructive'],
  ]
  // A PR description lists its changes as orders; under headings they describe, not demand.
  cases.push(['## What\n\n- Remove the legacy flag\n- Update the docs\n\n## Why\n\nUsers hit a crash when the config is missing.', 'constructive'])
  for (const [text, label] of cases) {
    it(`${label}: ${text.replace(/\n/g, ' ')}`, () => {
      const result = judge(text, {detector: 'review-tone'})
      assert.equal(result.label, label, result.evidence.join('; '))
    })
  }

  it('says when a cue made a sentence blunt on its own', () => {
    const result = judge('Just use the existing helper.', {detector: 'review-tone'})
    assert.equal(result.label, 'blunt')
    assert.ok(result.evidence[0]!.includes('blunt on its own: an order softened with `just`/`simply`: `just use`'), result.evidence[0])
    const model = judge('This is wrong.', {detector: 'review-tone'})
    assert.equal(model.label, 'blunt')
    assert.ok(!model.evidence.join(' ').includes('on its own'), model.evidence.join('; '))
  })

  it('names the blunt sentence and the cue behind it', () => {
    const result = judge('Thanks for the PR. Did you even test this?', {detector: 'review-tone'})
    assert.equal(result.label, 'blunt')
    assert.ok(result.evidence[0]!.includes('`Did you even test this?`'), result.evidence[0])
    assert.ok(result.evidence[0]!.includes('rhetorical question'), result.evidence[0])
  })

  it('judges each sentence, with offsets into the text', () => {
    const text = 'The test passes. Still, this is not acceptable code.'
    const judged = judgeSentences(text)
    assert.deepEqual(judged.map((item) => text.slice(item.start, item.end)), ['The test passes.', 'Still, this is not acceptable code.'])
    assert.deepEqual(sentences('See e.g. the docs. Then 1.5 s later?').map((item) => item.text), ['See e.g. the docs.', 'Then 1.5 s later?'])
    assert.deepEqual(sentences('## What\n\n- Remove the flag\n1. [x] Add a test').map((item) => [item.text, item.listItem ?? false]), [['## What', false], ['Remove the flag', true], ['Add a test', true]])
    assert.ok(isLabelled('nitpick (non-blocking): spacing'))
    assert.ok(!isLabelled('This is wrong: use a map'))
  })

  it('agrees with most labelled comments (the shipped weights saw them: a floor, not a score)', () => {
    let right = 0
    for (const row of rows) if (judge(row.text, {detector: 'review-tone'}).label === row.label) right++
    assert.ok(rows.length >= 600)
    assert.ok(right / rows.length >= 0.9, `${right}/${rows.length}`)
  })

  it('judges prose only: not code blocks, quoted lines or sentences without a word', () => {
    const text = '> This is wrong.\n\n```suggestion\nreturn users.filter(Boolean);\n}\n```\n\nGood point, I changed it.\n\n+1'
    assert.deepEqual(readSentences(text).map((sentence) => sentence.text), ['Good point, I changed it.'])
    assert.equal(proseOnly(text).length, text.length)
    assert.equal(judge(text, {detector: 'review-tone'}).label, 'constructive')
    assert.equal(judge('This is wrong.\n\nGood point, I changed it.', {detector: 'review-tone'}).label, 'blunt')
    assert.deepEqual(judge('+1', {detector: 'review-tone'}).evidence, ['no sentences to judge'])
    // An HTML comment, as PR templates hold them, is not shown to the reader.
    assert.deepEqual(readSentences('<!-- Remove this comment.\nDelete what does not apply. -->\nThanks for the fix!').map((sentence) => sentence.text), ['Thanks for the fix!'])
  })

  it('reads an order or a question with what is said around it', () => {
    const around = (text: string, context = {}) => readSentences(text, context).map((sentence) => [...sentence.features.keys()].filter((name) => name.startsWith('@around')).sort())
    assert.deepEqual(around('Use `Span<byte>` here.'), [['@around:alone', '@around:order:alone']])
    assert.deepEqual(around('Use `Span<byte>` here. This runs per packet and allocates each time.')[0], ['@around:after', '@around:order:after'])
    // A block of a longer text is read with the words of the blocks around it.
    const blocks = readBlocks([{text: 'The parser change looks fine to me overall, thanks.', labelled: false}, {text: 'Use `Span<byte>` here.', labelled: false}], false)
    assert.deepEqual(blocks[1]!.map((sentence) => [...sentence.features.keys()].filter((name) => name.startsWith('@around')).sort()), [['@around:before', '@around:order:before']])
    // An order with its reason carries a cue of its own, for the model to weigh.
    assert.ok(toneCues('Change this to a for loop, since forEach cannot break early.').has('reasoned-order'))
    assert.ok(!toneCues('Change this to a for loop.').has('reasoned-order'))
    const asked = readSentences('Why is this a global? I could not find a second caller.')[0]!
    assert.ok(asked.features.has('@question-then:first-person'), [...asked.features.keys()].join(' '))
  })

  it('leaves an order that goes on to the model, and reads more reasons and owned mistakes', () => {
    const outright = (text: string) => readSentences(text)[0]!.outright
    assert.ok(outright('Drop this flag.'))
    assert.equal(outright('Drop this flag; if someone runs it against prod it overwrites the state file.'), undefined)
    assert.equal(outright('Remove this workaround, now that all our peers support React 18.'), undefined)
    assert.ok(toneCues('Add this file so GitHub shows a citation button.').has('reason'))
    assert.ok(toneCues('Obviously my suggestion from yesterday was wrong, sorry.').has('own-mistake'))
    assert.equal(outright('Obviously my suggestion from yesterday was wrong, sorry.'), undefined)
  })

  it('does not take the praise of a sarcastic sentence as thanks', () => {
    assert.deepEqual([...toneCues('Thanks for breaking the build, great job.').keys()].sort(), ['sarcasm'])
    assert.ok(toneCues('Thanks, that fixed it.').has('acknowledgement'))
  })
})

describe('review-blunt-tone rule', () => {
  it('reads a paragraph with the one after it, as judge reads the whole comment', () => {
    const findings = (text: string) => analyze(text, {kind: 'review', config: {rules: {'review-blunt-tone': 'warning'}}}).findings.filter((finding) => finding.ruleId === 'review-blunt-tone')
    const split = 'Why is this a global?\n\nI could not find a second caller, so a local might do.\n'
    assert.equal(judge(split, {detector: 'review-tone'}).label, 'constructive')
    assert.deepEqual(findings(split), [])
    assert.equal(findings('Why is this a global?\n\nThe tests pass.\n').length, 1)
  })

  it('reports the blunt sentence only, with a labelled rewrite template that is not preferred', () => {
    const text = 'Thanks for the PR.\n\nThe tests pass. Did you even read the ticket?\n'
    const findings = analyze(text, {kind: 'review', config: {rules: {'review-blunt-tone': 'warning'}}}).findings.filter((finding) => finding.ruleId === 'review-blunt-tone')
    assert.equal(findings.length, 1)
    assert.equal(text.slice(findings[0]!.offset, findings[0]!.endOffset), 'Did you even read the ticket?')
    const fix = findings[0]!.fixes![0]!
    assert.ok(!fix.preferred)
    assert.match(fix.edits[0]!.snippet!, /\$\{1\|suggestion,issue,question,nitpick,thought,chore,praise\|\} \(\$\{2\|non-blocking,blocking\|\}\)/)
    assert.match(fix.edits[0]!.text, /^suggestion \(non-blocking\): /)
  })
})
