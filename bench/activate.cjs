// Child process: time `require('dist/extension.js')` and `activate()` with a stand-in `vscode`
// module, as the extension host would load it. Plain CommonJS on purpose: no TypeScript loader
// in the way of the timing.
//
//   node bench/activate.cjs dist/extension.js

'use strict'
const Module = require('node:module')
const path = require('node:path')

// A `vscode` that accepts any call: every property is a callable, constructible stand-in that
// remembers what is assigned to it, events return disposables, `getConfiguration().get(key, fallback)` returns the fallback, and nothing
// is thenable (so awaiting it does not hang).
function stub(name) {
  const target = function () {}
  const own = new Map()
  return new Proxy(target, {
    set(_target, prop, value) {
      own.set(prop, value)
      return true
    },
    get(_target, prop) {
      if (own.has(prop)) return own.get(prop)
      if (prop === 'then') return undefined
      if (prop === Symbol.toPrimitive) return () => ''
      if (prop === Symbol.iterator) return function* () {}
      if (prop === 'dispose') return () => undefined
      if (prop === 'length') return 0
      if (typeof prop === 'symbol') return undefined
      return stub(prop)
    },
    apply(_target, _this, args) {
      if (name === 'get' && args.length >= 2) return args[1]
      return stub(name)
    },
    construct() {
      return stub(name)
    },
  })
}

// Bundlers copy a module's own property names onto an ES namespace object (esbuild's
// `__toESM`), so the root stand-in lists the API's top-level names, read from @types/vscode.
function apiNames() {
  try {
    const types = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8')
    return [...new Set([...types.matchAll(/^\texport (?:class|enum|namespace|const|function|let|var) (\w+)/gm)].map((match) => match[1]))]
  } catch {
    return []
  }
}

function root() {
  const names = apiNames()
  const target = function () {}
  const inner = stub('vscode')
  return new Proxy(target, {
    get: (_target, prop) => inner[prop],
    ownKeys: () => [...names, 'prototype'],
    getOwnPropertyDescriptor(_target, prop) {
      if (prop === 'prototype') return Reflect.getOwnPropertyDescriptor(target, prop)
      return names.includes(prop) ? {configurable: true, enumerable: true, value: inner[prop]} : undefined
    },
  })
}

const fake = root()
const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return fake
  return load.call(this, request, parent, isMain)
}

async function main() {
  const file = path.resolve(process.argv[2])
  const root = path.resolve(path.dirname(file), '..')
  const memento = {get: (_key, fallback) => fallback, update: async () => undefined, keys: () => []}
  const context = {
    subscriptions: [],
    extensionPath: root,
    extensionUri: fake.Uri.file(root),
    extensionMode: 1,
    globalState: {...memento, setKeysForSync() {}},
    workspaceState: memento,
    asAbsolutePath: (relative) => path.join(root, relative),
    storageUri: undefined,
    globalStorageUri: fake.Uri.file(root),
    logUri: fake.Uri.file(root),
    extension: {id: 'whylint.whylint', extensionUri: fake.Uri.file(root), extensionPath: root, packageJSON: {}},
  }
  const cpu = process.cpuUsage()
  const start = performance.now()
  const extension = require(file)
  const loaded = performance.now()
  await extension.activate(context)
  const activated = performance.now()
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  process.stdout.write(`${JSON.stringify({requireMs: loaded - start, activateMs: activated - loaded, totalMs: activated - start, cpuMs})}\n`)
  process.exit(0)
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({error: String(error && error.stack ? error.stack : error)})}\n`)
  process.exit(0)
})
