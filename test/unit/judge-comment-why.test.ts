// comment-why through `judge`: rationale vs what-only comments, evidence a person can check and
// deterministic training.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {judge} from '../../src/engine/judge.js'
import {commentWhyFeatures, commentWords, findCues} from '../../src/engine/models/comment-why/features.js'
import {explicitReason, judgeCommentWhy, stripMarkers} from '../../src/engine/models/comment-why/index.js'
import {train} from '../../scripts/lib/logreg.js'
import {buildModel, CLASS_CAP, fit, javaSentences, normalised, withoutOverlap, type WhyExample} from '../../scripts/lib/comment-why-data.js'

interface Row {
  text: string
  label: 'present' | 'missing'
  group: string
}

const own: Row[] = readFileSync('test/data/comment-why/comments.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Row)

describe('judge comment-why', () => {
  const cases: Array<[string, 'present' | 'missing']> = [
    ['Retry 3 times because the registry drops connections under load.', 'present'],
    ['Wait 100 ms so that the watcher sees the rename first.', 'present'],
    ['Allow for a bit of growth', 'present'],
    ['Ignore non-numbers for the diff calculations (#13012).', 'present'],
    ['Skip the empty frames, see issue 4821.', 'present'],
    ['Size the table with headroom for the next resize.', 'present'],
    ['Use a Map instead of an object to keep insertion order for numeric keys.', 'present'],
    ['Disabled: the staging proxy uses a self-signed certificate, so the check would always fail.', 'present'],
    ['Workaround for a Safari bug where resize fires before layout.', 'present'],
    ['Skip the check on Windows, where file modes are always 0666.', 'present'],
    ['Skip the check on Windows.', 'missing'],
    // A problem it must not cause is its reason: "don't overflow on MSDOS".
    ['10000 entries: do not overflow a 16-bit int on MSDOS.', 'present'],
    // Reasons after a colon, with more than one word between `so` and its verb, or from a spec.
    ['Sort first: the binary search below assumes sorted input.', 'present'],
    ['Keep the old field for one release: the mobile client still reads it.', 'present'],
    ['Cap the buffer at 64 KB so large logs do not exhaust memory.', 'present'],
    ['Magic number from the spec (RFC 7230, section 3.3.2).', 'present'],
    // A limit of a system outside the code, stated as a plain fact.
    ['The API rejects batches over 100 items.', 'present'],
    ['The browser throttles timers in background tabs to once a second.', 'present'],
    ['The server returns the list of users.', 'missing'],
    ['Sleep 100 ms.', 'missing'],
    ['Retry three times.', 'missing'],
    ['Ignore the error.', 'missing'],
    ['Hack.', 'missing'],
    ['Set the timeout.', 'missing'],
  ]
  for (const [text, label] of cases) {
    it(`${label}: ${text}`, () => {
      const result = judge(text, {detector: 'comment-why'})
      assert.equal(result.label, label, result.evidence.join('; '))
      assert.ok(result.score >= 0 && result.score <= 1)
    })
  }

  it('names the reason it found, and what it looked for when none', () => {
    const found = judge('Copy the buffer because the caller reuses it.', {detector: 'comment-why'})
    assert.ok(found.evidence.some((line) => line.includes('`because`')), found.evidence.join('; '))
    const none = judge('Copy the buffer.', {detector: 'comment-why'})
    assert.ok(none.evidence.some((line) => line.includes('none found')), none.evidence.join('; '))
  })

  it('reads a comment given with its markers', () => {
    assert.equal(judge('// Sleep 100 ms.', {detector: 'comment-why'}).label, 'missing')
    assert.equal(judge('/**\n * Retry: the registry drops connections under load.\n */', {detector: 'comment-why'}).label, 'present')
    assert.equal(judge('# Hack.', {detector: 'comment-why'}).label, 'missing')
    assert.equal(stripMarkers('/**\n * Copy the buffer.\n * Then send it.\n */'), 'Copy the buffer.\nThen send it.')
  })

  it('reads cues in lower-cased, punctuation-stripped text as in training', () => {
    assert.deepEqual([...findCues(commentWords('minimizes allocation due to gc pressure')).values()].sort(), ['allocation', 'due to'])
    // `@since 1.2` is a version tag, not a cause.
    assert.equal(findCues(commentWords('since 1 2')).size, 0)
  })

  it('agrees with the project labels on most of its own examples', () => {
    let right = 0
    for (const row of own) if (judge(row.text, {detector: 'comment-why'}).label === row.label) right++
    assert.ok(own.length >= 100)
    assert.ok(right / own.length >= 0.85, `${right}/${own.length}`)
  })

  it('takes `otherwise` and `legacy` as a reason only where they give one', () => {
    assert.equal(explicitReason('Retry once, otherwise the job is lost.'), 'otherwise')
    assert.equal(explicitReason('Flush first: otherwise the tail of the log is lost.'), 'otherwise')
    assert.equal(explicitReason('All parameters must be non-null unless documented otherwise.'), undefined)
    assert.equal(explicitReason('Notification of evicted or otherwise removed entries.'), undefined)
    assert.equal(explicitReason('A raw coder factory for the legacy raw Reed-Solomon coder.'), undefined)
    assert.equal(explicitReason('Kept for clients older than 2.3, which still send the legacy header.'), 'Kept for')
    assert.equal(explicitReason('Read the legacy header too: clients older than 2.3 send it.'), 'legacy header')
  })

  it('takes where a number comes from as its reason', () => {
    assert.equal(explicitReason('from the font.'), 'from the font')
    assert.equal(explicitReason('\\@arstrutbox in lttab.dtx'), 'in lttab.dtx')
    assert.equal(explicitReason('the font size'), undefined)
    assert.equal(explicitReason('in the lttab table'), undefined)
  })

  it('takes a cost that rules something out as a reason', () => {
    assert.equal(explicitReason('Miri is too slow'), 'too slow')
    assert.equal(explicitReason('Sorting them all is too expensive here.'), 'too expensive')
    assert.equal(explicitReason('Miri is slow'), undefined)
  })

  it('weights a class with many rationale sentences as if it had the cap', () => {
    const java = javaSentences()
    const positives = new Map<string, number>()
    for (const item of java) positives.set(item.group, (positives.get(item.group) ?? 0) + item.label)
    const [largest, count] = [...positives].sort((a, b) => b[1] - a[1])[0]!
    assert.ok(count > CLASS_CAP)
    for (const item of java.filter((entry) => entry.group === largest)) assert.equal(item.weight, CLASS_CAP / count)
    const small = java.find((item) => positives.get(item.group)! <= CLASS_CAP)!
    assert.equal(small.weight, 1)
  })

  it('keeps a sentence repeated in a held-out class out of training', () => {
    const part = [{text: 'Lost .'}, {text: 'user scrolls'}, {text: 'lost'}]
    assert.deepEqual(withoutOverlap(part, [{text: 'lost'}]), [{text: 'user scrolls'}])
    assert.equal(normalised('  P this tests @code foo^equals , '), 'p this tests code foo equals')
  })

  it('learns from cue phrases and families, not from a class\'s vocabulary', () => {
    const features = commentWhyFeatures('we cache it so that lookups repeat because the parser is slow')
    assert.deepEqual([...features.keys()].sort(), ['@cue:cause', '@cue:purpose', '@cue:voice', '@len:mid', 'p:because', 'p:so that', 'p:we'])
    const texts: Array<[string, 0 | 1]> = [
      ['we cache this because the parser is slow', 1],
      ['lookups repeat so that the cache helps', 1],
      ['returns the user name', 0],
      ['returns the parser when asked', 0],
    ]
    const examples: WhyExample[] = texts.map(([text, label], index) => ({features: commentWhyFeatures(text), label, group: `g${index}`, text, source: 'test', klass: `g${index}`}))
    const model = fit(examples)
    assert.ok(model.weights['p:because']! > 0 && model.weights['p:so that']! > 0, JSON.stringify(model.weights))
    for (const weight of Object.values(model.weights)) assert.equal(Math.round(weight * 100) / 100, weight)
  })

  it('reads usage, tags and examples as what the code is, not why', () => {
    assert.ok(commentWhyFeatures('if you need a sorted view, wrap it in a TreeMap first').has('@what:reader'))
    assert.ok(commentWhyFeatures('when the window is resized, call @link #layout again').has('@what:tag'))
    assert.ok(commentWhyFeatures('this class holds the parsed options').has('@what:summary'))
    assert.ok(commentWhyFeatures('a builder, for example for a cache').has('@what:example'))
    assert.ok(![...commentWhyFeatures('we cache it because the parser is slow').keys()].some((key) => key.startsWith('@what:')))
    // A condition alone reads as a reason; an instruction to the reader under a condition does not.
    assert.equal(judgeCommentWhy('when the window is resized the children move with it').label, 'present')
    assert.equal(judgeCommentWhy('if you need a sorted view, wrap it in a TreeMap first').label, 'missing')
    assert.equal(judgeCommentWhy('when the window is resized, call @link #layout to place the children again').label, 'missing')
  })

  it('ships weights that retraining reproduces exactly, under 150 KB', () => {
    const committed = readFileSync('src/engine/models/comment-why/weights.json', 'utf8')
    assert.ok(committed.length <= 150 * 1024, `${committed.length} bytes`)
    assert.equal(`${JSON.stringify(buildModel())}\n`, committed)
  })

  it('trains deterministically', () => {
    const examples = own.map((row) => ({features: commentWhyFeatures(row.text), label: row.label === 'present' ? (1 as const) : (0 as const), group: row.group}))
    const first = train(examples, 'a', {epochs: 3, minCount: 1, seed: 1})
    const second = train(examples, 'a', {epochs: 3, minCount: 1, seed: 1})
    assert.deepEqual(first, second)
    assert.ok(Object.keys(first.weights).length > 50)
  })
})
