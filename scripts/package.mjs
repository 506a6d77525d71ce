// `npm run package`: build, then write `whylint-<version>.vsix` to the repository root with
// `vsce package --no-dependencies` (every runtime dependency is bundled into dist/), and check
// what went in. Options: `--out <file>`, `--no-build`.
//
// vsce refuses a package.json `files` list next to a `.vscodeignore`, and `files` is what npm
// publishes (the CLI). So vsce runs in a staging folder holding package.json without `files`, the
// `.vscodeignore`, and the paths it may re-include; `.vscodeignore` decides the rest.
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {inflateRawSync} from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const staged = ['dist', 'media', 'schema', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']
export const maxVsixBytes = 1.5 * 1024 * 1024

/**
 * Package the extension; returns the VSIX path.
 * @param {{out?: string, build?: boolean}} [options]
 */
export function packageVsix(options = {}) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const out = resolve(options.out ?? join(root, `${manifest.name}-${manifest.version}.vsix`))
  if (options.build !== false) exec(process.execPath, [join(root, 'scripts', 'build.mjs')], root)
  const stage = mkdtempSync(join(tmpdir(), 'whylint-vsix-'))
  try {
    for (const path of staged) if (existsSync(join(root, path))) cpSync(join(root, path), join(stage, path), {recursive: true})
    const {files: _files, scripts: _scripts, devDependencies: _devDependencies, ...vsixManifest} = manifest
    writeFileSync(join(stage, 'package.json'), JSON.stringify(vsixManifest, null, 2) + '\n')
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce')
    const args = ['package', '--no-dependencies', '--out', out]
    if (!manifest.repository) args.push('--allow-missing-repository')
    exec(process.execPath, [vsce, ...args], stage)
  } finally {
    rmSync(stage, {recursive: true, force: true})
  }
  return out
}

/**
 * What is wrong with a VSIX: empty when it is fine.
 * @param {string} vsix
 */
export function checkVsix(vsix) {
  const problems = []
  const size = statSync(vsix).size
  if (size > maxVsixBytes) problems.push(`Unexpected VSIX size ${size} bytes, expected at most ${maxVsixBytes}`)
  const names = zipEntries(vsix).map((entry) => entry.name)
  const bundled = names.filter((name) => name.includes('/node_modules/'))
  if (bundled.length > 0) problems.push(`Unexpected \`node_modules\` in the VSIX: ${bundled.slice(0, 3).join(', ')}`)
  const tests = names.filter((name) => name.startsWith('extension/dist/test/'))
  if (tests.length > 0) problems.push(`Unexpected test bundle in the VSIX: ${tests.join(', ')}`)
  const manifest = JSON.parse(readZipEntry(vsix, 'extension/package.json').toString('utf8'))
  // vsce stores README.md and CHANGELOG.md in lower case
  const lowerNames = new Set(names.map((name) => name.toLowerCase()))
  const required = ['extension/package.json', 'extension/readme.md', 'extension/changelog.md']
  for (const entry of [manifest.main, manifest.browser]) if (entry) required.push(join('extension', entry).replace(/^(.*?)(\.c?js)?$/, (_, base, ext) => base + (ext ?? '.js')))
  for (const name of required) if (!lowerNames.has(name.toLowerCase())) problems.push(`Missing \`${name}\` in the VSIX`)
  return problems
}

/**
 * The entries of a zip file, from its central directory.
 * @param {string} file
 * @returns {{name: string, method: number, compressedSize: number, size: number, localOffset: number}[]}
 */
export function zipEntries(file) {
  const data = readFileSync(file)
  // The end-of-central-directory record is the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw new Error(`${file} is not a zip file`)
  const count = data.readUInt16LE(end + 10)
  let offset = data.readUInt32LE(end + 16)
  const entries = []
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${file}: broken central directory`)
    const nameLength = data.readUInt16LE(offset + 28)
    const extraLength = data.readUInt16LE(offset + 30)
    const commentLength = data.readUInt16LE(offset + 32)
    entries.push({
      name: data.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      localOffset: data.readUInt32LE(offset + 42),
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * One entry's content (stored or deflated).
 * @param {string} file
 * @param {string} name
 */
export function readZipEntry(file, name) {
  const entry = zipEntries(file).find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`${file} has no \`${name}\``)
  const data = readFileSync(file)
  const start = entry.localOffset + 30 + data.readUInt16LE(entry.localOffset + 26) + data.readUInt16LE(entry.localOffset + 28)
  const raw = data.subarray(start, start + entry.compressedSize)
  return entry.method === 8 ? inflateRawSync(raw) : raw
}

/** @param {string} command @param {string[]} args @param {string} cwd */
function exec(command, args, cwd) {
  const result = spawnSync(command, args, {cwd, stdio: 'inherit'})
  if (result.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} exited with ${result.status ?? result.signal}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outIndex = process.argv.indexOf('--out')
  const vsix = packageVsix({build: !process.argv.includes('--no-build'), ...(outIndex > 0 ? {out: process.argv[outIndex + 1]} : {})})
  const problems = checkVsix(vsix)
  for (const problem of problems) console.error(problem)
  console.log(`${vsix}: ${statSync(vsix).size} bytes`)
  process.exit(problems.length > 0 ? 1 : 0)
}
