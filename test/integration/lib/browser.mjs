// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile.
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {format} from 'node:util'
import {chromium} from 'playwright-core'
import {chromiumPath} from './setup.mjs'

/** @param {{viewport?: {width: number, height: number}}} [options] */
export async function launchBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'whylint-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: options.viewport ?? {width: 1400, height: 900},
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close().catch(() => {})
    rmSync(profile, {recursive: true, force: true})
  }
  return {context, page, close}
}

// Workbench chatter that says nothing about the tests (no network here, no service worker, no
// GitHub sign-in).
const noise = /\[AgentHost|\[ChatModelSelection|\[AccountPolicyGate|socket|connection token|ExtensionGalleryService|Ignoring the error while validating workspace folder|ENOTFOUND|\[Service Worker\]|authentication provider 'github'|reconnection-grace-time|builtin extensions cache|ChatSessionStore/

/**
 * Run the `extensionTestsPath` suite in the server's Node extension host: the workbench URL
 * carries the test payload, and the workbench reports through `window.codeAutomationLog` and
 * `window.codeAutomationExit`. Resolves with the suite's exit code (124 on timeout).
 * @param {{server: {url: string, authority: string}, folder: string, extensionPath: string, testsPath: string, timeoutMs: number, verbose?: boolean}} options
 */
export async function runExtensionTests({server, folder, extensionPath, testsPath, timeoutMs, verbose = false}) {
  const remote = (/** @type {string} */ path) => `vscode-remote://${server.authority}${path}`
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ])
  const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`
  const browser = await launchBrowser()
  try {
    /** @type {(code: number) => void} */
    let finish = () => {}
    const exitCode = new Promise((resolve) => (finish = resolve))
    await browser.page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown} */ args) => {
      const line = format(...(Array.isArray(args) ? args : [args]))
      if (!verbose && noise.test(line)) return
      ;(type === 'error' ? console.error : console.log)(line)
    })
    await browser.page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish(code))
    browser.page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
    if (verbose) browser.page.on('console', (message) => console.log(`[console] ${message.text()}`))
    const timer = setTimeout(() => {
      console.error(`The suite did not finish within ${timeoutMs} ms`)
      finish(124)
    }, timeoutMs)
    await browser.page.goto(url)
    const code = await exitCode
    clearTimeout(timer)
    return code
  } finally {
    await browser.close()
  }
}
