import {DIRECTIVE, looksLikeCode} from '../../models/comment-restates/index.js'
import {judgeCommentWhy} from '../../models/comment-why/index.js'
import {lineIndex, lineStarts} from '../../lines.js'
import {defineRule} from '../../rule.js'
import {literalRanges} from '../../sources/code/index.js'
import type {CodeComment, SourceDocument} from '../../sources/types.js'
import type {Fix} from '../../types.js'
import {eolOf, indentAt, lineMarker, lineStart, nextLineStart} from '../comment-restates-code/host.js'

export interface Options {
  /** Look for unexplained numeric literals too. */
  magicNumbers: boolean
  /** Ask about timeouts, retry counts and numbers in test files too. */
  inTests: boolean
}

// Test files by the usual layouts: `test/`, `testing/`, `__tests__/`, `*.test.ts`, `*_spec.rb`,
// `test_*.py`, `conftest.py`, `*_test.go`, Rust's `tests.rs`. There a timeout is the test
// runner's patience and a number is test data; sleeps, skipped tests and swallowed errors still
// ask why.
const TEST_FILE = /(?:^|[\\/])(?:tests?|testing|__tests__|specs?|e2e)[\\/]|[._-](?:test|spec)s?\.[a-z0-9]+$|(?:^|[\\/])test_[^\\/]*\.py$|(?:^|[\\/])(?:tests?\.(?:rs|py)|conftest\.py)$/i
// JUnit, PHPUnit, NUnit and XCTest name test classes `FooTest`, `FooTests`, `FooSpec`, `FooIT`:
// case matters, or `Latest.java` would be one.
const TEST_CLASS = /[a-z0-9](?:Tests?|Spec|IT)\.(?:java|kt|kts|scala|groovy|php|cs|swift|m|mm)$/

function isTestFile(path: string): boolean {
  return TEST_FILE.test(path) || TEST_CLASS.test(path)
}
const TEST_EXEMPT = new Set(['timeout', 'retry'])
// Example code: `examples/`, `demo/`, `samples/`, and the `snippet-files/` that javadoc's
// `{@snippet}` tag includes. Its sleeps let a demo run for whoever watches it.
const EXAMPLE_FILE = /(?:^|[\\/])(?:examples?|demos?|samples?|snippet-files)[\\/]/i

/** A kind of code that needs a reason next to it. */
interface Concern {
  what: string
  pattern: RegExp
}

const CONCERNS: Concern[] = [
  // Timers only with a literal delay on the line (`setTimeout(fn, 0)` just defers; a computed delay is named).
  // Linear, bounded: the lookahead reads at most 200 characters after each call.
  {what: 'sleep', pattern: /\b(?:Thread\.sleep|time\.sleep|asyncio\.sleep|time\.Sleep|usleep|nanosleep|sleep|Task\.Delay|sleepFor)\s*\(|\b(?:setTimeout|setInterval|delay)\s*\((?=[^\n]{0,200}?,\s*[1-9][\d_]*\s*\))|\btime\.After\s*\(/g},
  // Grand Central Dispatch's timer: `dispatch_after(dispatch_time(DISPATCH_TIME_NOW, 0.1 *
  // NSEC_PER_SEC), queue, ^{…})`, up to the end of `dispatch_time(…)`, which holds the delay.
  {what: 'sleep', pattern: /\bdispatch_after\s*\(\s*dispatch_(?:wall)?time\s*\(/g},
  // A value of 0 or 1 resets a counter or turns a limit off: only larger values need a reason.
  // Bounded: a name of at most 40 characters on each side of the word, and at most 31 digits.
  {what: 'timeout', pattern: /\b\w{0,40}(?:timeout|Timeout|TIMEOUT|deadline|Deadline|ttl|TTL)\w{0,40}\s*(?::|=|\()\s*(?:[2-9]|\d[\d_]{1,30})(?:\.\d{1,30})?(?![\w.])/g},
  // The name ends in the retry word or a quantity after it (`maxRetries`, `RETRY_DELAY_MS`), so
  // `HELLO_RETRY_REQUEST = 6`, a message type, is not a retry count. Bounded as above.
  {what: 'retry', pattern: /\b\w{0,40}(?:retries|Retries|RETRIES|retry|Retry|RETRY|attempts|Attempts|ATTEMPTS|backoff|Backoff|BACKOFF)(?:_?(?:count|Count|COUNT|limit|Limit|LIMIT|max|Max|MAX|times|Times|TIMES|delay|Delay|DELAY|interval|Interval|INTERVAL|base|Base|BASE|factor|Factor|FACTOR|left|Left|LEFT|remaining|Remaining|REMAINING)){0,2}(?:_?(?:ms|Ms|MS|secs?|Secs?|SECS?|seconds|Seconds|SECONDS))?\s*(?::|=|\()\s*(?:[2-9]|\d[\d_]{1,30})(?![\w.])/g},
  {
    what: 'disabled check',
    pattern:
      /\bverify\s*=\s*False\b|\bcheck_hostname\s*=\s*False\b|\brejectUnauthorized\s*:\s*false\b|\bInsecureSkipVerify\s*:\s*true\b|\bNODE_TLS_REJECT_UNAUTHORIZED['"]?\s*[:=](?!=)|\bdanger_accept_invalid_certs\s*\(\s*true\s*\)|\b(?:it|describe|test)\.skip\s*\(|\bx(?:it|describe)\s*\(|@Ignore\b|@Disabled\b|@pytest\.mark\.skip\b|\bt\.Skip\s*\(|#\[ignore\]|\bsetValidating\s*\(\s*false\s*\)|\bcsrf\s*\(\s*\)\s*\.disable\s*\(\s*\)/g,
  },
  // Linear, bounded: after `rescue` at most 200 characters are read to the line's end.
  {what: 'empty catch block', pattern: /\bcatch\s*(?:\([^)]*\))?\s*\{\s*\}|\bexcept\b[^:\n]*:\s*(?:\r?\n[ \t]*)?pass\b|\brescue\b[^\n]{0,200}\r?\n[ \t]*end\b/g},
]

// A number a reader cannot place: three or more digits, or a fraction; not a well-known one. A
// fraction may have a type suffix: `0.4f` is as magic as `0.4`, `1000.0L` as plain as `1000`.
// Exponents (`1e-9`, a tolerance; `1e3`) are scales, not values someone tuned.
const MAGIC = /(?<![\w.$#])-?(?:\d+\.\d+[fFlLdD]?|\d{3,})(?![\w.])/g
// Factors between units: percent, degrees in a turn, days in a year, milli and kilo, binary kilo,
// mega, and hours, minutes and days in seconds or milliseconds. Written as a float too:
// `durationMs / 1000.0` turns milliseconds into seconds as `durationMs / 1000` does.
const UNIT_FACTORS = '100 360 365 1000 1024 3600 60000 86400 604800 31536000 3600000 86400000 1000000'.split(' ')
// Powers and limits of integer types, unit factors, HTTP status codes and ranges, ports.
const WELL_KNOWN = new Set(
  (
    '127 128 255 256 512 2048 4096 8192 16384 65535 65536 32767 32768 2147483647 2147483648 4294967295 0.5 0.25 0.75 ' +
    '200 201 204 299 300 301 302 304 307 308 399 400 401 403 404 405 409 410 422 429 499 500 502 503 504 599 ' +
    '443 8080 8443 130 ' +
    // RSA's standard public exponent (F4), and the audio sample rates of CDs and of video.
    '65537 44100 48000'
  )
    .split(' ')
    .concat(UNIT_FACTORS),
)

const LONG_COMMENT = 12

// A string of two words or more: a message. Bounded: one line, at most 200 characters a side.
const MESSAGE = /(["'`])[^"'`\n]{0,200}?\w \w[^"'`\n]{0,200}\1/
// The throw may open on one line and give its message on the next: `raise ValueError(` then
// `"Passwords longer than 1023 bytes are not supported by this backend"`.
const THROWS_MESSAGE = /^\s*(?:throw|raise)\b[^"'`]{0,200}(["'`])[^"'`\n]{0,200}?\w \w[^"'`\n]{0,200}\1/
const UI_GEOMETRY = /\b(?:Dimension|Insets|EmptyBorder|Rectangle|set(?:Preferred|Minimum|Maximum)?Size|setBounds|setLocation|setRowHeight|setDividerLocation)\s*\(/

// When a swallowed error happens, or that it is expected: "may not exist", "already closed",
// "LibreSSL does not provide it", "not an IPv4 address", "a race with the child's exit", "failed
// constructor", "during shutdown", "if the socket is gone", "invalid extra field data", "problems
// closing the stream", "only for Qt>=5.6", "must ignore broken pipe errors", "harmless", or what
// happens instead: "try the next date format", "the callback will be retried later", "Drop
// through. Use record message as format". Also that it cannot happen ("Won't happen", "should
// never happen"), that a party went away ("client vanished", "there is no system clipboard",
// "calls sys.exit(0) on EOF"), that something refused it ("SpinnerModel didn't like new value"), or
// that the real errors surface elsewhere ("are raised below"), and an aim ("Avoid exception
// chaining"). And what the code goes on with: the default ("Ignoring exception causes default to
// be returned"), the next candidate ("OK: continue with next class"), or nothing to read ("no
// signers present"), and an older platform ("it must be older than 1.4").
const EXPECTED_FAILURE = /(?:\bnot|\bnever|n't) (?:happen|occur|be thrown)\b|\b(?:defaults?|(?:continue|go on|move on|proceed)s? (?:with|to) (?:the )?next|no \w+(?: \w+)? (?:present|available|found|given|set|configured|installed)|(?:older|newer) than|impossible|unreachable|vanish(?:ed|es)?|disappear(?:ed|s)?|went away|there (?:is|are) no|on (?:eof|exit|shutdown|close)|(?:did|does|do)(?:n't| not) (?:like|accept|allow)|reject(?:s|ed)?|refus(?:es|ed)|(?:raised|handled|reported|logged|dealt with) (?:below|above|later|elsewhere|upstream|by the caller)|avoid(?:s|ing)?|may|might|sometimes|already|expected|optional|best[- ]effort|race|failed|when|if|in case|during|(?:does|do|did|is|are|was)(?:n't| not) (?:exist|have|provide|support|available|installed|present|set|there)|not (?:an?|in|available|supported|installed|present|found|there|exist)|(?:drops?|dropping|falls?|falling) (?:through|back)|fallback|instead|unsupported|missing|gone|absent|invalid|bogus|malformed|corrupt(?:ed)?|problems?|(?:try|tries|trying) (?:the )?next|(?:try|tries|trying|retry) again|(?:be|is|are|gets?) retried|(?:must|should|can|safe to) (?:safely )?(?:ignore|be ignored)|harmless|(?:still )?in use|locked|busy|(?:can|may|will|does) happen|happens (?:for|when|with|if|on|in)|not implemented|spurious|(?:try|tries|trying) (?:the )?(?:other|another|others)|stop \w+ing|leave (?:it|them) |(?:un)?expects?|read-only|only (?:(?:works?|runs?|supported|available|allowed|possible|valid|callable) )?(?:for|on|in|with|since|after|before|from)|on (?:windows|macos|linux|older|some))\b/i

// A pointer to where the reason is written: "see issue 5971", "See comment above.", "bpo-38630",
// a link. Bounded: at most 60 characters between "see" and what it points to.
const POINTS_TO_REASON = /\bditto\b|\bsame as (?:above|before)\b|\bsee\b[^\n.]{0,60}?(?:\babove\b|\bbelow\b|\bcomments?\b|\bissues?\b|\bbugs?\b|\btickets?\b|#\d)|\b(?:issue|bug|bpo|gh|ticket|cve)[-\s#]{0,2}\d{2,}|https?:\/\/\S/i

const TUNING = new Set(
  (
    'size limit max min threshold interval delay count capacity factor ratio weight percent buffer batch chunk page ' +
    'ms millis seconds secs sec duration length len timeout ttl retries retry attempts backoff rate quota budget depth ' +
    'cache expiry expire expires age poll concurrency workers parallel jitter margin tolerance epsilon scale'
  ).split(' '),
)

/** Whether a line's identifiers name a quantity someone chose. */
function tunes(line: string): boolean {
  for (const match of line.matchAll(/[A-Za-z_$][\w$]*/g)) {
    for (const part of match[0].replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) if (TUNING.has(part)) return true
  }
  return false
}

// Linear, bounded: one `except` clause up to its colon, or one `rescue` line. Ruby's
// `rescue LoadError` is the same idiom as Python's `except ImportError: pass`.
const OPTIONAL_IMPORT = /^except\s*\(?\s*(?:ImportError|ModuleNotFoundError)(?:\s*,\s*(?:ImportError|ModuleNotFoundError))*\s*\)?\s*(?:as\s+\w+\s*)?:|^rescue\s+LoadError\s*(?:=>\s*\w+\s*)?\r?\n/
// "Not found" swallowed right after deleting the thing: it is already gone, which is the point.
// Only that error: `rescue Errno::ENOENT, Errno::EACCES` also hides a permission problem.
const NOT_FOUND = /^(?:except\s*\(?\s*FileNotFoundError\s*\)?\s*(?:as\s+\w+\s*)?:|rescue\s+Errno::ENOENT\s*(?:=>\s*\w+\s*)?\r?\n|catch\s*\(\s*(?:final\s+)?NoSuchFileException\s+\w+\s*\))/
// `Dir.rmdir(dir)` then `rescue Errno::ENOTEMPTY, Errno::EEXIST, Errno::ENOENT`: remove a
// directory only if it is empty (some systems say EEXIST for that), or gone already.
const NOT_EMPTY = /^rescue\s+(?:Errno::(?:ENOTEMPTY|EEXIST|ENOENT)\s*,\s*){0,2}Errno::(?:ENOTEMPTY|EEXIST|ENOENT)\s*(?:=>\s*\w+\s*)?\r?\n/
const RMDIR = /\b(?:rmdir|Dir\.delete|Dir\.unlink|os\.rmdir|rmdirSync)\s*[(\s]/
const DELETES = /\b(?:unlink|unlinkSync|remove|rmdir|rmSync|rm|rm_f|rm_r|rm_rf|remove_dir|remove_entry|delete|deleteIfExists|rmtree)\s*[(\s]/

// A named integer constant alone on its line: `const OPT_RETRY_TIMEOUT = 12;`, `RES_TIMEOUT = 31,`.
// Bounded: one line, anchored at both ends, at most 200 characters of modifiers.
const CONSTANT_LINE = /^\s*(?:(?:public|private|protected|static|final|const|readonly|export)\s+){0,4}(?:int\s+|long\s+)?[A-Z][A-Z0-9_]{0,100}\s*=\s*(\d{1,9})\s*[;,]?\s*$/

/** Whether the constant at `offset` is one of a numbered list: the line above or below holds the value one less or one more. */
function numberedConstant(masked: string, offset: number): boolean {
  const start = lineStart(masked, offset)
  const value = CONSTANT_LINE.exec(masked.slice(start, nextLineStart(masked, offset)).replace(/\r?\n$/, ''))?.[1]
  if (value === undefined) return false
  const neighbour = (from: number, to: number) => CONSTANT_LINE.exec(masked.slice(from, to).replace(/\r?\n$/, ''))?.[1]
  const above = start > 0 ? neighbour(lineStart(masked, start - 1), start) : undefined
  const next = nextLineStart(masked, offset)
  const below = next < masked.length ? neighbour(next, nextLineStart(masked, next)) : undefined
  return [above, below].some((other) => other !== undefined && Math.abs(Number(other) - Number(value)) === 1)
}

/** The statements of the try block that ends where the catch at `offset` starts, if its `try` is at most three lines up. */
function tryStatements(masked: string, offset: number): string[] | undefined {
  // Linear, bounded: at most four lines; the last `try` opener is found by index.
  const before = linesBefore(masked, offset, 3) + masked.slice(lineStart(masked, offset), offset)
  const at = Math.max(before.lastIndexOf('try {'), before.lastIndexOf('try{'), before.lastIndexOf('try:'), before.lastIndexOf('begin\n'))
  if (at < 0) return undefined
  const body = before.slice(at).replace(/^(?:try\s*[{:]|begin\n)/, '').replace(/\}\s*$/, '')
  return body.split(/[;\n]/).map((part) => part.trim()).filter((part) => part !== '')
}

// Swallowed errors whose try block says why, as known idioms. Closing, shutting down or disposing
// of something, killing a process, or interrupting or cancelling a thread or task, quietly (`try {
// close(); } catch (IOException ignore) {}`, `IOUtils.closeQuietly(in)`, `t.interrupt()`), or
// deleting a temporary file (`fs.unlinkSync(tempPath)`): nothing is left to clean up, or the
// process is gone already. In JavaScript, `try { x = require('pnpapi') } catch {}` is an optional
// dependency, like Python's optional import. In Python, "not there" right after the one statement
// that looks for it or removes it: `try: return cache[key]` then `except KeyError: pass` falls
// through to the fallback, `try: paths.remove(p)` then `except ValueError: pass` removes it if
// present, and `try: chflags = os.chflags` then `except AttributeError: pass` uses an attribute
// only where the platform has it. A non-blocking read or write that would block (`except
// (BlockingIOError, InterruptedError): pass`) is tried again when the socket is ready, and a wait
// given a timeout (`proc.wait(timeout=5)` then `except TimeoutExpired: pass`) goes on when it runs
// out. `many`: the block may hold several such statements (closing two streams); otherwise it must
// hold exactly one.
// Bounded: each statement is one line of at most a few hundred characters. String literals are
// blanked, so `require("pnpapi")` reads `require(        )`.
const SWALLOW_IDIOMS: ReadonlyArray<{clause: RegExp; statement: RegExp; many?: true}> = [
  {clause: /^(?:catch|except|rescue)\b/, statement: /^(?:[\w$.[\]]{1,200}\.)?(?:close\w{0,40}|shutdown\w{0,40}|disconnect|dispose|destroy|kill|terminate|interrupt|cancel|unlink(?:Sync)?|rmSync|rmdirSync|rimraf(?:Sync)?|remove(?:Sync|Recursive|TempFile|TempDir))\(\s*(?:[\w$.]{1,100}\s*)?\)$/, many: true},
  {clause: /^catch\b/, statement: /^(?:(?:const|let|var)\s+)?[\w$.]{1,200}\s*=\s*require\([ \t]{2,400}\)$/},
  // Bounded as above: a clause up to its colon, a statement of one line.
  {clause: /^except\s*\(?\s*AttributeError\s*\)?\s*:/, statement: /^(?:[\w.]{1,200}\s*=\s*)?[\w.]{1,200}\.\w{1,100}$|^del\s+[\w.]{1,200}\.\w{1,100}$|^delattr\([^()\n]{1,200}\)$/},
  {clause: /^except\s*\(?\s*(?:KeyError|IndexError|LookupError)\s*\)?\s*:/, statement: /^(?:return\s+|[\w.]{1,100}\s*=\s*)?[\w.]{1,200}\[[^\]\n]{1,200}\](?:\.\w{1,100})?$|^del\s+[\w.]{1,200}\[[^\]\n]{1,200}\]$|^[\w.]{1,200}\.pop\([^()\n]{0,200}\)$/},
  {clause: /^except\s*\(?\s*ValueError\s*\)?\s*:/, statement: /^[\w.]{1,200}\.remove\([^()\n]{0,200}\)$/},
  {clause: /^except\s*\(?\s*StopIteration\s*\)?\s*:/, statement: /^(?:[\w.]{1,100}\s*=\s*)?next\(/},
  // A conversion that may not apply: `try: return float(token)` then `except ValueError: pass`,
  // `s.encode('iso-8859-1')` then `except UnicodeEncodeError: pass`. Not that type, so on to the
  // next reading. Each statement converts, or returns what it found. Bounded as above.
  {clause: /^except\s*\(?\s*(?:ValueError|TypeError|OverflowError|Unicode(?:En|De)?codeError|UnicodeError)(?:\s*,\s*(?:ValueError|TypeError|OverflowError|Unicode(?:En|De)?codeError|UnicodeError)){0,4}\s*\)?\s*:/, statement: /^(?:(?:return|if|elif)\s+)?(?:[\w.]{1,100}\s*(?:==|=)\s*)?[^\n]{0,200}\b(?:int|float|complex|Decimal|Fraction|ord|encode|decode|loads|literal_eval|strptime|fromisoformat|fromtimestamp|ip_address|ip_network|UUID|[Pp]arse\w{0,40}|\w{0,40}Numeric\w{0,40})\s*\([^\n]{0,200}\)\s*:?$|^return\s+(?:True|False|None|[\w.]{1,100})$/, many: true},
  // Ruby's `File.lchmod mode, path` then `rescue NotImplementedError`: a call only some platforms
  // have, as Python's attribute read above. Bounded as above.
  {clause: /^rescue\s+NotImplementedError\s*\r?\n/, statement: /^[\w.:]{1,200}(?:[ (][^\n]{0,200})?$/},
  // Bounded as above.
  {clause: /^except\s*\(?\s*(?:BlockingIOError|InterruptedError)(?:\s*,\s*(?:BlockingIOError|InterruptedError))?\s*\)?\s*:/, statement: /^(?:return\s+|[\w.,\s]{1,100}=\s*)?[\w.]{0,200}\b(?:recv|send|read|write|connect|accept)\w{0,20}\([^\n]{0,200}\)$/},
  {clause: /^except\s*\(?\s*(?:[\w.]{1,50}\.)?(?:TimeoutExpired|TimeoutError|timeout)\s*\)?\s*:/, statement: /^(?:return\s+|[\w.,\s]{1,100}=\s*)?[\w.]{1,200}\([^\n]{0,200}\btimeout\s*=[^\n]{0,200}\)$/},
]

// A catch whose variable is named for the reason: `catch (InterruptedException cannotHappen) {}`,
// JUnit's `catch (IllegalStateException expected) {}`. Not `ignore` or `ignored`, which say what.
// Bounded: one clause, at most 200 characters before the name.
const CATCH_NAMES_WHY = /^catch\s*\([^)]{0,200}?\s(?:cannot_?[Hh]appen|cant_?[Hh]appen|never_?[Hh]appens?|impossible|unreachable|expected)\s*\)/

const INSECURE_NAME = /\b(?:class|def|function|func|fn)\s+\w*(?:insecure|unverified|unsafe|no_?verify|skip_?verify|trust_?all)/i
const TLS_CHECK_OFF = /verify|Verify|check_hostname|rejectUnauthorized|REJECT_UNAUTHORIZED|accept_invalid_certs/

// A skip call or annotation whose first argument is a message or `reason` of three characters
// or more. Linear: anchored at the start, and each alternative reads three characters past the quote.
const SKIP_WITH_REASON = /^(?:\bt\.Skip\s*\(\s*(?:"[^"\n]{3}|`[^`]{3})|@(?:Ignore|Disabled)\s*\(\s*(?:value\s*=\s*)?"[^"\n]{3}|@pytest\.mark\.skip\s*\((?:\s*reason\s*=)?\s*['"][^'"\n]{3})/

/** Whether the empty catch `clause` at `offset` swallows what its try block's idiom expects. */
function swallowsAnIdiom(masked: string, offset: number, clause: string): boolean {
  // Ctrl-C: the user asked to stop, whatever the block was doing, however long it is. Bounded:
  // the clause is one line, up to its colon.
  if (/^except\s*\(?\s*KeyboardInterrupt\s*\)?\s*:/.test(clause)) return true
  const idioms = SWALLOW_IDIOMS.filter((idiom) => idiom.clause.test(clause))
  if (idioms.length === 0) return false
  const statements = tryStatements(masked, offset)
  if (!statements || statements.length === 0) return false
  return idioms.some((idiom) => (idiom.many || statements.length === 1) && statements.every((statement) => idiom.statement.test(statement)))
}

/** What follows the line at `offset`, to the end of a statement that spans up to `count` lines. */
function linesAfter(text: string, offset: number, count: number): string {
  const start = nextLineStart(text, offset)
  let end = start
  for (let lines = 0; lines < count; lines++) end = nextLineStart(text, end)
  return text.slice(start, end)
}

/** The `count` lines before the one holding `offset` (the body of a short try block). */
function linesBefore(masked: string, offset: number, count: number): string {
  let start = lineStart(masked, offset)
  for (let lines = 0; lines < count && start > 0; lines++) start = lineStart(masked, start - 1)
  return masked.slice(start, lineStart(masked, offset))
}

// A comment above a sleep that says why it waits: to try again, to back off, to let something
// settle, or what it waits for.
const WAIT_PURPOSE = /\b(?:wait(?:s|ing)? (?:for|until) (?!\d)|retry|retries|retrying|attempts?|try again|back ?off|rate[- ]?limit\w*|throttl\w*|debounc\w*|settle|catch up|give (?:it|them|the \w+) (?:time|a chance)|let (?:it|them|the \w+) (?:finish|settle|start|catch up))\b/i
/**
 * Whether a sleep at [start, end) of `masked` is one that needs a reason: one whose delay is a
 * number written in the call. Not the definition of a function named `sleep` (`async def
 * sleep(delay):`, `function sleep(ms) {`), not a delay with a name, and not a wrapper passing on
 * its own parameter (`fn sleep_ms(ms: u32) { sleep(Duration::from_millis(ms as u64)) }`), whose
 * callers choose the delay and are where the reason belongs.
 */
function needsReason(masked: string, start: number, end: number): boolean {
  const lineBegin = lineStart(masked, start)
  const before = masked.slice(lineBegin, start)
  if (/\b(?:def|function|func|fn)\s+$/.test(before)) return false
  // A method declared in a class body: `sleep(ms: number): Promise<void> {`.
  if (/^\s*(?:(?:public|private|protected|static|async|override)\s+)*$/.test(before) && /^\s*(?::[^\n{;=]{0,200})?\{/.test(masked.slice(end, end + 200))) return false
  // The names in the delay, the last argument: `sleep(ms)`, `sleep(Duration::from_millis(ms as
  // u64))`, not the request in Go pprof's `sleep(r, time.Duration(sec)*time.Second)`. Not the
  // receiver either: `time.sleep(self.delay)` passes on no parameter.
  const delay = lastArgument(masked.slice(start, end))
  const names = (delay.match(/[A-Za-z_$][\w$]*/g) ?? []).filter((name) => !/^(?:self|this|cls)$/.test(name))
  if (names.length === 0) return true
  // A delay with a name and no number (`Thread.sleep(period)`, `time.sleep(SLEEP_TIME)`,
  // `sleep(this.pause)`): the number is chosen, and its reason belongs, where the name gets its
  // value. Six readers of real code called 8 of the 10 hints on such sleeps wrong. A number
  // written in the call (`sleep(250)`, `sleep(backoff + 0.5)`) asks for its reason.
  // Unless the name is a local given a number a few lines up (`let pause =
  // Duration::from_millis(1);` then `sleep(pause)`): that number still has no reason.
  if (!/(?<![\w.$])\d/.test(delay)) return names.some((name) => numberAssignedAbove(masked, lineBegin, name))
  // Look back for the enclosing signature: on this line before the sleep, then up to 30 lines up.
  let parameters = signatureParameters(before)
  for (let at = lineBegin, lines = 0; parameters === undefined && lines < 30 && at > 0; lines++) {
    const previous = lineStart(masked, at - 1)
    parameters = signatureParameters(masked.slice(previous, at))
    at = previous
  }
  return parameters === undefined || !names.some((name) => parameters.includes(name))
}

/** Whether one of the five lines above `lineBegin` gives `name` a value written with a number. */
function numberAssignedAbove(masked: string, lineBegin: number, name: string): boolean {
  const assignment = new RegExp(`(?<![\\w$.])${name.replaceAll('$', '\\$')}\\s*(?::[^=\\n]{0,80})?=(?![=>])([^\\n]*)`)
  let start = lineBegin
  for (let lines = 0; lines < 5 && start > 0; lines++) {
    start = lineStart(masked, start - 1)
    const value = assignment.exec(masked.slice(start, nextLineStart(masked, start)))?.[1]
    if (value !== undefined) return /(?<![\w.$])\d/.test(value)
  }
  return false
}

/** The text of a call's last argument: after the last comma outside nested brackets. */
function lastArgument(call: string): string {
  const open = call.indexOf('(')
  let depth = 0
  let from = open + 1
  for (let at = from; at < call.length; at++) {
    const char = call[at]!
    if (char === '(' || char === '[' || char === '{') depth++
    else if (char === ')' || char === ']' || char === '}') depth--
    else if (char === ',' && depth === 0) from = at + 1
  }
  return call.slice(from)
}

/** The parameter names of a function signature on `line` (`def f(a, *b)`, `function f(a)`, `(a, b) =>`). */
function signatureParameters(line: string): string[] | undefined {
  // bounded: one line, and from each start at most 600 characters are read.
  const found = /\b(?:def|function|func|fn)\b[^(\n]{0,200}\(([^)\n]{0,400})\)/.exec(line) ?? /\(([^()\n]{0,400})\)\s*(?::[^=\n]{0,100})?=>/.exec(line)
  if (!found) return undefined
  return found[1]!.split(',').flatMap((parameter) => /^\s*(?:\*{1,2}|\.{3})?([A-Za-z_$][\w$]*)/.exec(parameter)?.[1] ?? [])
}

const WORKAROUND = /\b(?:hack|hacky|workaround|work around|kludge)\b/i
// A quote runs to its closing mark or, unclosed, to the end of the line, so each character is read
// once; only a closed quote is blanked.
const QUOTED = /"[^"\n]*"?|“[^”\n]*”?|`[^`\n]*`?/g
const CLOSE: Record<string, string> = {'"': '"', '“': '”', '`': '`'}
// "hack to spot fontSize changes" says what the hack is for, "Hack for IE11" what it works
// around, "This hack fixes an impedance mismatch" what it mends, and "A backward compatibility
// hack" what it keeps. "hack for now" and "hack to make it work" say none of these.
const WORKAROUND_AIM = /\b(?:hack|kludge)s?:?\s+(?:to|for|around)\s+(?!(?:now|today|the moment|the time being|this|that|it|make (?:it|this|things|tests?) (?:work|pass|compile))\b)[a-z0-9]|\b(?:hack|kludge|workaround)s?\s+(?:that\s+|which\s+)?(?:fixes|avoids|prevents|gets around|deals with|handles|keeps|ensures|lets|allows)\s+[a-z0-9]|\b(?:compatibility|compat|performance|speed|security|portability)\s+(?:hack|kludge|workaround)/i
// A hack that names the failure it avoids: "Ugly kludge, but calling curses.initscr() flat out
// crashes in emacs". Linear, bounded: at most 60 characters between the two words, with no
// sentence's end among them (a dot may join names: `curses.initscr()`).
// A hack weighed against the alternative: "This is a bit of a hack but is probably better than
// relying on the JEditorPane", "a hacky approximation, but it's good enough". Linear, bounded:
// at most 80 characters after the word, and 80 after the "but".
const WORKAROUND_TRADE_OFF = /\b(?:hack|kludge|workaround)\w*\b[\s\S]{0,80}?\bbut\b[\s\S]{0,80}?\b(?:better|nicer|simpler|cleaner|safer|faster|cheaper|good enough|worth it)\b/i
const WORKAROUND_PROBLEM = /\b(?:hack|kludge|workaround)\b(?:[^.\n]|\.(?=\S)){0,60}\b(?:crash(?:es|ed)?|hangs?|deadlocks?|breaks|broken|leaks?)\b/i

export default defineRule<Options>({
  id: 'comment-missing-why',
  description: 'Non-obvious code (sleeps, timeouts, retries, disabled checks, empty catch blocks, magic numbers, workarounds) needs a comment saying why',
  defaultSeverity: 'hint',
  targets: ['code'],
  fixable: true,
  options: {
    magicNumbers: {type: 'boolean', description: 'Also ask for a reason next to unexplained numeric literals', default: false},
    inTests: {type: 'boolean', description: 'Also ask about timeouts, retry counts and numbers in test files', default: false},
  },
  run({document, options, report, file}) {
    // In a test file, timeouts, retries and numbers are left alone unless `inTests` asks for them.
    const skipTestConcerns = !options.inTests && isTestFile(file.path ?? '')
    const text = document.text
    const masked = maskNonCode(document)
    const comments = document.comments ?? []
    const seenLines = new Set<number>()
    const sites: Array<{start: number; end: number; what: string}> = []
    for (const concern of CONCERNS) {
      if (skipTestConcerns && TEST_EXEMPT.has(concern.what)) continue
      concern.pattern.lastIndex = 0
      for (const match of masked.matchAll(concern.pattern)) {
        // `LOGIN_TIMEOUT: 440,` in a table of named codes is a name, not a setting.
        if (/^[A-Z][A-Z0-9_]+\s*:/.test(match[0])) continue
        const end = callEnd(masked, match.index + match[0].trimEnd().length)
        if (concern.what === 'sleep' && !needsReason(masked, match.index, end)) continue
        // Like `setTimeout`, a dispatch timer needs a reason only for a literal delay: a named one
        // says what it waits for (`maxDuration * NSEC_PER_SEC`), and zero just defers.
        if (/^dispatch_/.test(match[0]) && !/(?<![\w.])[\d.]*[1-9]/.test(masked.slice(match.index, end))) continue
        // A skip that gives its reason as its argument: Go's `t.Skip("no /etc/hosts file")`,
        // JUnit's `@Disabled("flaky on CI")`, pytest's `mark.skip(reason=…)`.
        if (concern.what === 'disabled check' && SKIP_WITH_REASON.test(text.slice(match.index, match.index + 300))) continue
        // Go's `time.After` waits only as a statement (`<-time.After(d)`). In a `select` case or
        // assigned to a channel (`timeout := time.After(…)`) it gives up waiting: a timeout.
        let what = concern.what
        if (what === 'sleep' && /^time\.After\b/.test(match[0]) && !/^\s*<-\s*$/.test(masked.slice(lineStart(masked, match.index), match.index))) {
          if (skipTestConcerns) continue
          what = 'timeout'
        }
        // A test talks to its own server, with a self-signed certificate: turning off TLS
        // verification there is the norm, not a decision to explain.
        if (skipTestConcerns && concern.what === 'disabled check' && TLS_CHECK_OFF.test(match[0])) continue
        // In a class or function named for it (`class InsecureHTTPAdapter`), turning the check off
        // is the point, and the name says so.
        if (concern.what === 'disabled check' && TLS_CHECK_OFF.test(match[0]) && enclosingHeaderLines(masked, match.index, document.language === 'python').some((header) => INSECURE_NAME.test(header))) continue
        // `try: import _speedups / except ImportError: pass` is the optional-dependency idiom: the
        // code says why.
        if (concern.what === 'empty catch block' && OPTIONAL_IMPORT.test(match[0])) continue
        if (concern.what === 'empty catch block' && NOT_FOUND.test(match[0]) && DELETES.test(linesBefore(masked, match.index, 3))) continue
        if (concern.what === 'empty catch block' && NOT_EMPTY.test(match[0]) && RMDIR.test(linesBefore(masked, match.index, 3))) continue
        // `const OPT_CONNECT_TIMEOUT = 11;` between `OPT_SOCKET_RECV_SIZE = 10` and `OPT_RETRY_TIMEOUT
        // = 12`: an option's code in a numbered list, not a number of seconds. So is `IMMEDIATE_RETRY
        // = 14` between `WAITING_FOR_OPERATION = 13` and `POSTPONED_RETRY = 15` in an enum.
        if ((concern.what === 'timeout' || concern.what === 'retry') && numberedConstant(masked, match.index)) continue
        // A Python parameter's default (`def __init__(self, base_url, timeout=60):`) is the API's
        // documented default, and every caller may pass another.
        if ((concern.what === 'timeout' || concern.what === 'retry') && document.language === 'python' && inDefinedDefault(masked, match.index)) continue
        // `HTTP_CLIENT_TIMEOUT = 408` names an HTTP status, not a number of seconds. Bounded: the
        // timeout pattern matches at most 40 word characters on each side of its name.
        if (concern.what === 'timeout' && /^\w*(?:HTTP|Http|STATUS|Status)\w*\s*[:=(]\s*[45]\d\d(?!\d)/.test(match[0])) continue
        // `TIMEOUT_BODY = 4 | USE_FAST_TIMER`: a bit in a set of flags, not a duration.
        if (concern.what === 'timeout' && /^[^|&\n]*(?:\|(?!\|)|&(?!&)|<<)/.test(masked.slice(match.index, nextLineStart(masked, match.index)))) continue
        // `#define sleep(x) Sleep((x) * 1000)` defines a sleep for another platform; it waits for nobody.
        if (concern.what === 'sleep' && /#\s*define\s+$/.test(masked.slice(lineStart(masked, match.index), match.index))) continue
        // A Python module's `if __name__ == "__main__":` block is a demo or a script: its sleeps
        // pace the output for whoever runs it.
        if (concern.what === 'sleep' && document.language === 'python' && inMainBlock(text, match.index)) continue
        if (concern.what === 'sleep' && EXAMPLE_FILE.test(file.path ?? '')) continue
        if (what === 'sleep' && pollsACondition(masked, match.index, end, document.language === 'python')) continue
        if (concern.what === 'empty catch block' && swallowsAnIdiom(masked, match.index, match[0])) continue
        if (concern.what === 'empty catch block' && CATCH_NAMES_WHY.test(match[0])) continue
        // `rm_r package_dir rescue nil`: Ruby's rescue modifier on a delete, removing it if it is there.
        if (concern.what === 'empty catch block' && /^rescue\s+nil\b/.test(match[0]) && DELETES.test(masked.slice(lineStart(masked, match.index), match.index))) continue
        sites.push({start: match.index, end, what})
      }
    }
    if (options.magicNumbers && !skipTestConcerns) {
      for (const match of masked.matchAll(MAGIC)) {
        const value = match[0].replace(/^-/, '').replace(/[fFlLdD]$/, '')
        if (WELL_KNOWN.has(value) || /^0\d/.test(value)) continue
        // A Python parameter's default is the API's documented default (`def pagerank(G,
        // alpha=0.85):`), as for timeouts.
        if (document.language === 'python' && inDefinedDefault(masked, match.index)) continue
        // `0.0`, `2.0`, `30.0` are the small whole numbers the pattern leaves alone as integers.
        if (Number.isInteger(Number(value)) && Number(value) < 100) continue
        if (Number.isInteger(Number(value)) && UNIT_FACTORS.includes(String(Number(value)))) continue
        const line = masked.slice(lineStart(masked, match.index), nextLineStart(masked, match.index))
        const before = masked.slice(Math.max(0, match.index - 4), match.index)
        // A named constant says what the number is; equality tests are codes (characters,
        // statuses), indexes and versions are not magic either.
        // A typed declaration too, as in Java or C: `int bufSize = 65507;`, `static final double
        // minUpdateFraction = 0.05;`.
        if (/^\s*(?:export\s+)?(?:(?:public|private|protected|internal|static|final|readonly|const|let|var|val)\s+)*(?:(?!(?:return|yield|throw|case|else|await)\b)[A-Za-z_$][\w$]*(?:<[\w$, ]{0,80}>)?(?:\[\])*\s+)?(?:(?:self|this)\.)?[\w$]+\s*(?::[^=]*)?=\s*-?[\d.]+[fFlLdD]?[\s;,]*$/.test(line)) continue
        // `CHAR_Z: 122,` in a table of constants, compiled enums, rows of numbers (ranges, tables).
        if (/^\s*["']?[A-Z][A-Z0-9_]+["']?\s*:\s*-?[\d.]+(?:\s*,)?\s*$/.test(line) || /\w\[\s*["']\w+["']\s*\]\s*=\s*-?\d/.test(text.slice(lineStart(text, match.index), nextLineStart(text, match.index)))) continue
        if ((line.match(/(?<![\w.])-?\d+(?:\.\d+)?[fFlLdD]?(?![\w.])/g) ?? []).length >= 3) continue
        // A number passed with a message (`fail(1002, 'Frame cannot be masked')`) is a code the message explains.
        if (MESSAGE.test(text.slice(lineStart(text, match.index), nextLineStart(text, match.index)))) continue
        // So is a bound checked right before a throw that says what it guards: `if (buf.length <
        // 120)` then `throw new Error('Truncated ELF header')`.
        if (/^\s*(?:\}\s*else\s+)?(?:if|elif|unless)\b/.test(line) && THROWS_MESSAGE.test(linesAfter(text, match.index, 3))) continue
        // Window and widget geometry (`frame.setSize(500, 600)`, `new Dimension(0, 150)`) is laid
        // out by eye, not chosen for a reason a comment could give.
        if (UI_GEOMETRY.test(line)) continue
        // Only numbers that tune something (a size, a limit, a delay, a ratio) ask for a reason:
        // protocol codes and format constants are looked up, not chosen.
        if (!tunes(line)) continue
        // An assertion's expected value follows from its input: `assert_eq!(parse_duration("7hr"),
        // Ok(Duration::new(25200, 0)))` in a test module at the bottom of a source file.
        if (/\bassert\w*!?\s*\(|\bexpect\s*\(|^\s*assert\s/.test(line)) continue
        // `quantile(values, 0.95)`: a percentile says what it is.
        if (/\b(?:quantile|percentile|p\d{2})\w*\s*\(/i.test(line)) continue
        // Bit masks and shifts are read as bits, not quantities.
        if (/[^&|]&[^&]|[^|]\|[^|]|<<|>>|\^/.test(line)) continue
        // Linear, bounded: each repetition reads at most 200 characters from its start.
        if (/\b(?:const|final|static|readonly|enum)\b[^=]{0,200}?\b[A-Z][A-Z0-9_]+\s*(?::[^=]{0,200})?=/.test(line) || /#define|\bversion\b|\bcase\b|charCodeAt|codePointAt|\b(?:code|char|ch)\s*[<>]=?\s*\d/i.test(line)) continue
        // An SDK or library version check: in `#if __IPHONE_OS_VERSION_MAX_ALLOWED < 100000`,
        // 100000 is iOS 10 and the macro's name says so. Bounded: one line.
        if (/^\s*#\s*(?:el)?if\b/.test(line) && /VERSION\w*\s*(?:[<>]=?|[=!]=)|(?:[<>]=?|[=!]=)\s*\w*VERSION/i.test(line)) continue
        // A comment between the number and the test is masked to spaces: `2028/*LS*/ == c`.
        if (/[=!]==?\s*$|\[\s*$/.test(before) || /^\s*[=!]==?/.test(masked.slice(match.index + match[0].length, match.index + match[0].length + 40))) continue
        sites.push({start: match.index, end: match.index + match[0].length, what: 'magic number'})
      }
    }
    sites.sort((a, b) => a.start - b.start)
    const lineOf = lineNumbers(text)
    // Where the last site ends: a number inside it is part of it (`dispatch_after(`, then
    // `dispatch_time(DISPATCH_TIME_NOW, (int64_t)(0.01 * NSEC_PER_SEC))` on the next line).
    let covered = -1
    for (const site of sites) {
      const line = lineOf(site.start)
      if (seenLines.has(line) || site.start < covered) continue
      seenLines.add(line)
      covered = Math.max(covered, site.end)
      const found = documenting(comments, site.start, site.end, lineOf) ?? documentingDelay(masked, comments, site, lineOf)
      // A number in a loop's body, under a comment above the loop that gives its reason: "Insert
      // the items in chunks to not cause stack overflows." over `items.slice(start, start + 10000)`.
      if (!found && site.what === 'magic number') {
        const loop = loopComment(masked, comments, site.start, lineOf)
        if (loop && judgeCommentWhy(loop.prose.originalSlice(text, 0, loop.prose.text.length)).label === 'present') continue
      }
      const shown = masked.slice(site.start, site.end).replace(/\s+/g, ' ')
      const quoted = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown
      // A tool directive alone (`/* c8 ignore next */`) is no reason, unless it gives one after
      // its rule (`// eslint-disable-line no-empty -- the file may be gone`); a comment added
      // for it goes above the directive, which applies to the line after it.
      const directive = found && isDirective(found) ? found : undefined
      if (directive && judgeCommentWhy(directive.prose.originalSlice(text, 0, directive.prose.text.length)).label === 'present') continue
      if (site.what === 'empty catch block') {
        // Python catches a named error to steer, not to hide it ("easier to ask forgiveness than
        // permission"): `except KeyError: pass` alone is the idiom, and three readers of real
        // code called 76 of 111 such hints wrong. A bare `except:` or `except Exception:` still
        // asks, unless the try's `else:` follows: that weighs both outcomes, and the error case
        // does nothing.
        if (!found && /^except\b/.test(shown) && (!BROAD_EXCEPT.test(shown) || hasElse(masked, site.start))) continue
        // Cleaning up before rethrowing the first error: a second one must not replace it
        // (`try { listener.stopListening(args); } catch (IOException e) {}` then `throw ex;`).
        if (/^\s*(?:throw|raise)\b/.test(masked.slice(site.end, site.end + 200))) continue
        // A `try` that returns, with code after its catch, is one way of several: the error sends
        // the code on to the next. Unless the catch's comment doubts it: "TODO should this throw?".
        const attempt = tryOf(masked, site.start)
        const doubt = found !== undefined && DOUBT.test(text.slice(found.offset, found.endOffset))
        if (attempt && !doubt && endsInReturn(attempt.body) && goesOn(masked, site.start, site.end)) continue
        // The reason for a swallowed error is often given once, above the `try`: "Will not throw
        // InvalidRoleValueException, so catch it for the compiler".
        const tryAt = attempt?.start
        const above = tryAt === undefined ? undefined : documenting(comments, tryAt, tryAt + 3, lineOf)
        // A docstring right above documents the function, not the `try`.
        if (above && above.style !== 'doc' && !isDirective(above) && gives(above, text)) continue
        // Or inside the `try`, at the call that throws: "Will throw if cross origin, which should
        // be caught and ignored since we need the interval to keep running".
        // It must speak of an error, and not of another one than the catch takes: a long try
        // holds comments about other things ("this may throw an IllegalStateException, but it
        // will be caught … in the action that invoked this method").
        const speaksOfThis = (inside: CodeComment): boolean => {
          const raw = text.slice(inside.offset, inside.endOffset)
          const named = raw.match(/\b\w+(?:Exception|Error)\b/g) ?? []
          return NAMES_ERROR.test(raw) && named.every((name) => shown.includes(name))
        }
        if (tryAt !== undefined && comments.some((inside) => inside.offset > tryAt && inside.endOffset <= site.start && inside.style !== 'doc' && !isDirective(inside) && speaksOfThis(inside) && gives(inside, text))) continue
        // Two plain fallbacks need no comment: a try that only assigns a variable set just above
        // keeps that value on error (`width = 80`, then `try: width = terminal_width()`), and the
        // error out of an endless loop inside the try is how the loop ends (`while True:` then
        // `q.get_nowait()`, until `except Empty: pass`).
        if (!found && attempt && (keepsDefault(masked, attempt) || ENDLESS_LOOP.test(attempt.body))) continue
      }
      const comment = directive ? undefined : found
      if (comment) {
        const prose = comment.prose.originalSlice(text, 0, comment.prose.text.length)
        // A comment of a dozen words or more next to such code nearly always explains it.
        if (prose.split(/\s+/).filter((word) => /\w/.test(word)).length >= LONG_COMMENT) continue
        // Above an empty catch block, saying when the error happens ("the encoder sometimes does
        // not exist") says it is expected: that is the reason it is swallowed.
        if (site.what === 'empty catch block' && EXPECTED_FAILURE.test(prose)) continue
        // So does one that says more than "ignore" or "do nothing": what follows ("Skip this
        // plotter", "Exit without notifying") or when ("not Mac OS X"). A doubt still asks.
        if (site.what === 'empty catch block' && !DOUBT.test(text.slice(comment.offset, comment.endOffset)) && !onlyNoOp(prose)) continue
        // Above a sleep, saying it waits to try again, or to let something settle, is the reason
        // it waits: "ConnectPipe() failed with ERROR_PIPE_BUSY: retry later".
        if (site.what === 'sleep' && WAIT_PURPOSE.test(prose)) continue
        // The raw text too: a link in angle brackets (`See: <https://spec.commonmark.org/…>`) is not prose.
        if (POINTS_TO_REASON.test(prose) || POINTS_TO_REASON.test(text.slice(comment.offset, comment.endOffset))) continue
        const judged = judgeCommentWhy(prose)
        if (judged.label === 'present') continue
        report({
          message: `Comment says what \`${quoted}\` does, not why: add the reason (${site.what})`,
          start: comment.offset,
          end: comment.endOffset,
          expected: ['a reason: the problem, constraint or trade-off behind it'],
          note: judged.evidence.join('\n'),
          fixes: [template(document, comment.trailing ? site.start : lineStart(text, site.start), site.what)],
        })
      } else {
        report({
          message: `Unexplained ${site.what} \`${quoted}\`: add a comment saying why`,
          start: site.start,
          end: site.end,
          expected: ['a comment with the reason'],
          fixes: [template(document, directive ? directive.offset : site.start, site.what)],
        })
      }
    }
    // Comments that call something a hack or workaround but do not say what it works around.
    for (const comment of comments) {
      const prose = comment.prose.originalSlice(text, 0, comment.prose.text.length)
      // Words in quotes are an example, not a name for this code: "turned out a bit hacky".
      const hit = WORKAROUND.exec(prose.replace(QUOTED, (quote) => (quote.length > 1 && CLOSE[quote[0]!] === quote.at(-1) ? ' '.repeat(quote.length) : quote)))
      if (!hit || !comment.code || seenLines.has(lineOf(comment.code.offset))) continue
      if (WORKAROUND_AIM.test(prose) || WORKAROUND_PROBLEM.test(prose) || WORKAROUND_TRADE_OFF.test(prose) || judgeCommentWhy(prose).label === 'present') continue
      seenLines.add(lineOf(comment.code.offset))
      report({
        message: `Comment calls this a \`${hit[0]}\` but not what it works around: add the reason`,
        start: comment.offset,
        end: comment.endOffset,
        expected: ['the problem it works around, and when it can go'],
        fixes: [template(document, comment.code.offset, 'workaround')],
      })
    }
  },
})

/** A match that ends in `(` extends to its closing parenthesis on the same line. */
function callEnd(text: string, end: number): number {
  if (text[end - 1] !== '(') return end
  let depth = 1
  for (let index = end; index < text.length; index++) {
    const char = text[index]
    if (char === '\n') break
    if (char === '(') depth++
    else if (char === ')' && --depth === 0) return index + 1
  }
  return end
}

/** The text with comments and string literals blanked out (same length), so patterns only see code. */
function maskNonCode(document: SourceDocument): string {
  const chars = document.text.split('')
  const blank = (start: number, end: number) => {
    for (let index = start; index < end && index < chars.length; index++) if (chars[index] !== '\n' && chars[index] !== '\r') chars[index] = ' '
  }
  for (const comment of document.comments ?? []) blank(comment.offset, comment.endOffset)
  for (const [start, end] of literalRanges(document)) blank(start, end)
  // `whylint-…` directive and test-marker comments are not in `comments`.
  for (const match of document.text.matchAll(/(?:\/\/|#|\/\*)[ \t]*whylint-[^\r\n]*/g)) blank(match.index, match.index + match[0].length)
  return chars.join('')
}

function lineNumbers(text: string): (offset: number) => number {
  const starts = lineStarts(text)
  return (offset) => lineIndex(starts, offset)
}

/**
 * The comment that documents code at [start, end): a trailing comment on its line, a comment
 * whose documented code is on that line, a comment inside the construct (an empty catch block
 * holding only a comment), or the comment just above the line.
 */
/**
 * Whether the comment above a `try` explains why its error is swallowed. Unlike a comment in the
 * catch, a long one may only describe the block, so length alone does not count.
 */
function gives(comment: CodeComment, text: string): boolean {
  const prose = comment.prose.originalSlice(text, 0, comment.prose.text.length)
  if (POINTS_TO_REASON.test(text.slice(comment.offset, comment.endOffset))) return true
  // It must speak of the failure: "When n>=size, it's faster to use sorted()" says why the block
  // is there, not why its error may pass.
  if (!ABOUT_FAILURE.test(prose)) return false
  return EXPECTED_FAILURE.test(prose) || judgeCommentWhy(prose).label === 'present'
}

const ABOUT_FAILURE = /\b(?:invalid|malformed|throws?|thrown|throwing|exceptions?|errors?|fail(?:s|ed|ure)?|catch(?:es)?|caught|rais(?:e|es|ed)|bugs?|available|exists?|present|supported|missing|fall(?:s|ing)? (?:back|through)|fallback|otherwise)\b/i

// How far back `tryOf` looks for the `try` of a catch: a try block longer than this is left alone.
const TRY_REACH = 4000

/** A comment that questions the code rather than explaining it: "TODO should this throw?". */
const DOUBT = /\b(?:TODO|FIXME|XXX|REVISIT|TBD)\b|\?/

// The words of a comment that only says an error is swallowed: "ignore", "do nothing", "no op",
// "eat it up", "All exceptions are ignored.", "Fail silently", "ignore close exceptions".
const NO_OP_WORDS = new Set(
  ('ignore ignored ignores ignoring do does nothing no op noop swallow swallowed swallows swallowing silently silent quietly ' +
    'mask masked squelch squelched suppress suppressed etc ' +
    'eat eats it up empty pass fine ok okay just we here the this that these all any a an and to be is are can should will ' +
    'intentionally intentional deliberately on purpose catch catches caught exception exceptions error errors e ex ' +
    'close closing fail fails failure failed return returns null none nil nada continue log logged').split(' '),
)

/**
 * Whether a comment says no more than that the error is swallowed: its words are all no-op
 * words or names of errors, it ignores errors of one kind ("ignore stat errors"), or it is
 * commented-out code (`//System.err.println("ldap.abandon: " + ex);`).
 */
function onlyNoOp(prose: string): boolean {
  if (looksLikeCode(prose) || /^\s*(?:ignore|swallow|suppress)\s+(?:\w+\s+){1,2}(?:errors?|exceptions?|failures?)\W*$/i.test(prose)) return true
  return (prose.toLowerCase().match(/[a-z][a-z']*/g) ?? []).every((word) => NO_OP_WORDS.has(word) || /(?:exception|error)s?$/.test(word))
}

/** A Python clause that catches every error: `except:`, `except Exception:`, `except (OSError, BaseException):`. */
const BROAD_EXCEPT = /^except\s*:|^except\b[^:]*\b(?:Base)?Exception\b/

const NAMES_ERROR = /\b(?:throws?|thrown|throwing|exceptions?|errors?|fails?|failed|failure|catch|caught|raises?|raised)\b/i

/** A loop that only an error or a `break` ends: `while True:`, `while (true)`, `for (;;)`. */
const ENDLESS_LOOP = /^[ \t]*(?:while(?:[ \t]*\([ \t]*(?:true|1)[ \t]*\)|[ \t]+(?:True|1)[ \t]*:)|for[ \t]*\([ \t]*;[ \t]*;[ \t]*\))/m

/**
 * The `try` of the catch or `except` at `offset`, in masked code (comments and strings blanked):
 * where it starts, and its block's code. Braces: the block before `catch`, back past any earlier
 * catch clauses of the same statement. Python: the `try:` above at the same indentation.
 */
function tryOf(masked: string, offset: number): {start: number; body: string} | undefined {
  if (masked.startsWith('except', offset)) {
    const indent = offset - lineStart(masked, offset)
    let start = lineStart(masked, offset)
    let firstExcept = start
    while (start > 0 && offset - start < TRY_REACH) {
      start = lineStart(masked, start - 1)
      const line = masked.slice(start, nextLineStart(masked, start))
      const depth = line.length - line.trimStart().length
      if (line.trim() === '' || depth > indent) continue
      // An earlier `except` of the same `try` is passed over; any other line ends the search.
      if (depth === indent && /^\s*except\b/.test(line)) {
        firstExcept = start
        continue
      }
      if (depth !== indent || !/^\s*try\s*:/.test(line)) return undefined
      return {start: start + depth, body: masked.slice(nextLineStart(masked, start), firstExcept)}
    }
    return undefined
  }
  let at = offset
  for (let clause = 0; clause < 20; clause++) {
    let index = at - 1
    while (index >= 0 && /\s/.test(masked[index]!)) index--
    if (masked[index] !== '}') return undefined
    const close = index
    // Back to the `{` that opens the block.
    let depth = 0
    for (; index >= 0 && at - index < TRY_REACH; index--) {
      const char = masked[index]
      if (char === '}') depth++
      else if (char === '{' && --depth === 0) break
    }
    if (depth !== 0 || index < 0) return undefined
    const open = index
    let end = index
    while (end > 0 && /\s/.test(masked[end - 1]!)) end--
    // `try (Resource r = …) {` and `catch (E e) {`: back past the parentheses.
    let head = end
    if (masked[end - 1] === ')') {
      let parens = 0
      for (head = end - 1; head >= 0 && end - head < TRY_REACH; head--) {
        if (masked[head] === ')') parens++
        else if (masked[head] === '(' && --parens === 0) break
      }
      if (parens !== 0 || head < 0) return undefined
      while (head > 0 && /\s/.test(masked[head - 1]!)) head--
    }
    // Bounded: the word before is read from at most 20 characters.
    const word = /(\w+)$/.exec(masked.slice(Math.max(0, head - 20), head))?.[1]
    if (word === 'try') return {start: head - 3, body: masked.slice(open + 1, close)}
    if (word !== 'catch') return undefined
    at = head - 5
  }
  return undefined
}

/**
 * Whether code runs after the catch at `start`–`end` fails over: a statement after it, in its
 * block or in one around it, or the next turn of a loop. A catch that ends its function returns
 * nothing, silently: `try: return response.json()` then `except ValueError: pass`.
 */
function goesOn(masked: string, start: number, end: number): boolean {
  if (masked.startsWith('except', start)) return goesOnInPython(masked, start, end)
  let at = end
  for (let level = 0; level < 10; level++) {
    while (at < masked.length && /\s/.test(masked[at]!)) at++
    if (at >= masked.length) return false
    if (masked[at] !== '}') return !/^(?:catch|finally)\b/.test(masked.slice(at, at + 8))
    // The catch ends a block: a loop's body goes on; a function's ends; any other, look past it.
    let depth = 0
    let index = at
    for (; index >= 0 && at - index < TRY_REACH; index--) {
      const char = masked[index]
      if (char === '}') depth++
      else if (char === '{' && --depth === 0) break
    }
    if (depth !== 0 || index < 0) return false
    // Bounded: the header is read from at most 300 characters before the block.
    const header = masked.slice(Math.max(0, index - 300), index)
    if (/\b(?:for|while)\s*\([^{}]{0,300}\)\s*$|\bdo\s*$/.test(header)) return true
    if (!/(?:\b(?:if|else|try|finally|switch|synchronized|unsafe)\b[^{};]{0,300}|\bcatch\s*\([^{};]{0,300}\)\s*)$/.test(header)) return false
    at++
  }
  return false
}

/** `goesOn` for Python: the next line at the except's indentation or less. */
function goesOnInPython(masked: string, start: number, end: number): boolean {
  const indent = start - lineStart(masked, start)
  for (let at = nextLineStart(masked, end), lines = 0; at < masked.length && lines < 400; at = nextLineStart(masked, at), lines++) {
    const line = masked.slice(at, nextLineStart(masked, at))
    if (line.trim() === '') continue
    const depth = line.length - line.trimStart().length
    if (depth > indent || /^\s*(?:except|else|finally)\b/.test(line)) continue
    // A statement in the same function runs next; a new definition means the function ended.
    if (!/^\s*(?:def|class|async\s+def|@)/.test(line) && depth > functionIndent(masked, start)) return true
    break
  }
  // The function ends here; a loop around the try still goes on to its next turn.
  return loopAround(masked, start)
}

/** The lines that open the Python blocks around the line at `offset`, innermost first. */
function* enclosingHeaders(masked: string, offset: number): Generator<{line: string; depth: number}> {
  let indent = offset - lineStart(masked, offset)
  for (let start = lineStart(masked, offset), lines = 0; start > 0 && indent > 0 && lines < 2000; lines++) {
    start = lineStart(masked, start - 1)
    const line = masked.slice(start, nextLineStart(masked, start))
    if (line.trim() === '') continue
    const depth = line.length - line.trimStart().length
    if (depth >= indent) continue
    yield {line, depth}
    indent = depth
  }
}

/** Whether the line at `offset` of Python source is inside its `if __name__ == "__main__":` block. */
function inMainBlock(text: string, offset: number): boolean {
  for (const {line} of enclosingHeaders(text, offset)) if (/^if\s+__name__\s*==\s*(["'])__main__\1\s*:/.test(line.trim())) return true
  return false
}

/** The indentation of the `def` the line at `offset` is in, or -1 at module level. */
function functionIndent(masked: string, offset: number): number {
  for (const {line, depth} of enclosingHeaders(masked, offset)) if (/^\s*(?:async\s+)?def\b/.test(line)) return depth
  return -1
}

/** Whether a `for` or `while` encloses the line at `offset` inside its function. */
function loopAround(masked: string, offset: number): boolean {
  for (const {line} of enclosingHeaders(masked, offset)) {
    if (/^\s*(?:async\s+)?(?:for|while)\b/.test(line)) return true
    if (/^\s*(?:async\s+)?(?:def|class)\b/.test(line)) return false
  }
  return false
}

/**
 * Whether a try block ends by returning: `try { return format.parse(text) } catch (ParseException
 * e) {}` tries one way, and an error only sends the code on to the next.
 */
function endsInReturn(body: string): boolean {
  const statements = body.trimEnd().replace(/;$/, '').split(/[;{}\n]/)
  const last = statements.map((statement) => statement.trim()).filter((statement) => statement !== '').at(-1)
  return last !== undefined && /^return\b/.test(last)
}

/** Whether `offset` sits among the parameters of a Python `def`, before its closing parenthesis. */
function inDefinedDefault(masked: string, offset: number): boolean {
  let depth = 0
  for (let index = offset - 1; index >= 0 && offset - index < 2000; index--) {
    const char = masked[index]
    if (char === ')' || char === ']' || char === '}') depth++
    else if (char === '(' || char === '[' || char === '{') {
      if (depth > 0) {
        depth--
        continue
      }
      // Bounded: the name before the parenthesis is read from at most 200 characters.
      return char === '(' && /\bdef\s+\w+\s*$/.test(masked.slice(Math.max(0, index - 200), index))
    }
  }
  return false
}

/** Whether the Python `except` at `offset` is followed, after any other `except`, by the try's `else:`. */
function hasElse(masked: string, offset: number): boolean {
  const indent = offset - lineStart(masked, offset)
  for (let at = nextLineStart(masked, offset), lines = 0; at < masked.length && lines < 200; at = nextLineStart(masked, at), lines++) {
    const line = masked.slice(at, nextLineStart(masked, at))
    if (line.trim() === '') continue
    const depth = line.length - line.trimStart().length
    if (depth > indent || (depth === indent && /^\s*except\b/.test(line))) continue
    return depth === indent && /^\s*else\s*:/.test(line)
  }
  return false
}

/**
 * Whether a try block only assigns a variable that was given a value in the six lines above:
 * `String eid = null;` then `try { eid = reader.readLine(); } catch (IOException e) {}` keeps
 * that value when the call fails. A type annotation may sit between the name and its value.
 */
function keepsDefault(masked: string, attempt: {start: number; body: string}): boolean {
  const statements = attempt.body.split(/[;\n]/).map((statement) => statement.trim()).filter((statement) => statement !== '')
  if (statements.length !== 1) return false
  const target = /^(?:(?:this|self)\.)?([A-Za-z_$][\w$]*)\s*(?:[-+*/|&]|\?\?|\|\||&&)?=(?!=)/.exec(statements[0]!)?.[1]
  if (target === undefined) return false
  const assigned = new RegExp(`(?:^|[^\\w$.])(?:(?:this|self)\\.)?${target.replaceAll('$', '\\$')}\\s*(?::[^=;\\n]{1,80})?=(?![=>])`)
  let start = attempt.start
  for (let lines = 0; lines < 6 && start > 0; lines++) {
    start = lineStart(masked, start - 1)
    if (assigned.test(masked.slice(start, nextLineStart(masked, start)))) return true
  }
  return false
}

/**
 * The lines that open the blocks around `offset`, innermost first, at most eight: Python's by
 * indentation, other languages' by their braces (the text before each unclosed `{`, from the
 * start of its line).
 */
function enclosingHeaderLines(masked: string, offset: number, python: boolean): string[] {
  const headers: string[] = []
  if (python) {
    for (const {line} of enclosingHeaders(masked, offset)) {
      headers.push(line)
      if (headers.length >= 8) break
    }
    return headers
  }
  let depth = 0
  for (let index = offset - 1; index >= 0 && offset - index < 20_000 && headers.length < 8; index--) {
    const char = masked[index]
    if (char === '}') depth++
    else if (char === '{') {
      if (depth > 0) depth--
      else headers.push(masked.slice(lineStart(masked, index), index))
    }
  }
  return headers
}

/**
 * Whether a block header opens a loop that waits on a condition: `while (!ready)`, `while
 * container.status == "running":`, `do {`. Not `while (true)`, which runs a task every so often.
 */
function isConditionLoop(header: string): boolean {
  const compact = header.replace(/\s+/g, '')
  if (/^\}?do$/.test(compact)) return true
  return /^\}?while\b/.test(header.trim().replace(/^\}\s*/, '}')) && !/^\}?while\(?(?:true|True|1)\)?:?$/.test(compact)
}

/**
 * Whether a sleep with a delay other than zero paces a loop that waits on a condition, within
 * its three innermost blocks: the loop's condition says what it waits for, and the delay is how
 * often it looks. Readers of real code called each such hint wrong ("poll interval in a wait
 * loop"). So is a `for` or `while (true)` loop that leaves, above the sleep, once what it waits
 * for has come: `for _ in range(n):`, `if connected: return`, then `time.sleep(0.01)`.
 * `sleep(0)` still asks: giving up the thread on purpose needs saying.
 */
function pollsACondition(masked: string, start: number, end: number, python: boolean): boolean {
  if (/^[\s0.)]*$/.test(lastArgument(masked.slice(start, end)))) return false
  return enclosingHeaderLines(masked, start, python).slice(0, 3).some(isConditionLoop) || leavesLoopAbove(masked, start)
}

/**
 * Whether the loop around the line at `offset` has a `break` or `return` in its body above that
 * line. Reads by indentation, at most 12 lines up: the first line indented less than this one
 * must open a `for` or `while` loop.
 */
function leavesLoopAbove(masked: string, offset: number): boolean {
  const begin = lineStart(masked, offset)
  const indent = offset - begin - masked.slice(begin, offset).trimStart().length
  let leaves = false
  for (let at = begin, lines = 0; at > 0 && lines < 12; lines++) {
    at = lineStart(masked, at - 1)
    const line = masked.slice(at, nextLineStart(masked, at))
    if (line.trim() === '' || /^\s*\}/.test(line)) continue
    if (line.length - line.trimStart().length < indent) return leaves && /^\s*(?:for|while)\b/.test(line)
    if (/\b(?:break|return)\b/.test(line)) leaves = true
  }
  return false
}

/** The comment above the loop whose header is at most four lines above `offset`, less indented. */
function loopComment(masked: string, comments: CodeComment[], offset: number, lineOf: (offset: number) => number): CodeComment | undefined {
  const lineBegin = lineStart(masked, offset)
  const indent = masked.slice(lineBegin, offset).length - masked.slice(lineBegin, offset).trimStart().length
  let header = lineBegin
  for (let lines = 0; lines < 4 && header > 0; lines++) {
    header = lineStart(masked, header - 1)
    const line = masked.slice(header, nextLineStart(masked, header))
    if (/^\s*(?:while|for|do)\b/.test(line) && line.length - line.trimStart().length < indent) {
      return documenting(comments, header, nextLineStart(masked, header), lineOf)
    }
  }
  return undefined
}

/**
 * A comment above the statement that computes a delay, for a call that only passes it on:
 * "The server returned a 502 or 503. Sleep for 0, 1, 2, 4, 8, 16, ... seconds and try again."
 * over `sleep_for = int(2 ** (retry_count - 1))`, then `sleep(sleep_for)`.
 */
function documentingDelay(masked: string, comments: CodeComment[], site: {start: number; end: number; what: string}, lineOf: (offset: number) => number): CodeComment | undefined {
  if (site.what !== 'sleep' && site.what !== 'timeout') return undefined
  const lineBegin = lineStart(masked, site.start)
  if (lineBegin === 0) return undefined
  // A sleep that paces a polling loop a few lines below its header: the comment above the loop
  // says what it waits for ("Wait until thread.serving is True to make sure we are really up").
  if (site.what === 'sleep') {
    const above = loopComment(masked, comments, site.start, lineOf)
    if (above) return above
  }
  const previous = lineStart(masked, lineBegin - 1)
  const assigned = /^\s*(?:(?:const|let|var|final|val|long|int|double|float)\s+)?([A-Za-z_$][\w$]*)\s*(?::[^=\n]{0,80})?=(?![=>])/.exec(masked.slice(previous, lineBegin))?.[1]
  if (assigned === undefined || !new RegExp(`(?<![\\w$.])${assigned.replaceAll('$', '\\$')}(?![\\w$])`).test(masked.slice(site.start, site.end))) return undefined
  return documenting(comments, previous, lineBegin, lineOf)
}

function documenting(comments: CodeComment[], start: number, end: number, lineOf: (offset: number) => number): CodeComment | undefined {
  const line = lineOf(start)
  // The nearest comment above wins: a file's header comment also names the first code after it
  // as its code, but a comment between the two is the one about that code.
  let nearest: CodeComment | undefined
  // `except AttributeError:` / `pass  # failed constructor`: a trailing comment on the last line too.
  const lastLine = lineOf(Math.max(start, end - 1))
  // A directive on the code's own lines (`except OSError:  # pragma: no cover`) is taken only if
  // no other comment is there or above: `pass  # see issue 5971` on the next line.
  let directiveOnCode: CodeComment | undefined
  for (const comment of comments) {
    const inside = comment.offset >= start && comment.endOffset <= end
    if (inside || (comment.trailing && (lineOf(comment.offset) === line || lineOf(comment.offset) === lastLine))) {
      if (!isDirective(comment)) return comment
      directiveOnCode ??= comment
    }
    const above = comment.endOffset <= start && ((comment.code && lineOf(comment.code.offset) === line) || (!comment.trailing && lineOf(comment.endOffset) === line - 1))
    if (above && (!nearest || comment.endOffset > nearest.endOffset)) nearest = comment
  }
  // `/* c8 ignore next */` or `// eslint-disable-next-line no-empty` speaks to a tool: the reason
  // is in the comment right above it, if there is one.
  if (nearest && isDirective(nearest)) {
    const directiveLine = lineOf(nearest.offset)
    const reason = comments.find((comment) => !comment.trailing && comment !== nearest && lineOf(Math.max(comment.offset, comment.endOffset - 1)) === directiveLine - 1)
    if (reason) return reason
  }
  return nearest ?? directiveOnCode
}

/** A comment that speaks to a tool (`/* c8 ignore next */`, `// eslint-disable-next-line`, `# pragma: no cover`). */
function isDirective(comment: CodeComment): boolean {
  return DIRECTIVE.test(comment.body.slice(0, 400))
}

function template(document: SourceDocument, at: number, what: string): Fix {
  const text = document.text
  const start = lineStart(text, at)
  const indent = indentAt(text, start)
  const marker = lineMarker(document)
  const prompt = `why this ${what} is needed`
  const eol = eolOf(text)
  return {
    title: 'Add a why comment',
    edits: [{offset: start, endOffset: start, text: `${indent}${marker} Why: <${prompt}>${eol}`, snippet: `${indent}${marker} Why: \${1:${prompt}}${eol}`}],
  }
}
