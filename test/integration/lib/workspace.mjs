// A fresh workspace per run: a temp folder holding the fixture files, made a real git
// repository before the workbench opens, so the built-in git extension registers it and the
// Source Control input box exists.
import {cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {repoRoot, run} from './setup.mjs'

export const fixtureDir = join(repoRoot, 'test', 'integration', 'fixtures', 'workspace')

/**
 * A temp folder `<root>/workspace` with the fixtures, `git init`-ed, user set locally, every file
 * staged and nothing committed (so the commit box is live).
 * @param {string} root
 */
export function makeWorkspace(root) {
  const folder = join(root, 'workspace')
  cpSync(fixtureDir, folder, {recursive: true})
  const git = (/** @type {string[]} */ ...args) => run('git', ['-C', folder, ...args], {stdio: 'ignore'})
  git('init', '-q', '-b', 'main')
  git('config', 'user.name', 'whylint tests')
  git('config', 'user.email', 'tests@whylint.invalid')
  git('config', 'commit.gpgsign', 'false')
  git('add', '-A')
  return folder
}

/** A new temp folder for one run (server data, user data, workspace, browser profile). */
export function makeRunRoot(label) {
  return mkdtempSync(join(tmpdir(), `whylint-it-${label}-`))
}

/** @param {string} root */
export function removeRunRoot(root) {
  rmSync(root, {recursive: true, force: true})
}
