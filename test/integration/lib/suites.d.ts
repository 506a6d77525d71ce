// The module `lib/build.mjs` generates at bundle time: one loader per `suite/**/*.test.ts`,
// keyed by its path relative to the suite folder, in a stable order.
declare module 'whylint:integration-suites' {
  export const suites: ReadonlyArray<readonly [file: string, load: () => unknown]>
}
