// UI check on the packaged extension: install the VSIX into a VS Code server's extensions dir (as
// a user would, not as a development extension), open the workbench in Chromium, open a README
// without a why, and check what a user sees: the squiggle, the Problems entry, the quick-fix menu
// and a filled-in template. With WHYLINT_SCREENSHOTS=1 it also writes docs/screenshots/*.png.
//
// Run on its own: node test/integration/ui.mjs [--vsix file]   (default: package the repository)
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {checkVsix, packageVsix} from '../../scripts/package.mjs'
import {launchBrowser} from './lib/browser.mjs'
import {installExtension, startServer} from './lib/server.mjs'
import {ensureCodeServer, ensureDebianPackages, ensureNode, repoRoot, targets} from './lib/setup.mjs'
import {formatMs} from './lib/timing.mjs'
import {makeRunRoot, makeWorkspace, removeRunRoot} from './lib/workspace.mjs'

const screenshotDir = join(repoRoot, 'docs', 'screenshots')
const squiggle = '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info'
const problemRow = '.markers-panel .monaco-list-row'
const actionRow = '.action-widget .monaco-list-row.action'

/**
 * @param {{node: string, vscodeDir: string, vsix: string, keep?: boolean, screenshots?: boolean}} options
 */
export async function runUiCheck({node, vscodeDir, vsix, keep = false, screenshots = process.env.WHYLINT_SCREENSHOTS === '1'}) {
  const start = Date.now()
  const step = (/** @type {string} */ text) => console.log(`${formatMs(Date.now() - start).padStart(8)}  ${text}`)
  const root = makeRunRoot('ui')
  let passed = false
  try {
    const folder = makeWorkspace(root)
    await installExtension({node, vscodeDir, root, vsix})
    step('VSIX installed')
    const server = await startServer({
      node,
      vscodeDir,
      root,
      settings: {
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'extensions.ignoreRecommendations': true,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
      },
    })
    const browser = await launchBrowser({viewport: {width: 1280, height: 760}})
    try {
      const {page} = browser
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
      await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`)
      await page.waitForSelector('.monaco-workbench', {timeout: 60_000})
      await page.locator('.explorer-folders-view .monaco-list-row', {hasText: 'README.md'}).first().click({timeout: 60_000})
      await page.waitForSelector('.monaco-editor .view-lines', {timeout: 30_000})
      step('README.md open')
      await page.waitForSelector(squiggle, {timeout: 60_000})
      step('squiggle drawn')

      await page.keyboard.press('Control+Shift+M')
      await page.waitForSelector(problemRow, {timeout: 30_000})
      const problems = await page.locator(problemRow).allInnerTexts()
      step(`Problems panel: ${problems.length} rows`)
      if (!problems.some((row) => row.includes('whylint'))) throw new Error(`Unexpected Problems rows ${JSON.stringify(problems)}, expected one from \`whylint\``)
      await page.mouse.move(640, 200)
      if (screenshots) await shoot(page, 'problems.png')

      // Put the cursor inside the first finding, wait for the light bulb, then Ctrl+. opens the
      // quick-fix menu.
      const box = await page.locator(squiggle).first().boundingBox()
      if (!box) throw new Error('The squiggle has no box on screen')
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      await page.waitForSelector('.monaco-editor .lightBulbWidget', {state: 'visible', timeout: 15_000})
      await openQuickFixMenu(page)
      const actions = await page.locator(actionRow).allInnerTexts()
      step(`quick-fix menu: ${JSON.stringify(actions)}`)
      if (screenshots) await shoot(page, 'quick-fix.png')

      // Apply the fix that fills in the README's why.
      const before = await editorText(page)
      const problemsBefore = await panelText(page)
      const pick = actions.findIndex((title) => /why/i.test(title))
      if (pick < 0) throw new Error(`Unexpected quick fixes ${JSON.stringify(actions)}, expected one that adds a why`)
      // The menu takes keys, not clicks (a pointer block covers it); the first action has focus.
      for (let i = 0; i < pick; i++) await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.waitForFunction(
        (text) => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '') !== text,
        before,
        {timeout: 15_000},
      )
      const after = await editorText(page)
      if (after.length <= before.length) throw new Error(`Unexpected editor text after \`${actions[pick]}\`, expected a filled-in template`)
      step(`template applied (${actions[pick]}): ${after.length - before.length} characters added`)
      // The template moved the findings below it: the Problems panel follows once re-linted.
      await page.waitForFunction((text) => (document.querySelector('.markers-panel')?.textContent ?? '') !== text, problemsBefore, {timeout: 15_000})
      step('Problems panel updated')
      if (screenshots) await shoot(page, 'template.png')
      passed = true
    } catch (error) {
      await browser.page.screenshot({path: join(root, 'failure.png')}).catch(() => {})
      console.error(`screenshot of the failure: ${join(root, 'failure.png')}`)
      throw error
    } finally {
      await browser.close()
      await server.stop()
    }
  } finally {
    if (passed && !keep) removeRunRoot(root)
    else console.log(`kept ${root}`)
  }
}

/**
 * Ctrl+. right after the cursor moved can be swallowed while the editor recomputes its code
 * actions, so ask again (at most three times) until the menu shows.
 * @param {import('playwright-core').Page} page
 */
async function openQuickFixMenu(page) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.')
    try {
      await page.waitForSelector(actionRow, {timeout: 5_000})
      return
    } catch (error) {
      if (attempt === 3) throw error
      await page.keyboard.press('Escape')
    }
  }
}

/** @param {import('playwright-core').Page} page */
function panelText(page) {
  return page.evaluate(() => document.querySelector('.markers-panel')?.textContent ?? '')
}

/** @param {import('playwright-core').Page} page */
function editorText(page) {
  return page.evaluate(() => document.querySelector('.monaco-editor .view-lines')?.textContent ?? '')
}

/** @param {import('playwright-core').Page} page @param {string} name */
async function shoot(page, name) {
  mkdirSync(screenshotDir, {recursive: true})
  await page.screenshot({path: join(screenshotDir, name)})
  console.log(`wrote docs/screenshots/${name}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureDebianPackages()
  const node = await ensureNode(targets.newest)
  const {vscodeDir} = await ensureCodeServer(targets.newest, node)
  const vsixIndex = process.argv.indexOf('--vsix')
  const outDir = mkdtempSync(join(tmpdir(), 'whylint-ui-'))
  try {
    const vsix = vsixIndex > 0 ? resolve(process.argv[vsixIndex + 1] ?? '') : packageVsix({out: join(outDir, 'whylint.vsix')})
    const problems = vsixIndex > 0 ? [] : checkVsix(vsix)
    if (problems.length > 0) throw new Error(problems.join('\n'))
    await runUiCheck({node: node.bin, vscodeDir, vsix})
    console.log('UI check passed')
  } finally {
    rmSync(outDir, {recursive: true, force: true})
  }
}
