// `whylint commit-msg <file>`: the git hook mode. Lints the message file as a commit message,
// with the comment character git used for it.

import {dirname, resolve} from 'node:path'
import type {CommitMsgArgs} from '../args.js'
import {Configs, maxFileSizeOf} from '../configs.js'
import {commentCharFor, findRepo, readGitConfig} from '../git.js'
import type {Io} from '../io.js'
import {displayPath} from '../output.js'
import {readInput} from '../read.js'
import {finish, lintJob, type Job} from './lint.js'

export async function runCommitMsg(args: CommitMsgArgs, io: Io): Promise<number> {
  const path = resolve(io.cwd, args.file)
  const resolved = await new Configs(io.cwd, args.config).forFile(path)
  const read = await readInput(path, maxFileSizeOf(resolved))
  let config = resolved.config
  // An explicit `commit.commentChar` in the config wins; else what git is set to use.
  if (read.ok && config.commit?.commentChar === undefined) {
    const repo = (await findRepo(io.cwd)) ?? (await findRepo(dirname(path)))
    const setting = repo ? await readGitConfig(repo, 'core.commentChar') : undefined
    config = {...config, commit: {...config.commit, commentChar: commentCharFor(setting, read.text)}}
  }
  const job: Job = {path, display: displayPath(io.cwd, path), kind: 'commit', config, maxFileSize: maxFileSizeOf(resolved)}
  const {result, findings} = await lintJob(job, read, {fix: false}, io)
  return finish([result], findings, args, io)
}
