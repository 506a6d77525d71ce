// Time to judge one item with each detector, as `judge()` is called from the API and the CLI: one
// pass over real or labelled items to warm the JIT up, then each item timed on its own (wall
// clock: an item takes well under a millisecond, below what CPU time resolves).

import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {judge} from '../src/engine/judge.js'
import type {Detector, JudgeOptions} from '../src/engine/types.js'
import {loadReadmes} from '../scripts/train/readme-why.js'
import {quantile} from './lib.js'

export interface JudgeTiming {
  detector: Detector
  /** What was judged, for the report. */
  data: string
  items: number
  meanMs: number
  p95Ms: number
  maxMs: number
}

interface Item {
  text: string
  options?: Partial<JudgeOptions>
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

function inputs(shared: string, commits: readonly string[]): Array<{detector: Detector; data: string; items: Item[]}> {
  const restates = ['test/data/comment-restates/pairs.jsonl', 'test/data/heldout/comment-restates-written.jsonl', 'test/data/heldout/comment-restates-written-2.jsonl'].flatMap((file) => jsonl<{text: string; language: string}>(file))
  const reviews = readdirSync('test/data/review-tone')
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => jsonl<{text: string}>(join('test/data/review-tone', name)))
  return [
    {detector: 'readme-why', data: 'the 349 labelled READMEs (Prana et al. and hand-written)', items: loadReadmes().map((readme) => ({text: readme.text}))},
    {detector: 'commit-why', data: `the ${commits.length} corpus commit messages`, items: commits.map((text) => ({text}))},
    {detector: 'comment-why', data: 'NLBSE Java class-comment sentences', items: jsonl<{text: string}>(join(shared, 'datasets/nlbse23_comments_java.train.jsonl')).map((row) => ({text: row.text}))},
    {detector: 'comment-restates', data: 'labelled comment and code pairs', items: restates.map((row) => ({text: row.text, options: {languageId: row.language}}))},
    {detector: 'review-tone', data: 'labelled review comments', items: reviews.map((row) => ({text: row.text}))},
  ]
}

export function judgeTimings(shared: string, commits: readonly string[]): JudgeTiming[] {
  return inputs(shared, commits).map(({detector, data, items}) => {
    for (const item of items) judge(item.text, {...item.options, detector})
    const samples = items.map((item) => {
      const start = performance.now()
      judge(item.text, {...item.options, detector})
      return performance.now() - start
    })
    return {detector, data, items: items.length, meanMs: samples.reduce((sum, value) => sum + value, 0) / samples.length, p95Ms: quantile(samples, 0.95), maxMs: Math.max(...samples)}
  })
}
