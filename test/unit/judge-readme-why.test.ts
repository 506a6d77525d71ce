import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {analyze} from '../../src/engine/lint.js'
import {applyEdits, preferredEdits} from '../../src/engine/fixes.js'
import {judge} from '../../src/engine/judge.js'
import {judgeReadmeWhy, judgeReadmeWithModel, MODEL, ruleThreshold} from '../../src/engine/models/readme-why/index.js'
import {headingFamily, readmeFeatures} from '../../src/engine/models/readme-why/features.js'
import {splitSections} from '../../src/engine/models/readme-why/sections.js'

const label = (text: string) => judge(text, {detector: 'readme-why'}).label
const data = (name: string) => readFileSync(`test/data/readme-why/${name}`, 'utf8')
const own = (text: string) => analyze(text, {kind: 'readme', config: {rules: {'readme-missing-why': 'warning'}}}).findings.filter((f) => f.ruleId === 'readme-missing-why')

describe('readme-why detector', () => {
  it('finds a why that lives in the intro paragraph', () => {
    assert.equal(label(data('why-intro.md')), 'present')
  })

  it('finds a why section', () => {
    assert.equal(label(data('why-section.md')), 'present')
  })

  it('reports a README with only install and usage', () => {
    assert.equal(label(data('nowhy-install.md')), 'missing')
    assert.equal(label(data('nowhy-api.md')), 'missing')
  })

  it('counts a short answer under "When should I use this?" as a why', () => {
    const readme = '# fastgrid\n\n## When should I use this?\n\nThis package is useful when you are drawing tables in a terminal.\n\n## Installation\n\n```sh\npip install fastgrid\n```\n\n## Usage\n\nCall `Grid(10, 10)`.\n'
    assert.equal(label(readme), 'present')
    assert.equal(label(readme.replace('This package is useful when you are drawing tables in a terminal.', 'Probably never.')), 'missing')
  })

  it('counts an intro that says when the project is useful as a why, and does not nudge it', () => {
    const readme = '# fastgrid\n\nUseful when you need to lay out equal cells in a terminal window.\n\n## Installation\n\n```sh\npip install fastgrid\n```\n\n## Usage\n\nCall `Grid(10, 10)`.\n'
    assert.deepEqual(own(readme), [])
    const result = judgeReadmeWhy(readme)
    assert.equal(result.label, 'present')
    assert.match(result.evidence[0]!, /^the intro says when it is useful .*Useful when you need to lay out equal cells.*counted as saying why$/)
    assert.equal(judgeReadmeWhy(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out equal cells in a terminal window.')).label, 'missing')
    assert.equal(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out equal cells in a terminal window.')).length, 1)
    assert.deepEqual(own(readme.replace('Useful when you need to lay out', 'Useful to be able to lay out')), [])
    // Who has the problem, or the moment you would reach for it, also says when it is useful.
    assert.deepEqual(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'When you want to lay out equal cells in a terminal window: use fastgrid.')), [])
    assert.deepEqual(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out cells for terminals that do not support tables.')), [])
    assert.equal(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out cells for terminals that support tables.')).length, 1)
    assert.deepEqual(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out cells. It aims to be quick to integrate and cheap to keep.')), [])
    assert.deepEqual(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Lays out cells. You should use this package instead of padEnd if your cells hold emoji.')), [])
    assert.deepEqual(own(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'The goal of the project is to lay out cells that line up in any terminal.')), [])
    // What it is designed to do for someone says why; what it is designed to work with or handle is a capability.
    assert.equal(judgeReadmeWhy(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'It is designed to spare you counting columns by hand.')).label, 'present')
    assert.equal(judgeReadmeWhy(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'It is designed to work across terminals and runtimes.')).label, 'missing')
    // Nor is a quality it is designed to have.
    for (const claim of ['It is designed to be fast and simple to use.', 'It is designed to be simple, so laying out a grid is as simple as one call.']) assert.equal(readmeFeatures(readme.replace('Useful when you need to lay out equal cells in a terminal window.', claim)).useCase, undefined, claim)
    // How it is meant to be used with something else is usage, not a purpose.
    assert.equal(readmeFeatures(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'It is intended to be paired with the generic grid package, which draws the borders.')).useCase, undefined)
    // A stated goal, or the people it is made for and what they want.
    for (const intro of ['Its core goals are cells that line up in any terminal and output that pipes cleanly.', 'Perfect for CLI authors who want tables without pulling in a layout engine.', 'Created with <3 for CLI authors who need a table in five minutes.', 'Perfect for tasks like progress reports and build summaries.', 'Lays out cells. Use it to print tables that survive a narrow terminal.', 'Lays out cells. You can use it to print tables that survive a narrow terminal.', 'Lays out cells. If you want to print tables that survive any terminal, whatever its width, use fastgrid.']) {
      assert.equal(judgeReadmeWhy(readme.replace('Useful when you need to lay out equal cells in a terminal window.', intro)).label, 'present', intro)
    }
    assert.equal(judgeReadmeWhy(readme.replace('Useful when you need to lay out equal cells in a terminal window.', 'Perfect alignment in a terminal window.')).label, 'missing')
  })

  it('does not nudge a README whose intro states the problem it answers', () => {
    const readme = (intro: string) => `# fastgrid\n\n${intro}\n\n## Installation\n\n\`\`\`sh\npip install fastgrid\n\`\`\`\n\n## Usage\n\nCall \`Grid(10, 10)\`.\n`
    for (const intro of ['Tables are great, but when it comes to wide output in a narrow terminal they wrap badly.', 'Padding cells by hand mangles wide characters, which isn\'t helpful.', 'The usual width check returns false positives on emoji.', 'You were forced to count columns by hand.', 'Lays out cells by display width. Most developers get this wrong.', 'Terminals already have tab stops, but they break on wide characters.', 'Escapes cell text to prevent XSS attacks in HTML output.', 'Saves keystrokes, because I have had to write this padding too many times.', 'Based on gridlib and gridlib2, which are both unmaintained.', 'Just a proxy to reduce dependencies and install size.']) {
      assert.deepEqual(own(readme(intro)), [], intro)
      const result = judgeReadmeWhy(readme(intro))
      assert.equal(result.label, 'present', intro)
      assert.ok(result.evidence.some((line) => line.startsWith('the intro states a problem')), intro)
    }
    assert.equal(own(readme('Lays out equal cells. The grid is square, but cells may be empty.')).length, 1)
    assert.equal(own(readme('Lays out equal cells. Set `pad` to prevent cells from touching.')).length, 1)
    assert.equal(own(readme('Lays out equal cells. This package is now unmaintained.')).length, 1)
    // A title after a preamble of badges opens the intro, even when its words name a how-to.
    const badged = '[![npm](https://example.com/v.svg)](https://example.com)\n\n# Sanitize HTML with a configuration you choose\n\nEscapes cell text to prevent XSS attacks.\n\n## Install\n\n    npm i fastgrid\n'
    assert.match(readmeFeatures(badged).problem ?? '', /^to prevent XSS/)
  })

  it('counts an intro that says which need the project removes', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (intro: string) => `# tweenkit\n\n${intro}\n\n## Install\n\n    npm i tweenkit\n`
    for (const intro of ['Draws vector animation. It eliminates the need to draw each frame by hand.', 'Starts a blog by removing the up-front setup.', 'Makes it easier to start a blog, by eliminating a lot of the up front setup.']) {
      const result = judgeReadmeWithModel(readme(intro), strict)
      assert.equal(result.label, 'present', intro)
      assert.match(result.evidence[0]!, /^the intro states a problem/, intro)
    }
    assert.equal(judgeReadmeWithModel(readme('Draws vector animation. It removes frames you select.'), strict).label, 'missing')
    // The need put as a question to the reader, and the answer.
    for (const intro of ['Ever wanted to animate a logo without a timeline editor?', 'Need tweens? Then tweenkit is what you are looking for.']) {
      const result = judgeReadmeWithModel(readme(intro), strict)
      assert.equal(result.label, 'present', intro)
      assert.match(result.evidence[0]!, /^the intro says when it is useful/, intro)
    }
    assert.equal(judgeReadmeWithModel(readme('Ever wondered how tweens work? Read the source.'), strict).label, 'missing')
    // The purpose, the scenarios it is for, a story of the need, and why it was made.
    for (const intro of ['Its purpose is to tween values without a timeline editor.', 'It is ideal for the following scenarios: logo loops, loaders and charts.', 'Suppose you have a logo and want it to spin once on load.']) {
      assert.equal(judgeReadmeWithModel(readme(intro), strict).label, 'present', intro)
    }
    const made = judgeReadmeWithModel(readme('Tweens values. This was created since CSS transitions cannot ease along a path.'), strict)
    assert.equal(made.label, 'present')
    assert.match(made.evidence[0]!, /^the intro states a problem/)
    assert.equal(headingFamily('What do people use Bigtop for?'), 'why')
    assert.equal(headingFamily('What do people use Apache Bigtop for?'), 'why')
    assert.equal(headingFamily('What does Verdaccio do for me?'), 'why')
    assert.equal(headingFamily('What is this useful for?'), 'why')
    assert.equal(headingFamily('What is it good for?'), 'about')
    // Whole words only: a name that starts with "why" asks nothing.
    assert.notEqual(headingFamily('Whyte notation'), 'why')
  })

  it('counts prose under a heading that names the why ("Motivation", "Purpose", "The problem", "Use cases")', () => {
    const readme = (heading: string) => `# fastgrid\n\nLays out cells.\n\n## ${heading}\n\nTerminal tables drift out of line once a cell holds emoji or CJK text.\n\n## Installation\n\n\`\`\`sh\npip install fastgrid\n\`\`\`\n\n## Usage\n\nCall \`Grid(10, 10)\`.\n`
    for (const heading of ['Motivation', 'Purpose', 'The problem', 'Rationale', 'Use cases']) {
      assert.equal(judgeReadmeWhy(readme(heading)).label, 'present', heading)
      assert.deepEqual(readmeFeatures(readme(heading)).whyProse.map((section) => section.heading), [heading])
    }
    // A heading whose answer sits in its subsections counts too.
    const nested = '# fastgrid\n\nLays out cells.\n\n## Install\n\n    pip install fastgrid\n\n## What does fastgrid do for me?\n\n### Wide characters\n\nTerminal tables drift out of line once a cell holds emoji or CJK text.\n\n## Usage\n\nCall it.\n'
    assert.deepEqual(readmeFeatures(nested).whyProse.map((section) => section.heading), ['What does fastgrid do for me?'])
    assert.deepEqual(readmeFeatures(nested.replace('### Wide characters', '## Wide characters')).whyProse, [])
    // "<3" opens no tag: the intro after it is read.
    assert.match(readmeFeatures('# mock\n\nCreated with <3 for front-end developers who need a quick back-end.\n').useCase ?? '', /front-end developers who need/)
    // A background section as often defines a term: the models weigh it, it does not count outright.
    assert.deepEqual(readmeFeatures(readme('Background')).whyProse, [])
    assert.deepEqual(readmeFeatures(readme('Motivation').replace('Terminal tables drift out of line once a cell holds emoji or CJK text.', 'See below.')).whyProse, [])
  })

  it('does not ask a folder\'s README why the project exists', () => {
    const readme = (intro: string) => `# ui tests\n\n${intro}\n\n## Running\n\n\`\`\`sh\n./x.py test src/test/ui\n\`\`\`\n`
    for (const intro of ['This directory contains the tests for trait specialization.', 'A variety of tests around reachability.', 'This folder contains tests for MIR optimizations.']) {
      assert.deepEqual(own(readme(intro)), [], intro)
      assert.ok(judgeReadmeWhy(readme(intro)).evidence.some((line) => line.includes('README of a folder')), intro)
    }
    assert.equal(own(readme('Get the directory of globally installed packages.')).length, 1)
    // A README titled as a task is a how-to kept in a folder.
    const howTo = (title: string) => `### ${title}\n\nThere are several requirements for generating the metrics.\n\n\`\`\`sh\nmake metrics\n\`\`\`\n`
    assert.deepEqual(own(howTo('How to generate new metrics')), [])
    assert.equal(own(howTo('Metrics generator')).length, 1)
  })

  it('splits sections at headings, not inside code fences', () => {
    const sections = splitSections('intro\n\n# Title\n\n```\n# not a heading\n```\n\nSub\n---\n\ntext\n')
    assert.deepEqual(sections.map((section) => section.heading), ['', 'Title', 'Sub'])
  })

  it('takes `##Usage` for a heading, as older READMEs mean it, but not `#include` or a colour', () => {
    const sections = splitSections('#Tool\n\nText.\n\n##Usage\n\n#include <stdio.h>\n#1e90ff is blue\n')
    assert.deepEqual(sections.map((section) => section.heading), ['Tool', 'Usage'])
  })

  it('reads prose only: words in code blocks, badges and HTML do not count', () => {
    const base = '# tool\n\n[![build](https://ci.example/badge.svg)](https://ci.example)\n\n<p align="center"><img src="logo.png"></p>\n\nA tool.\n\n## Usage\n\n```sh\n%s\n```\n'
    const plain = judge(base.replace('%s', 'tool run'), {detector: 'readme-why'})
    const noisy = judge(base.replace('%s', '# why: because the problem is hard, unlike others, makes it easy'), {detector: 'readme-why'})
    assert.equal(noisy.score, plain.score)
    assert.equal(noisy.label, 'missing')
  })

  it('a `## Why` holding only the template prompts does not count as a why', () => {
    const text = data('nowhy-install.md')
    const fixed = applyEdits(text, preferredEdits(own(text))).text
    const result = judge(fixed, {detector: 'readme-why'})
    assert.equal(result.label, 'missing')
    assert.equal(result.score, judge(text, {detector: 'readme-why'}).score)
    assert.match(result.evidence[0]!, /template prompts/)
  })

  it('says what it looked for and what it found', () => {
    const found = judge(data('why-intro.md'), {detector: 'readme-why'}).evidence.join('\n')
    assert.match(found, /cues in the intro: .*`instead of`/)
    const none = judge(data('nowhy-api.md'), {detector: 'readme-why'}).evidence.join('\n')
    assert.match(none, /looked in the intro for a problem/)
  })

  it('names the section that reads most like a why', () => {
    assert.match(judge(data('why-section.md'), {detector: 'readme-why'}).evidence.join('\n'), /most why-like section: `Why`/)
    assert.match(judge(data('why-motivation.md'), {detector: 'readme-why'}).evidence.join('\n'), /most why-like section: `Motivation`/)
  })

  it('gets the held-out READMEs right and never nudges one that says why', () => {
    const dir = 'test/data/heldout/readme-why'
    const names = readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')
    assert.equal(names.length, 16)
    let right = 0
    for (const name of names) {
      const result = judgeReadmeWhy(readFileSync(`${dir}/${name}`, 'utf8'))
      const why = /-why-/.test(name)
      if ((result.label === 'present') === why) right++
      if (why) assert.equal(result.confident, false, `${name} says why but the rule would nudge: ${result.evidence.join('; ')}`)
    }
    assert.ok(right >= 14, `${right} of ${names.length}`)
  })

  it('counts a `Why …` section with prose as a why, whatever the models score', () => {
    const text = '# qpack\n\n## Install\n\n    npm i qpack\n\n## Why qpack?\n\nThe registry mirrors behind the firewall time out on packages with thousands of files, and a failed install halts every build.\n'
    // A model that calls everything missing: only the section can make it present.
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const result = judgeReadmeWithModel(text, strict)
    assert.equal(result.label, 'present', result.evidence.join('; '))
    assert.equal(result.confident, false)
    assert.match(result.evidence[0]!, /section headed `Why qpack\?` with prose/)
    const short = judgeReadmeWithModel(text.replace(/The registry[^\n]*/, 'Because.'), strict)
    assert.equal(short.label, 'missing')
    assert.equal(short.confident, true)
  })

  it('counts a bold line or a <details> summary that asks why, with its answer, as a why section', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const answer = 'Every parser I tried does too much: it fetches the page, follows redirects and pulls in a whole HTTP client.'
    const bold = `# ghurl\n\n## Install\n\n    npm i ghurl\n\n**Why another URL parser?**\n\n${answer}\n\n## Usage\n\nCall \`parse(url)\`.\n`
    const result = judgeReadmeWithModel(bold, strict)
    assert.equal(result.label, 'present', result.evidence.join('; '))
    assert.match(result.evidence[0]!, /section headed `Why another URL parser\?` with prose/)
    // The question alone, or with a few words under it, is no answer.
    assert.equal(judgeReadmeWithModel(bold.replace(answer, 'See below.'), strict).label, 'missing')
    // Bold text inside a paragraph is emphasis, not a heading.
    assert.equal(judgeReadmeWithModel(bold.replace('**Why another URL parser?**\n\n', '**Why another URL parser?** '), strict).label, 'missing')
    // A <details> summary, answered in the subsections that follow it.
    const summary = `# ranges\n\n## Install\n\n    npm i ranges\n\n<details>\n<summary><strong>Why use this library?</strong></summary>\n\n<br>\n\n### Convenience\n\n${answer}\n\n</details>\n\n## Usage\n\nCall \`ranges(1, 5)\`.\n`
    assert.equal(judgeReadmeWithModel(summary, strict).label, 'present')
    assert.equal(judgeReadmeWithModel(summary.replace('Why use this library?', 'What does this do?'), strict).label, 'missing')
  })

  it('counts the project answering a problem just stated, in any section, as a why', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (sentence: string) => `# layered\n\n## Example\n\n    layered.get('db:host')\n\n## Hierarchical configuration\n\nConfiguration gets complicated quickly in production. ${sentence}\n`
    for (const sentence of ['`layered` addresses this problem by reading sources in a fixed order.', 'Layered solves these issues by reading sources in a fixed order.', 'It tackles this problem with one ordered list of sources.', 'This addresses your concerns about order and precedence.']) {
      const result = judgeReadmeWithModel(readme(sentence), strict)
      assert.equal(result.label, 'present', sentence)
      assert.match(result.evidence[0]!, /^says the project answers a problem it states \(`.*(?:addresses|solves|tackles) (?:this|these|your)/, sentence)
    }
    // Something else that solves it (a flag, an upgrade) says nothing of why the project exists.
    assert.equal(judgeReadmeWithModel(readme('Setting `--ordered` solves this issue.'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Upgrading to v2 solves this problem.'), strict).label, 'missing')
  })

  it('reads an old way left behind, a rival already there, "useful as", and an API reference', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (intro: string, rest = '') => `# pathkit\n\n${intro}\n\n## Install\n\n    npm i pathkit\n${rest}`
    for (const intro of ['This lets you run tests against a set of mock files instead of lugging around a bunch of test fixtures.', 'For example, instead of using complex relative paths like `../../utils`, you can write `utils`.', 'In the browser, there is already `navigator.onLine`, but it only tells you about the local network.', 'Useful as an attention grabber when a long build ends.']) {
      const result = judgeReadmeWithModel(readme(intro), strict)
      assert.equal(result.label, 'present', intro)
      assert.equal(result.confident, false, intro)
    }
    // An alternative the API offers, or what the project is, says no why.
    assert.equal(judgeReadmeWithModel(readme('Joins paths. Pass `{posix: true}` instead of calling `join` twice.'), strict).label, 'missing')
    assert.equal(readmeFeatures(readme('It is intended to be a fairly slim implementation of the protocol.')).useCase, undefined)
    // A comparison between two of its functions, in its reference, is about them.
    const reference = readme('Joins paths.', '\n## Functions\n\n### `fastJoin(a, b)`\n\nThis is more accurate than `join` but also slower.\n')
    assert.equal(judgeReadmeWithModel(reference, strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(reference.replace('## Functions', '## Why pathkit'), strict).label, 'present')
  })

  it('reads a gap in the platform, a tedious chore, and a built-in that falls short as the problem', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (intro: string, rest = '') => `# menukit\n\n${intro}\n\n## Install\n\n    npm i menukit\n${rest}`
    for (const intro of ["Electron doesn't have a built-in context menu. You're supposed to handle that yourself.", 'Writing context menus by hand is tedious and hard to get right.', 'This module is what you would have expected `fs.rename()` to be.', 'Emulates the gateway on your machine to speed up your development cycles.']) {
      assert.equal(judgeReadmeWithModel(readme(intro), strict).label, 'present', intro)
    }
    // The project's own limits and caveats say no why.
    for (const intro of ["menukit doesn't have a built-in theme.", 'It finds menus to clean up, but finds a lot of false positives which need a human to triage.']) {
      assert.equal(judgeReadmeWithModel(readme(intro), strict).label, 'missing', intro)
    }
    // A benchmark of the project's own functions, by "the menukit library", times no rival.
    const own = readme('Builds menus.', '\n## Benchmarks\n\nThe `menukit` library includes a benchmark suite.\n\n    build x 3,650,995 ops/sec\n')
    assert.equal(judgeReadmeWithModel(own, strict).label, 'missing')
  })

  it('reads timings of the project beside a rival in a table or under named headings', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (rest: string) => `# fast-dom\n\nA DOM for tests.\n\n## Install\n\n    npm i fast-dom\n\n## Performance\n\n${rest}\n`
    const table = '| Operation | JSDOM | Fast DOM |\n| --- | --- | --- |\n| Import | 333 ms | 45 ms |\n| Parse HTML | 256 ms | 26 ms |\n'
    assert.equal(judgeReadmeWithModel(readme(table), strict).label, 'present')
    // The project's own timings, one column, compare nothing.
    assert.equal(judgeReadmeWithModel(readme('| Operation | Time |\n| --- | --- |\n| Import | 45 ms |\n| Parse HTML | 26 ms |\n'), strict).label, 'missing')
    const titled = (second: string) => readme(`\`\`\`\nfast-dom benchmark\nparse x 1,122,538 ops/sec\n${second} benchmark\nparse x 122,538 ops/sec\n\`\`\``).replace('## Performance', '## Benchmarks')
    assert.equal(judgeReadmeWithModel(titled('jsdom'), strict).label, 'present')
  })

  it('reads "use this instead of", a stated aim in the past, and skips comparisons with itself', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (intro: string, rest = '') => `# tmpkit [![Build Status](https://example.com/b.svg)](https://example.com)\n\n${intro}\n\n## Install\n\n    npm i tmpkit\n${rest}`
    // After a preamble, with badges in the title: "Build Status" does not make the title a build section.
    const preamble = (intro: string) => `**Deprecated:** no longer needed.\n\n---\n\n${readme(intro)}`
    for (const text of [readme('Use this instead of `os.tmpdir()` to get the same path on every Node.js version.'), preamble('Use this instead of `os.tmpdir()` to get the same path on every Node.js version.'), readme('tmpkit was created to give you one temporary folder per test, cleaned up after it.')]) {
      assert.equal(judgeReadmeWithModel(text, strict).label, 'present', text)
    }
    assert.equal(judgeReadmeWithModel(readme('Makes temporary folders. Version 4 has an entirely different API compared to its earlier releases.'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Makes temporary folders.', '\n### APIs\n\n#### `keep`\n\nWhen false, compared with `keep: true`, the folder is removed.\n'), strict).label, 'missing')
  })

  it('counts a comparison with a named alternative as a why, whatever the models score', () => {
    const strict = {...MODEL, threshold: 0.999, ruleThreshold: 0.999}
    const readme = (intro: string, rest = '') => `# quickslice\n\n${intro}\n\n## Install\n\n    npm i quickslice\n\n## API\n\n### slice(args)\n\nReturns an array.\n${rest}`
    for (const intro of ['A faster alternative to `[].slice.call(arguments)`.', '14 times smaller and 2 times faster than [`chalk`](https://example.com/chalk).', 'Like read-package-json, but faster and more accepting of missing data.', 'It handles astral symbols, contrary to many other JavaScript solutions.', 'Like `Array.prototype.slice` but works on arguments.', '[![build](https://example.com/b.svg)](https://example.com)\n\nA better slice.', 'The main advantages of this library vs. the built-in slice are: no copies, and it works on arguments.', 'Easier to use than `Function.prototype.apply`.', 'Like JSON.stringify, but does not throw on circular references.', 'It uses a larger alphabet than UUID.', 'You may ask: **What about `Array.prototype.slice`!?** It copies.', 'Why not just use Lodash? It copies.', 'It has a better benchmark performance than Array.from and works in old browsers.', 'A smaller bundle size than lodash.slice.']) {
      const result = judgeReadmeWithModel(readme(intro), strict)
      assert.equal(result.label, 'present', intro)
      assert.equal(result.confident, false, intro)
      assert.match(result.evidence[0]!, /sets itself against an alternative/, intro)
      assert.match(result.evidence[1]!, /: below 1\.00;/, intro)
    }
    // A benchmark's results, even in a code block, compare; the command that runs it does not.
    const results = readme('Slices arguments.', '\n## Benchmarks\n\n```\nquickslice x 1,122,538 ops/sec ±0.01%\narray-slice x 402,113 ops/sec ±0.02%\n```\n')
    assert.equal(judgeReadmeWithModel(results, strict).label, 'present')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Benchmarks\n\n```\nnpm run bench\n```\n'), strict).label, 'missing')
    // A comparison with itself or a number, one in the API's options, or a "like X, but" past the
    // intro, sets the project against nothing.
    for (const intro of ['It is faster than before.', 'Returns more than 100 entries.', 'It takes a larger buffer than needed.', 'What about arguments? They are sliced too.', 'Slices arguments.', 'Slices arguments. A better way is to spread them.']) {
      assert.equal(judgeReadmeWithModel(readme(intro), strict).label, 'missing', intro)
    }
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n#### concurrency\n\nSet a value smaller than the pool size.\n'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Notes\n\nLike `div`, but the next row is appended.\n'), strict).label, 'missing')
    // Past the intro, "unlike" must name something: another project, or others of its kind.
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Styles\n\nUnlike text and background colors, underline colors have no 16-color form.\n'), strict).label, 'missing')
    for (const note of ['Unlike `lodash.slice`, it never copies.', 'Unlike other slicers, it never copies.']) {
      assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## Notes\n\n${note}\n`), strict).label, 'present', note)
    }
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Related\n\n- fastslice: an alternative to lodash.slice\n'), strict).label, 'missing')
    // Another project's claim to replace this one, and "like it, but" (no other project named).
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.\n\n- slice2: a drop-in replacement for the quickslice module.'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('There are many slicers like it, but this one is mine.'), strict).label, 'missing')
    // Benchmarks come late: their heading counts wherever it is, with something under it.
    const bench = judgeReadmeWithModel(readme('Slices arguments.', '\n## Benchmarks\n\n| library | ops/s |\n| --- | --- |\n| quickslice | 9M |\n| lodash | 2M |\n'), strict)
    assert.equal(bench.label, 'present')
    assert.match(bench.evidence[0]!, /a section headed "Benchmarks"/)
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Benefits over plain `slice`\n\n- Works on `arguments`\n'), strict).label, 'present')
    // A section on how it differs from another project, as a heading or as a question in a FAQ.
    for (const heading of ['Differences from lodash.slice', 'How is this different from lodash.slice?']) {
      assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## ${heading}\n\nIt copies nothing until you write to the slice.\n`), strict).label, 'present', heading)
    }
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Differences\n\nIt copies nothing until you write to the slice.\n'), strict).label, 'missing')
    // Where it departs from a standard is no rival project.
    for (const heading of ['Differences From iCalendar RFC', 'Differences from the spec']) {
      assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## ${heading}\n\nIt copies nothing until you write to the slice.\n`), strict).label, 'missing', heading)
    }
    // Past the first 16K characters, a heading that names another project still counts; late
    // benchmarks of the project's own options do not.
    const api = Array.from({length: 600}, (_, index) => `### slice${index}(args)\n\nSlices the arguments from ${index}.\n`).join('\n')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## API\n\n${api}\n## Differences from lodash.slice\n\nIt copies nothing until you write to the slice.\n`), strict).label, 'present')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## API\n\n${api}\n## Benchmarks\n\nWith \`lazy: true\` it runs 1.5 x faster.\n`), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Benchmarks\n'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Benchmark\n\n```\n$ npm run bench\n```\n'), strict).label, 'missing')
    // A benchmark counts when it times rivals: a table of them, a verdict, or rows of another
    // name beside the project's own. One that times only the project's own cases compares nothing.
    for (const body of ['```\nquickslice x 9,122,538 ops/sec ±0.01%\narray-slice x 402,113 ops/sec ±0.02%\nFastest is quickslice\n```', '| Framework | ops/s |\n| --- | --- |\n| slicer | 9M |']) {
      assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## Benchmarks\n\n${body}\n`), strict).label, 'present', body)
    }
    const own = '```\nno arguments      x 19,435,271 ops/sec ±0.85%\nmany arguments    x 3,175,826 ops/sec ±0.65%\n```'
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## Benchmark\n\n${own}\n`), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Benchmark\n\n```\nslice x 9,122,538 ops/sec ±0.01%\nsplice x 402,113 ops/sec ±0.02%\n```\n'), strict).label, 'missing')
    // Timing rows that name rivals, under "Performance" or in the intro; "Performance" alone
    // (tips, links to articles) compares nothing.
    const rows = '```\nhtml-parser   : 12.56 ms/file\nparse5        : 2.43 ms/file\nquickslice    : 0.97 ms/file\nhtmlparser2   : 0.71 ms/file\n```'
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## Performance\n\n${rows}\n`), strict).label, 'present')
    assert.equal(judgeReadmeWithModel(readme(`Slices arguments.\n\nBenchmarks (1 million calls):\n\n* quickslice: 854ms\n* array.slice: 1298ms\n`), strict).label, 'present')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Performance\n\n- [String vs Array Concat](https://example.com/a)\n- [Try/Catch Cost In a Loop](https://example.com/b)\n'), strict).label, 'missing')
    // "X vs Y" sets the project against another when one side is its title; else it compares options.
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Quickslice vs Lodash\n\nIt copies nothing until you write to the slice.\n'), strict).label, 'present')
    assert.equal(judgeReadmeWithModel(readme('Slices arguments.', '\n## Callbacks vs Promises\n\nBoth forms take the same arguments.\n'), strict).label, 'missing')
    // "Like X but for/from …" narrows the scope; it claims no advantage.
    assert.equal(judgeReadmeWithModel(readme('Slices arguments like `Array.prototype.slice` but from a given index.'), strict).label, 'missing')
    assert.equal(judgeReadmeWithModel(readme('Meant to replace the slicing helpers of lodash.'), strict).label, 'present')
    // A table that sets features side by side, under "Feature Comparison" or "Comparison Table".
    for (const heading of ['Feature Comparison', 'Comparison Table']) {
      assert.equal(judgeReadmeWithModel(readme('Slices arguments.', `\n## ${heading}\n\n| | quickslice | lodash |\n| --- | --- | --- |\n| no copies | yes | no |\n`), strict).label, 'present', heading)
    }
  })

  it('reads a use case wrapped over two lines of the intro', () => {
    const readme = '# lines\n\nMaps lines and columns to offsets. This is useful for parsers\nand other text processors that deal in character ranges.\n\n## Install\n\n    npm i lines\n'
    assert.deepEqual(own(readme), [])
    assert.equal(own(readme.replace('This is useful for parsers\nand other', 'It serves parsers\nand other')).length, 1)
  })

  it('scores a why section above the same README without it', () => {
    const text = data('why-section.md')
    const why = splitSections(text).find((section) => section.heading === 'Why')!
    const without = text.slice(0, why.offset) + text.slice(why.endOffset)
    assert.ok(judge(text, {detector: 'readme-why'}).score > judge(without, {detector: 'readme-why'}).score)
    assert.equal(label(without), 'missing')
  })

  it('the rule stays silent where judge says present, and nudges only below its own, stricter threshold', () => {
    for (const name of ['why-intro.md', 'why-section.md', 'why-motivation.md']) assert.equal(own(data(name)).length, 0, name)
    const result = judgeReadmeWhy(data('nowhy-install.md'))
    assert.ok(result.confident && result.score < ruleThreshold() && ruleThreshold() <= MODEL.threshold)
  })

  it('the fix inserts a Why section after the intro and leaves only a non-fixable nudge', () => {
    const text = data('nowhy-install.md')
    const findings = own(text)
    assert.equal(findings.length, 1)
    const fixed = applyEdits(text, preferredEdits(findings)).text
    assert.ok(fixed.indexOf('## Why') > fixed.indexOf('# fastgrid'))
    assert.ok(fixed.indexOf('## Why') < fixed.indexOf('## Installation'))
    const again = own(fixed)
    assert.equal(again.length, 1)
    assert.match(again[0]!.message, /^Fill in/)
    assert.equal(again[0]!.fixes, undefined)
  })

})

describe('readme-why: the editor snippet left unfilled', () => {
  it('still asks for the why when the prompts stand without their parentheses', async () => {
    const {lint} = await import('../../src/engine/lint.js')
    const text = '# tablekit\n\nRender tables.\n\n## Why\n\nThe problem: what goes wrong, or takes too long, without this project\n\nWho has it: the people who run into it\n\nWhat this does differently: how it solves the problem, and why not an existing tool\n\n## Install\n\nRun it.\n'
    const findings = (await lint(text, {kind: 'readme'})).filter((finding) => finding.ruleId === 'readme-missing-why')
    if (findings.length !== 1 || !/Fill in/.test(findings[0]!.message)) throw new Error(JSON.stringify(findings))
  })
})
