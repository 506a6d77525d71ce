// The CLI as a function: `main(argv, io)` returns the exit code. `main.ts` runs it on the real
// process; tests call it with their own streams and working directory.

import {ConfigError} from '../engine/api.js'
import {parseArgv, UsageError} from './args.js'
import {runCommitMsg} from './commands/commit-msg.js'
import {runInit} from './commands/init.js'
import {runJudge} from './commands/judge.js'
import {runLint} from './commands/lint.js'
import {helpText} from './help.js'
import type {Io} from './io.js'
import {EXIT_OK, EXIT_USAGE} from './output.js'
import {printable} from './reporters/text.js'
import {VERSION} from './version.js'

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgv(argv)
    switch (args.command) {
      case 'help':
        io.stdout.write(helpText(args.topic))
        return EXIT_OK
      case 'version':
        io.stdout.write(`${VERSION}\n`)
        return EXIT_OK
      case 'lint':
        return await runLint(args, io)
      case 'commit-msg':
        return await runCommitMsg(args, io)
      case 'init':
        return await runInit(args, io)
      case 'judge':
        return await runJudge(args, io)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`whylint: ${printable(error.message)}\nRun \`whylint --help\` for usage\n`)
      return EXIT_USAGE
    }
    if (error instanceof ConfigError) {
      for (const line of error.message.split('\n')) io.stderr.write(`whylint: ${printable(line)}\n`)
      return EXIT_USAGE
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`whylint: internal error: ${printable(message.split('\n')[0] ?? '')}\n`)
    return EXIT_USAGE
  }
}
