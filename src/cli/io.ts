// What the CLI needs from its process, injected so tests can run `main()` in-process with their
// own streams and working directory.


export interface Output {
  write(text: string): void
  isTTY?: boolean
  columns?: number
}

export interface Io {
  /** Absolute working directory; relative paths and globs resolve against it. */
  cwd: string
  env: Record<string, string | undefined>
  stdout: Output
  stderr: Output
  /** All of standard input, as bytes. */
  readStdin(): Promise<Uint8Array>
  /** Test seams around a fix: called after a file is read and before its fixed text is written. */
  hooks?: {beforeWrite?(path: string): void | Promise<void>}
}

/** The real process. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: {
      write: (text) => void process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
      columns: process.stdout.columns,
    },
    stderr: {
      write: (text) => void process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
      columns: process.stderr.columns,
    },
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
      return Buffer.concat(chunks)
    },
  }
}
