// Phase timer: every phase of the integration run prints how long it took, and the run ends with
// a table so a slow phase is visible in CI logs.

const phases = []

/**
 * Run `fn` as a named phase, print its duration, and remember it for `summary()`.
 * @template T
 * @param {string} name
 * @param {() => Promise<T> | T} fn
 * @returns {Promise<T>}
 */
export async function phase(name, fn) {
  const start = performance.now()
  console.log(`\n=== ${name}`)
  try {
    return await fn()
  } finally {
    const ms = Math.round(performance.now() - start)
    phases.push({name, ms})
    console.log(`--- ${name}: ${formatMs(ms)}`)
  }
}

/** @param {number} ms */
export function formatMs(ms) {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** Print every phase with its duration, and the total. */
export function summary() {
  const width = Math.max(...phases.map((p) => p.name.length), 5)
  console.log('\nphase times:')
  for (const {name, ms} of phases) console.log(`  ${name.padEnd(width)}  ${formatMs(ms).padStart(8)}`)
  const total = phases.reduce((sum, p) => sum + p.ms, 0)
  console.log(`  ${'total'.padEnd(width)}  ${formatMs(total).padStart(8)}`)
}
