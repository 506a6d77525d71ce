// write-good ships no types; the benchmark needs only its one call.
declare module 'write-good' {
  interface Suggestion {
    index: number
    offset: number
    reason: string
  }
  function writeGood(text: string, options?: Record<string, boolean>): Suggestion[]
  export default writeGood
}
