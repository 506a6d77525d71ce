// Does a comment only restate the code it documents? Mostly structure: split the code's
// identifiers into words, stem both sides, map verb synonyms onto one concept ("Gets", "returns",
// "fetches" ~ get), drop filler words, and measure how many of the comment's content words the
// code already says. A comment that adds a reason, unit, condition, limit or example is not a
// restatement even when it shares words with the code.

import {stem} from '../linear.js'

/** Split an identifier into lower-case words: camelCase, PascalCase, snake_case, kebab, digits. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])/g, ' ')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase())
}

// Verb (and a few noun) synonyms: every member maps to the group's first word.
const SYNONYM_GROUPS: string[][] = [
  ['get', 'return', 'fetch', 'retrieve', 'obtain', 'read', 'load', 'give', 'getter', 'find', 'lookup', 'look', 'query', 'provide', 'yield', 'grab', 'pull', 'access', 'accessor'],
  ['set', 'update', 'assign', 'store', 'write', 'put', 'save', 'setter', 'change', 'modify', 'mutator', 'persist', 'mark'],
  ['is', 'has', 'can', 'check', 'determine', 'test', 'whether', 'verify', 'tell', 'indicate', 'validate', 'true', 'bool', 'boolean', 'flag'],
  ['new', 'create', 'make', 'build', 'construct', 'instantiate', 'generate', 'constructor', 'ctor', 'factory', 'produce', 'alloc', 'allocate'],
  ['delete', 'remove', 'destroy', 'drop', 'erase', 'clear', 'unset', 'del', 'purge', 'discard', 'rm', 'rmdir', 'unlink'],
  ['init', 'initialize', 'initialise', 'initialization', 'initialisation', 'setup', 'prepare', 'start', 'startup', 'bootstrap'],
  ['to', 'convert', 'transform', 'conversion', 'as', 'cast', 'turn', 'map'],
  ['inc', 'increment', 'increase', 'bump', 'plusplus', 'incr'],
  ['dec', 'decrement', 'decrease', 'minusminus', 'decr'],
  ['loop', 'for', 'while', 'each', 'iterate', 'iteration', 'foreach', 'every', 'over', 'all', 'through', 'cycle'],
  ['call', 'invoke', 'run', 'execute', 'exec', 'apply', 'perform', 'do', 'trigger', 'fire'],
  ['handle', 'process', 'on', 'handler', 'listener', 'callback', 'respond'],
  ['print', 'log', 'output', 'display', 'show', 'render', 'draw', 'echo', 'puts', 'println', 'printf', 'console', 'logger', 'debug', 'info'],
  ['compare', 'equal', 'equals', 'eq', 'same', 'cmp', 'compareto', 'comparison'],
  ['count', 'size', 'length', 'len', 'number', 'num', 'total', 'amount'],
  ['add', 'append', 'push', 'insert', 'plus', 'sum', 'concat', 'include'],
  ['close', 'dispose', 'shutdown', 'stop', 'release', 'free', 'cleanup', 'teardown', 'finalize'],
  ['open', 'connect', 'connection', 'conn'],
  ['send', 'emit', 'dispatch', 'post', 'publish', 'notify', 'broadcast'],
  ['throw', 'thrown', 'threw', 'raise', 'exception', 'error', 'err', 'panic', 'failure'],
  ['main', 'entry', 'program', 'application', 'app'],
  ['str', 'string', 'text', 'name'],
  ['id', 'identifier', 'key'],
  ['list', 'array', 'arr', 'collection', 'items', 'vector', 'vec', 'slice', 'sequence', 'seq'],
  ['map', 'dict', 'dictionary', 'hash', 'hashmap', 'table', 'mapping'],
  ['arg', 'args', 'argument', 'param', 'params', 'parameter', 'parameters', 'option', 'options', 'opts', 'config', 'configuration', 'settings', 'cfg', 'conf'],
  ['result', 'res', 'ret', 'output', 'response', 'resp'],
  ['msg', 'message'],
  ['btn', 'button'],
  ['idx', 'index', 'indices', 'indexes', 'i', 'j', 'k', 'pos', 'position'],
  ['num', 'integer', 'int', 'number', 'float', 'double', 'long'],
  ['user', 'usr'],
  ['val', 'value'],
  ['obj', 'object'],
  ['temp', 'tmp', 'temporary'],
  ['src', 'source'],
  ['dst', 'dest', 'destination', 'target'],
  ['ctx', 'context'],
  ['req', 'request'],
  ['db', 'database'],
  ['fn', 'func', 'function', 'method', 'lambda'],
  ['cls', 'class', 'type', 'kind'],
  ['async', 'asynchronously', 'await', 'promise', 'future'],
  ['reset', 'restart', 'reinit'],
  ['clone', 'copy', 'replicate', 'duplicate'],
  ['sort', 'order', 'sorted'],
  ['parse', 'parser', 'decode', 'deserialize', 'unmarshal'],
  ['format', 'serialize', 'encode', 'marshal', 'stringify'],
  ['exit', 'quit', 'terminate', 'abort'],
  ['wait', 'sleep', 'delay', 'pause'],
  ['max', 'maximum', 'cap', 'upper', 'most'],
  ['min', 'minimum', 'lower', 'least'],
  // Abbreviations in names, read as the words they stand for.
  ['env', 'environment'],
  ['dir', 'directory', 'folder'],
  ['doc', 'document'],
  ['pkg', 'package'],
  ['repo', 'repository'],
  ['cb', 'callback'],
  ['evt', 'event'],
  ['buf', 'buffer'],
  ['char', 'chars', 'character', 'characters', 'ch'],
  ['desc', 'description'],
  ['prev', 'previous'],
  ['cur', 'current', 'curr'],
  ['addr', 'address'],
  ['img', 'image'],
  ['pwd', 'password', 'passwd'],
  ['ts', 'timestamp'],
  ['auth', 'authentication', 'authenticate'],
  ['attr', 'attribute', 'attrs', 'attributes'],
  ['elem', 'element', 'el'],
  ['col', 'column'],
  ['struct', 'structure'],
  ['iface', 'interface'],
  ['reg', 'regs', 'register', 'registers'],
  ['impl', 'implementation', 'implement', 'implements'],
  ['mgr', 'manager'],
  ['op', 'ops', 'operation', 'operations'],
  ['sched', 'schedule', 'scheduling', 'scheduler'],
  ['dir', 'dirs', 'directory', 'directories', 'folder', 'folders'],
  ['destructor', 'dtor', 'deinit', 'finalizer'],
  ['deep', 'deeply', 'recursive', 'recursively'],
  ['mutex', 'mu', 'mtx'],
  ['ptr', 'pointer', 'ptrs', 'pointers'],
]

const canonical = new Map<string, string>()
// Listed words first, as written: stems collide ("indices" and "indicate" both stem to `indic`).
const exact = new Map<string, string>()
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0]!)
  for (const word of group) {
    const key = stem(word)
    if (!canonical.has(key)) canonical.set(key, head)
    if (!exact.has(word)) exact.set(word, head)
  }
}

// Words whose stem is a listed word's but whose sense is not: "the final state" is not finalize,
// and "The super method is a generator." does not say `construct_yaml_map`.
for (const word of ['final', 'finally', 'generator', 'generators']) exact.set(word, stem(word))
// Numbers written as words ("three retries" above `retries = 3`). Not "one", which is as often a
// pronoun ("the new one").
'two three four five six seven eight nine ten eleven twelve'.split(' ').forEach((word, index) => exact.set(word, String(index + 2)))

/** Whether `word` is one of the synonym groups' words as written (`get`, `param`, `id`), three letters or more or `id`. */
export function isListedWord(word: string): boolean {
  return (word.length >= 3 || word === 'id') && exact.has(word)
}

/** The two listed words a lowercase name is written from (`getparam` → get, param), if it is. */
function compoundParts(name: string): [string, string] | undefined {
  if (name.length < 6 || !/^[a-z]+$/.test(name)) return undefined
  for (let at = 3; at <= name.length - 3; at++) {
    const [left, right] = [name.slice(0, at), name.slice(at)]
    if (isListedWord(left) && isListedWord(right)) return [left, right]
  }
  return undefined
}

/** The concept a word stands for: its stem, mapped through the synonym groups. */
export function concept(word: string): string {
  const lower = word.toLowerCase()
  const listed = exact.get(lower)
  if (listed !== undefined) return listed
  const stemmed = stem(lower)
  return canonical.get(stemmed) ?? stemmed
}

/** Words that carry no content in a comment (articles, filler, "method", "given", "value"). */
const FILLER = new Set(
  (
    'the a an this that these those of for to in on at by with from into onto and or it its it\'s is are be been being was were will ' +
    'method function func class object instance value values given specified provided supplied passed current ' +
    'variable var field property member attribute here then also just simply basically which whose who ' +
    'helper utility util some any one our my your their we you they he she them us me i there ' +
    'new code line lines statement following above below s do does did done does ' +
    // Words a doc comment uses to frame a name, not to add to it: "The constant indicating that
    // the mode is INOUT", "the offset code corresponding to a specific offset", "Identifies the
    // generic SQL type". Not "simple": "Check for simple host names" says which ones.
    'corresponding respective specific particular existing indicating indicates identifies represents representing denotes ' +
    // What a declaration is, in the plural: "Retrieve the values of an object's properties." above
    // `values(obj)`, "Implementation of bulk remove methods." above `bulkRemove(filter)`. Not
    // "variables": "Print instance variables in self" says what `self.__dict__` holds.
    'methods functions classes objects instances fields properties members attributes helpers utilities ' +
    // "Implementation of bulk remove methods.": what every body is.
    'implementation'
  ).split(' '),
)

// Words that add something the code does not say: a reason, a unit, a condition, a limit, an example.
const ADDS = new Set(
  (
    'because since so otherwise avoid avoids prevent prevents ensure ensures order due reason why note warning important careful ' +
    'must never always only unless until except instead rather before after when if though although however but ' +
    'ms millisecond milliseconds second seconds sec secs minute minutes hour hours day days byte bytes kb mb gb percent utc ' +
    'null nil none undefined empty negative zero positive nonnegative infinity nan ' +
    'least most max maximum min minimum between range limit limits bound bounded ' +
    'example eg e.g such like see http https deprecated thread threadsafe safe safely concurrent concurrently lock locked atomic atomically ' +
    'cached cache lazily lazy idempotent sorted unique ascending descending inclusive exclusive ' +
    'defaults fallback caller callers callee later earlier elsewhere temporarily temporary legacy compatibility ' +
    'last previous assume assumes assuming presumably already still yet anymore ' +
    'requires require required needs needed unimplemented unsupported unavailable ' +
    'relatively recent recently newer older obsolete outdated unreliable experimental unstable expensive costly cheap slow slower faster quadratic ' +
    'efficient efficiently performant performantly should ' +
    // A verdict is a reason: "Yielding a generator is just wrong." above the error it raises.
    'wrong bad unsafe dangerous harmful pointless useless ' +
    'background asynchronously synchronously blocking nonblocking ' +
    // How a comparison or a walk goes: "strictly equal" beside a loose `JSEquals`, "deep copy".
    'strictly strict loosely loose deep deeply shallow shallowly recursively recursive transitively ' +
    'kilobyte kilobytes megabyte megabytes gigabyte gigabytes kib mib gib bit bits nanosecond nanoseconds ns microsecond microseconds µs'
  ).split(' '),
)

export function isAddsWord(word: string): boolean {
  return ADDS.has(word.toLowerCase())
}

export function isFiller(word: string): boolean {
  return FILLER.has(word.toLowerCase())
}

// A function declaration: a keyword that declares one, or a signature on a line of its own.
// C++ too: `const Frame& currentFrame() const;`. Bounded: callers pass a few lines of code.
const DECLARES_FUNCTION = /\b(?:function|def|fn|func|fun|sub)\b|^\s*(?:(?:public|private|protected|internal|static|final|override|virtual|async|export|abstract|inline|constexpr|explicit|const)\s+)*[\w<>[\],.?&*:]+\s+[&*]?\w+\s*\([^)]*\)(?:\s*throws [\w, ]*[\w,])?(?:\s*(?:const|noexcept|override))*\s*(?:\{\s*|;\s*)?$/

// Operators read as words.
const OPERATORS: Array<[RegExp, string[]]> = [
  [/\+\+/, ['increment']],
  [/--(?![-\w])|\w--/, ['decrement']],
  [/\+=/, ['add', 'increment']],
  [/-=/, ['decrement']],
  [/[^=!<>]=[^=>]/, ['set']],
  [/==|!=|===|!==|\bis\b/, ['compare', 'check']],
  // What a function returns is its result: "Gets a result." above `int getAsInt();`.
  [/=>|->|\breturn\b/, ['return', 'result']],
  // A function declaration returns something: "Returns the sum" above `function sum(values) {`.
  [DECLARES_FUNCTION, ['return', 'result']],
  // A method in a Go interface: `color() color`, `Lookup(path string) (Repo, error)`. Bounded:
  // one line, at most 200 characters inside each part.
  [/^\s*[A-Za-z_]\w*\([^()\n]{0,200}\) \(?[\w*[\]., ]{1,200}\)?$/, ['return', 'result']],
  [/\bnew\b|\bmake\(|::new\b/, ['new']],
  // Constructors: `constructor(`, `__init__`, `public Foo(`, `Foo::Foo(`.
  [/\bconstructor\s*\(|__init__|^\s*(?:(?:public|private|protected|internal)\s+)?([A-Z]\w*)\s*\(|\b([A-Z]\w*)::\2\s*\(/, ['new', 'init']],
  // Destructors: `~Connection()`, `__del__`, Swift's `deinit`, Rust's `fn drop(&mut self)`.
  [/~\w+\s*\(|__del__|\bdeinit\b|\bfn drop\s*\(/, ['destructor']],
  // An empty collection is a new one: "create a new array" above `const results = []`, "Create
  // a new hash" above `counts = {}`, "create an empty map" above `new Map<string, Handler>()`.
  // Bounded: one line, at most 200 characters between the angle brackets.
  [/\bnew\s+[\w.]+(?:<[^<>()\n]{0,200}>)?\(\s*\)|::new\(\s*\)|(?<![.\w])(?:dict|list|set)\(\s*\)/, ['new', 'empty']],
  // A Go variable declared without a value is a new zero value: "create a new buffer" above
  // `var buf bytes.Buffer`.
  [/^\s*var\s+\w+\s+[\w.*[\]]+\s*$/, ['new', 'empty']],
  // Swift's optional binding tests for nil: "check if the user is nil" above `guard let user = user`.
  [/\b(?:guard|if)\s+let\b/, ['check', 'if', 'null', 'nil']],
  // A Rust block's last expression is what it returns: "return Ok" above `Ok(())`. Bounded: one line.
  [/^\s*(?:Ok|Err|Some)\s*\([^;\n]{0,200}$/, ['return']],
  // A test for nothing: "Check whether the cart is empty" above `if (cart.items.length === 0)`.
  // Bounded: one line, at most 200 characters inside `len(…)`.
  [/(?:\.length|\.size\(\)|\.count|\.Count|\.Length|\blen\([^()\n]{0,200}\))\s*(?:===?|<)\s*[01]\b|\.isEmpty\b|\.IsEmpty\b|\bempty\(/, ['empty', 'is']],
  // The unit an API takes: "sleep 1 second" above `time.sleep(1)`, "delay 500 ms" above `delay(500)`.
  // Calls with a number, not a declaration such as `void setTimeout(int timeout)`. Bounded: one
  // line, at most 200 characters before the delay.
  [/\b(?:time|asyncio)\.sleep\s*\(\s*\d/, ['second', 'seconds', 'sec', 'secs']],
  [/\b(?:setTimeout|setInterval)\s*\([^()\n]{0,200},\s*\d|\b(?:Thread\.sleep|Task\.Delay|delay)\s*\(\s*\d/, ['ms', 'millisecond', 'milliseconds']],
  // Memory: "free memory" above `free(ptr)`. "wait for the flush" above `await FlushAsync(ct)`.
  [/\b(?:free|malloc|calloc|realloc)\s*\(/, ['memory']],
  [/\bawait\b/, ['wait']],
  // Files: "open the file" above `with open(path) as f:`, "close the file" above `fclose(fp)`.
  [/(?<![.\w])open\s*\(|\bf(?:open|close|read|write|flush|seek|gets|puts|printf)\s*\(|\bfp\b|\bfd\b/, ['file']],
  [/\bfopen\b/, ['open']],
  [/\bfclose\b/, ['close']],
  [/\bfread\b/, ['read']],
  [/\bfwrite\b/, ['write']],
  // A value's text: "Returns a string representation of this list." above `toString()`.
  [/\b(?:toString|ToString|to_s|to_string)\b|__str__|__repr__/, ['representation', 'string']],
  // "at least one warning" above `if warnings > 0:`.
  [/>\s*0(?![\d.])|>=\s*1(?![\d.])/, ['least', 'one']],
  [/\bif\b|\?/, ['if', 'check']],
  [/\b(?:for|while|forEach|each|map)\b/, ['loop']],
  [/\bthrow\b|\braise\b/, ['throw']],
  [/\bdel\b|\bdelete\b/, ['delete']],
  [/\bnull\b|\bnil\b|\bNone\b|\bundefined\b/, ['null']],
  [/\b(?:true|false|True|False)\b/, ['true']],
  [/<\s*0\b|>=\s*0\b/, ['negative']],
  [/\.length\b|\blen\(|\.size\(\)/, ['count']],
  // An empty literal says what it holds: "A list of keys to be removed" above `removals = []`.
  [/(?:[=:(,]|\breturn)\s*\[\s*\]/, ['list', 'new', 'empty']],
  // A Go array or slice literal with its elements is a list, and a lookup table: "Error table"
  // above `var errors = [...]string{`.
  [/=\s*\[(?:\.\.\.|\d*)\][\w.*]+\s*\{/, ['list', 'table']],
  [/(?:[=:(,]|\breturn)\s*\{\s*\}/, ['dict', 'new', 'empty']],
]

// A string literal that reads as words: letters, digits, spaces, sentence punctuation, `%s`.
const PLAIN_WORDS = /^(?=.*[A-Za-z]{2})(?:[A-Za-z0-9 ,.:!'>-]|%[sdv])*$/

/**
 * `code` with each one-line string literal (`"…"`, `'…'`, `` `…` ``, with `\` escapes) replaced by
 * a space, or by its words when it reads as plain words. A scan rather than a regex: from an unclosed quote a regex would rescan the rest of the
 * line at every later quote, which is quadratic on a long minified line. A failed scan for one
 * quote character also settles every opener of that character before where it failed (those were
 * escaped, so their scans run in step with it), so each character is scanned at most once per kind
 * of quote.
 */
export function blankStrings(code: string): string {
  let out = ''
  let copied = 0
  const failedUntil: Record<string, number> = {}
  for (let start = 0; start < code.length; start++) {
    const quote = code[start]!
    if ((quote !== '"' && quote !== "'" && quote !== '`') || start < (failedUntil[quote] ?? 0)) continue
    let index = start + 1
    let closed = false
    while (index < code.length) {
      const char = code[index]!
      if (char === quote) {
        closed = true
        break
      }
      if (char === '\n') break
      if (char === '\\') {
        // An escape takes the next character unless the line ends there.
        const next = code[index + 1]
        if (next === undefined || next === '\n' || next === '\r' || next === '\u2028' || next === '\u2029') break
        index += 2
      } else index++
    }
    if (!closed) {
      failedUntil[quote] = index
      continue
    }
    // A message or a name (`"already instantiated"`, `"Boolean"`) is words the code says; a
    // pattern or a format (`'(?:t|T)'`, `'%-10s'`) is data: only letters, digits, spaces and
    // sentence punctuation (with `%s` placeholders) are kept.
    const inner = code.slice(start + 1, index)
    // The names a string interpolates are code: `rm -rf "$BUILD_DIR"`, `` `${base}/out` ``.
    const names = quote === "'" ? '' : Array.from(inner.matchAll(/\$\{?([A-Za-z_]\w*)/g), (match) => match[1]).join(' ')
    out += `${code.slice(copied, start)} ${PLAIN_WORDS.test(inner) ? `${inner.replace(/%[sdv]/g, ' ')} ` : names === '' ? '' : `${names} `}`
    copied = index + 1
    start = index
  }
  return out + code.slice(copied)
}

// A declaration with parameters takes arguments: "Applies this function to the given argument"
// above `R apply(double value);`. Only those words: "Parses the config" above `parse(path)` still
// names what the argument is, so not `arg`, the synonym group's own word, which "option" and
// "config" map to. The parameters are what its first bracket holds.
const FIRST_BRACKET_HOLDS_SOMETHING = /^[^(]*\(\s*[^)\s]/
const ARGUMENT_WORDS = ['args', 'argument', 'arguments', 'param', 'params', 'parameter', 'parameters', 'input', 'inputs', 'operand', 'operands']

/** The concepts the code says: its identifiers split into words, keywords, types, operators. */
export function codeConcepts(code: string): Set<string> {
  const out = new Set<string>()
  // What a string or regex literal spells out is data, not what the code says: a comment that
  // explains a pattern (`'(?:t|T|[ \t]+)' // t, T or whitespace`) is not restating it.
  code = blankStrings(code)
  for (const match of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const parts = splitIdentifier(match[0])
    parts.forEach((part, index) => {
      out.add(concept(part))
      out.add(part)
      // A name's `Generator` makes things: "Generates prompts …" above `PromptGenerator(`.
      if (part === 'generator' || part === 'generators') out.add(concept('generate'))
      // A name's `should` asks a question ("Determines whether to retry" above `shouldRetry()`),
      // but a comment's states a requirement: "headers should be strings".
      if (part === 'should') out.add(concept('is'))
      // Two listed words written as one: C's `sched_getparam` says "get" and "param".
      for (const piece of compoundParts(part) ?? []) {
        out.add(piece)
        out.add(concept(piece))
      }
      // Two parts written as one word in the comment: `parameterModeInOut` says "INOUT".
      if (index > 0) out.add(`${parts[index - 1]}${part}`.toLowerCase())
    })
  }
  for (const [pattern, names] of OPERATORS) if (pattern.test(code)) for (const name of names) out.add(concept(name))
  if (DECLARES_FUNCTION.test(code) && FIRST_BRACKET_HOLDS_SOMETHING.test(code)) for (const word of ARGUMENT_WORDS) out.add(word)
  // Numbers the code holds cover the same numbers in the comment.
  for (const match of code.matchAll(/\d+(?:\.\d+)?/g)) out.add(match[0])
  // and a zero its word: "non-zero stream" above `assert frame.streamid() != 0`.
  if (/(?<![\w.])0(?![\w.])/.test(code)) out.add('zero')
  return out
}

/** Words of a comment: letters, apostrophes, digits (kept as written, so `30` can be matched). */
export function commentTokens(text: string): string[] {
  const out: string[] = []
  // A verb and its particle are one word: "Sets up the cache" says `setupCache`, "clean up" cleanup.
  text = text.replace(/\b(set|look|clean|shut|tear|start)(?:s|ting|ing|ed|ped)? (up|down)\b/gi, (phrase, verb: string, particle: string) => {
    const joined = `${verb}${particle}`.toLowerCase()
    return /^(?:setup|lookup|cleanup|shutdown|teardown|startup)$/.test(joined) ? joined : phrase
  })
  for (const match of text.matchAll(/[A-Za-z][A-Za-z']*|\d+(?:\.\d+)?/g)) {
    // Identifiers written in the comment (`getUser`) split like code.
    const word = match[0].replace(/'s$/, '')
    if (/[a-z][A-Z]|_/.test(word)) out.push(...splitIdentifier(word))
    else out.push(word.toLowerCase().replace(/'/g, ''))
  }
  return out
}
