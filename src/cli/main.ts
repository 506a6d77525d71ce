// The `whylint` executable (bundled to dist/cli.cjs).

import {main} from './cli.js'
import {processIo} from './io.js'

// `whylint … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`whylint: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  },
)
