// Code comments: what the lexers call a comment, per language family, including everything that
// only looks like one (strings, templates, regexes, raw strings, heredocs), and what each
// comment's prose, tags and documented code are.
import assert from 'node:assert/strict'
import {parseCode} from '../../src/engine/sources/code/index.js'
import type {ProseBlock} from '../../src/engine/prose.js'
import type {SourceDocument} from '../../src/engine/sources/types.js'

const lines = (...parts: string[]) => parts.join('\n')

interface Case {
  name: string
  language: string
  text: string
  /** Exact original text of every comment, in order. */
  comments: string[]
  /** The documented code of each comment (`null` for none), when stated. */
  code?: Array<string | null>
}

const CASES: Case[] = [
  // TypeScript / JavaScript
  {name: 'markers inside strings', language: 'typescript', text: lines(`const a = "// no /* no */"; // yes`, `const b = 'it\\'s // no' /* yes */`), comments: ['// yes', '/* yes */']},
  {
    name: 'template literals with nested holes',
    language: 'typescript',
    text: lines('const t = `a ${ "}" + `//x ${y /* hole */}` } // still text` // real'),
    comments: ['/* hole */', '// real'],
  },
  {
    name: 'regex literals after operators and keywords',
    language: 'javascript',
    text: lines('const re = /\\/\\/ no/g // one', 'const cls = /[/*]/ // two', 'function f() { return /\\/* no/.test(x) }'),
    comments: ['// one', '// two'],
  },
  {name: 'division is not a regex', language: 'javascript', text: lines('const d = a / b // div', 'const e = (c) / 2 / f // two'), comments: ['// div', '// two']},
  {name: 'shebang is not a comment', language: 'javascript', text: lines('#!/usr/bin/env node', '// yes', 'run()'), comments: ['// yes'], code: ['run()']},
  {name: 'unterminated block comment ends at EOF', language: 'typescript', text: lines('x()', '/* open', 'still'), comments: ['/* open\nstill']},
  {name: 'unterminated string ends at its line', language: 'typescript', text: lines('const s = "open', '// yes'), comments: ['// yes']},
  {name: 'unterminated template ends at EOF', language: 'typescript', text: lines('const s = `open', '// no'), comments: []},
  {name: 'empty block comment', language: 'typescript', text: 'f(/**/ 1)', comments: ['/**/']},
  {
    name: 'consecutive line comments merge; blank lines and trailing comments split',
    language: 'typescript',
    text: lines('// one', '// two', '', '// three', 'x() // four', '// five', 'y()'),
    comments: ['// one\n// two', '// three', '// four', '// five'],
    code: ['x()', 'x()', 'x()', 'y()'],
  },
  {
    name: 'whylint directives and test markers are not comments',
    language: 'typescript',
    text: lines('// whylint-disable-next-line comment-restates', '// keeps the cache warm', 'warm() // whylint-expect x@1'),
    comments: ['// keeps the cache warm'],
  },
  {
    name: 'annotations between a doc comment and its declaration',
    language: 'typescript',
    text: lines('/** Gets the user. */', '@Memo()', 'export function getUser(id: string): User {'),
    comments: ['/** Gets the user. */'],
    code: ['export function getUser(id: string): User {'],
  },
  {name: 'a JSX closing tag is not a regex', language: 'typescriptreact', text: 'const a = <b>x</b> // yes', comments: ['// yes']},
  // Java, C#, Go, C, C++
  {
    name: 'Java text blocks and char literals',
    language: 'java',
    text: lines('String s = """', '  // no', '  """; // yes', "char q = '\"'; // two", '@Override', 'public void run() {}'),
    comments: ['// yes', '// two'],
  },
  {
    name: 'C# verbatim, interpolated and raw strings',
    language: 'csharp',
    text: lines('var p = @"C:\\dir\\"; // one', 'var q = $"{(a ? "//" : "b")} /* no */"; // two', 'var r = """', '// no', '"""; /// three', 'var v = @"say ""//"" "; // four'),
    comments: ['// one', '// two', '/// three', '// four'],
  },
  {name: 'Go raw strings and runes', language: 'go', text: lines('s := `// no', '/* no */`', "r := '/' // yes"), comments: ['// yes']},
  {name: 'C char literals', language: 'c', text: lines("char c = '\"'; /* yes */", 'int x = 1; // two'), comments: ['/* yes */', '// two']},
  {
    name: 'C++ raw strings and digit separators',
    language: 'cpp',
    text: lines('auto s = R"x(// )" no)x"; // one', "int n = 1'000'000; // two", 'auto t = u8R"(/* no */)";'),
    comments: ['// one', '// two'],
  },
  // Rust, Kotlin, Swift: nested block comments
  {
    name: 'Rust nested comments, raw strings, chars and lifetimes',
    language: 'rust',
    text: lines('/* a /* b */ c */ fn f<\'a>(x: &\'a str) {}', 'let s = r#"// " no"#; // one', "let c = '\"'; // two", 'let b = br"//"; let q = b\'"\'; // three'),
    comments: ['/* a /* b */ c */', '// one', '// two', '// three'],
    code: ["fn f<'a>(x: &'a str) {}", 'let s = r#"// " no"#;', "let c = '\"';", 'let b = br"//"; let q = b\'"\';'],
  },
  {
    name: 'Rust doc markers do not merge with plain line comments',
    language: 'rust',
    text: lines('//! Crate docs.', '/// Item docs.', '/// More.', '// plain', '#[derive(Debug)]', 'struct S;'),
    comments: ['//! Crate docs.', '/// Item docs.\n/// More.', '// plain'],
    code: ['struct S;', 'struct S;', 'struct S;'],
  },
  {name: 'Rust inner attribute at file start is not a shebang', language: 'rust', text: lines('#![allow(dead_code)]', '// yes'), comments: ['// yes']},
  {
    name: 'Kotlin nested comments and string templates',
    language: 'kotlin',
    text: lines('/* a /* b */ c */', 'val s = "${"/*"} // no" // one', 'val t = """', '// no ${ "//" }', '""" // two'),
    comments: ['/* a /* b */ c */', '// one', '// two'],
  },
  {
    name: 'Swift raw strings, interpolation and multi-line strings',
    language: 'swift',
    text: lines('let a = #"// "no"#; // one', 'let b = "\\( "//" ) // no" // two', 'let c = """', '/* no */', '""" /* a /* b */ */'),
    comments: ['// one', '// two', '/* a /* b */ */'],
  },
  {
    name: 'Objective-C string objects, pragmas and method comments',
    language: 'objective-c',
    text: lines('#pragma mark - Helpers', 'NSString *s = @"// no"; // one', '/** Doc. */', '- (void)scrollViewDidScroll:(UIScrollView *)scrollView {'),
    comments: ['// one', '/** Doc. */'],
    code: ['NSString *s = @"// no";', '- (void)scrollViewDidScroll:(UIScrollView *)scrollView {'],
  },
  {
    name: 'Objective-C++ raw strings',
    language: 'objective-cpp',
    text: lines('auto r = R"(// no)"; // one', 'NSString *s = @"/* no */";'),
    comments: ['// one'],
  },
  {
    name: 'PHP hash comments, attributes, heredocs and HTML',
    language: 'php',
    text: lines('<p>// html</p>', '<?php', '#[Attr]', '# one', '$a = <<<EOT', '// no', 'EOT;', "$b = <<<'EOT'", '# no', 'EOT;', "$c = '// no'; // two ?> <b>// html</b>"),
    comments: ['# one', '// two '],
  },
  // Python
  {
    name: 'Python strings of every kind',
    language: 'python',
    text: lines("a = '# no'  # one", 'b = r"\\"# no"  # two', 'c = f"{x!r} # no"', 'd = """', '# no', '"""', "e = b'#'  # three"),
    comments: ['# one', '# two', '# three'],
  },
  {
    name: 'Python docstrings of module, class, def and async def',
    language: 'python',
    text: lines(
      '"""Module docs."""',
      'import os',
      '',
      'class A:',
      '    """Class docs."""',
      '',
      '    async def f(',
      '        self, x,',
      '    ) -> int:',
      "        '''Method docs.'''",
      '        """Not a docstring."""',
      '        return 1',
    ),
    comments: ['"""Module docs."""', '"""Class docs."""', "'''Method docs.'''"],
    code: [null, 'class A:', 'async def f(\n        self, x,\n    ) -> int:'],
  },
  {
    name: 'Python strings that are not docstrings',
    language: 'python',
    text: lines('x = 1', '"""Not first."""', 'def f():', '    return "x"', 'def g():', '    """doc""".strip()'),
    comments: [],
  },
  // Ruby
  {
    name: 'Ruby block comments, heredocs and % literals',
    language: 'ruby',
    text: lines('=begin', 'block', '=end', 's = <<~EOS', '  # no', 'EOS', 'w = %w[# no] # one', 'x = "#{y}" # two', 'r = /#no/ # three', 'c = ?#'),
    comments: ['=begin\nblock\n=end', '# one', '# two', '# three'],
  },
  // Shell
  {
    name: 'shell words that hold #, heredocs and quotes',
    language: 'shellscript',
    text: lines('#!/bin/sh', 'echo $# ${#arr[@]} a#b # one', "cat <<'EOF'", '# no', 'EOF', 'cat <<-EOF', '\t# no', '\tEOF', "echo '# no' \"# no\" # two", 'x=1;# three'),
    comments: ['# one', '# two', '# three'],
  },
]

function commentTexts(document: SourceDocument): string[] {
  return (document.comments ?? []).map((comment) => document.text.slice(comment.offset, comment.endOffset))
}

/** Every copied character of a block maps back to the same character in the original. */
function assertMapsBack(block: ProseBlock, text: string): void {
  for (let index = 0; index < block.text.length; index++) {
    if (block.touchesPlaceholder(index, index + 1)) continue
    const original = block.toOriginal(index)
    assert.equal(text[original], block.text[index], `prose ${JSON.stringify(block.text)} at ${index}`)
  }
  assert.ok(block.origStart >= 0 && block.origEnd <= text.length)
}

describe('sources/code: comments per language', () => {
  for (const testCase of CASES) {
    it(`${testCase.language}: ${testCase.name}`, () => {
      const document = parseCode(testCase.text, testCase.language)
      assert.deepEqual(commentTexts(document), testCase.comments)
      if (testCase.code) assert.deepEqual((document.comments ?? []).map((comment) => comment.code?.text ?? null), testCase.code)
      for (const comment of document.comments ?? []) assertMapsBack(comment.prose, testCase.text)
    })
  }

  it('picks the language from the file extension', () => {
    assert.deepEqual(commentTexts(parseCode("x = '# no' # yes", undefined, 'tool.py')), ['# yes'])
    assert.deepEqual(commentTexts(parseCode("x = '# no' # yes", undefined, 'tool.rb')), ['# yes'])
    assert.equal(parseCode('', undefined, 'a.sh').language, 'shell')
    assert.equal(parseCode('', 'go').language, 'c-like')
  })

  it('marks trailing comments and the code before them', () => {
    const text = lines('const port = 8080 // the proxy expects it')
    const [comment] = parseCode(text, 'typescript').comments!
    assert.equal(comment!.trailing, true)
    assert.deepEqual(comment!.code, {text: 'const port = 8080', offset: 0, endOffset: 17})
  })

  it('documents the code after a block comment on the same line', () => {
    const [comment] = parseCode('/* why */ retry(3)\n', 'typescript').comments!
    assert.equal(comment!.trailing, false)
    assert.equal(comment!.code?.text, 'retry(3)')
  })

  it('has no code for a comment at the end of the file', () => {
    const [comment] = parseCode('x()\n// done\n\n', 'typescript').comments!
    assert.equal(comment!.code, null)
  })

  it('parses directives in every comment syntax and keeps them out of comments', () => {
    const text = lines('// whylint-disable comment-restates', '# whylint-disable-line', '/* whylint-enable */', 'x() // whylint-disable-next-line a, b')
    const document = parseCode(text, 'php')
    assert.deepEqual(
      document.directives.map((directive) => [directive.type, directive.rules, text.slice(directive.offset, directive.endOffset)]),
      [
        ['disable', ['comment-restates'], '// whylint-disable comment-restates'],
        ['disable-line', [], '# whylint-disable-line'],
        ['enable', [], '/* whylint-enable */'],
        ['disable-next-line', ['a', 'b'], '// whylint-disable-next-line a, b'],
      ],
    )
    assert.deepEqual(document.comments, [])
  })

  it('reports code ranges as everything outside comments', () => {
    const text = 'a() // one\nb() /* two */ c()'
    const document = parseCode(text, 'typescript')
    assert.deepEqual(document.codeRanges, [
      [0, 4],
      [10, 15],
      [24, 28],
    ])
    assert.equal(document.blocks.length, 2)
  })

  it('handles CRLF line ends', () => {
    const text = '// one\r\n// two\r\nrun()\r\n'
    const [comment] = parseCode(text, 'typescript').comments!
    assert.equal(text.slice(comment!.offset, comment!.endOffset), '// one\r\n// two')
    assert.equal(comment!.prose.text, 'one\ntwo')
    assert.equal(comment!.code?.text, 'run()')
  })
})

describe('sources/code: comment prose and tags', () => {
  const one = (text: string, language: string) => {
    const document = parseCode(text, language)
    assert.equal(document.comments!.length, 1, `comments: ${JSON.stringify(commentTexts(document))}`)
    const comment = document.comments![0]!
    assertMapsBack(comment.prose, text)
    return comment
  }

  it('strips JSDoc markers, stars and block tags', () => {
    const text = lines(
      '/**',
      ' * Retries the upload, since the CDN drops one request in fifty.',
      ' *',
      ' * @param id - the upload id',
      ' *   (continued)',
      ' * @returns whether it worked',
      ' */',
      'function retry(id) {}',
    )
    const comment = one(text, 'javascript')
    assert.equal(comment.style, 'doc')
    assert.equal(comment.prose.text, 'Retries the upload, since the CDN drops one request in fifty.')
    assert.deepEqual(
      comment.tags.map((tag) => [tag.tag, tag.text, text.slice(tag.offset, tag.offset + tag.tag.length)]),
      [
        ['@param', 'id - the upload id (continued)', '@param'],
        ['@returns', 'whether it worked', '@returns'],
      ],
    )
    assert.equal(comment.code?.text, 'function retry(id) {}')
  })

  it('keeps inline tags and code spans out of prose', () => {
    const text = '/** Wraps {@link Client} so `retry()` can back off. */\nclass Wrapper {}'
    const comment = one(text, 'typescript')
    assert.match(comment.prose.text, /^Wraps \S+ so \S+ can back off\.$/)
    assert.ok(!comment.prose.text.includes('Client') && !comment.prose.text.includes('retry'))
    assert.deepEqual(comment.tags.map((tag) => [tag.tag, tag.text]), [['@link', 'Client']])
    const start = comment.prose.text.indexOf(' so') + 4
    assert.equal(comment.prose.originalSlice(text, start, comment.prose.text.indexOf(' can')), '`retry()`')
  })

  it('keeps fenced and indented code examples out of prose', () => {
    const text = lines('/**', ' * Parses it.', ' *', ' * ```ts', ' * parse("a") // call', ' * ```', ' *', ' *     indented()', ' * Then done.', ' */')
    const comment = one(text, 'typescript')
    assert.equal(comment.prose.text, 'Parses it.\n\nThen done.')
  })

  it('keeps the text of descriptive tags as prose', () => {
    const comment = one('/**\n * \\brief Caches lookups because DNS is slow here.\n * \\param host the host\n */\nint lookup(char *host);', 'c')
    assert.equal(comment.prose.text, 'Caches lookups because DNS is slow here.')
    assert.deepEqual(comment.tags.map((tag) => tag.tag), ['\\brief', '\\param'])
  })

  it('strips decoration and Markdown heading marks in doc comments', () => {
    const comment = one(lines('/// # Safety', '/// ----', '/// The pointer must be valid.', 'unsafe fn f() {}'), 'rust')
    assert.equal(comment.prose.text, 'Safety\n\nThe pointer must be valid.')
  })

  it('reads Sphinx fields, reST directives and literal blocks in docstrings', () => {
    const text = lines(
      'def send(path):',
      '    """Send a file, since the proxy buffers large bodies.',
      '',
      '    Use it like this::',
      '',
      '        send("a.txt")',
      '',
      '    .. versionadded:: 2.0',
      '        The path argument.',
      '',
      '    :param path: the file to send',
      '        on disk.',
      '    :returns: nothing',
      '    """',
    )
    const comment = one(text, 'python')
    assert.equal(comment.prose.text, 'Send a file, since the proxy buffers large bodies.\n\nUse it like this::')
    assert.deepEqual(
      comment.tags.map((tag) => [tag.tag, tag.text]),
      [
        ['.. versionadded::', '2.0 The path argument.'],
        [':param', 'path: the file to send on disk.'],
        [':returns', ': nothing'],
      ],
    )
    assert.equal(comment.code?.text, 'def send(path):')
  })

  it('reads Google and Numpy sections and doctests in docstrings', () => {
    const text = lines(
      'def f(a):',
      '    """Add one, as the API counts from one.',
      '',
      '    Args:',
      '        a: the number',
      '    Returns:',
      '        the number plus one',
      '',
      '    >>> f(1)',
      '    2',
      '',
      '    Notes',
      '    -----',
      '    Kept for old callers.',
      '',
      '    Parameters',
      '    ----------',
      '    a : int',
      '        The number.',
      '    """',
    )
    const comment = one(text, 'python')
    assert.equal(comment.prose.text, 'Add one, as the API counts from one.\n\n2\n\nKept for old callers.')
    assert.deepEqual(comment.tags.map((tag) => tag.tag), ['Args:', 'Returns:', 'Parameters'])
  })

  it('merges shell comment lines into one prose block with exact offsets', () => {
    const text = '#!/bin/bash\n# Pin the mirror: the default one\n# times out from CI.\ncurl "$MIRROR"\n'
    const comment = one(text, 'shellscript')
    assert.equal(comment.prose.text, 'Pin the mirror: the default one\ntimes out from CI.')
    const at = comment.prose.text.indexOf('times')
    assert.equal(comment.prose.toOriginal(at), text.indexOf('times'))
    assert.equal(comment.code?.text, 'curl "$MIRROR"')
  })
})

describe('sources/code: C# XML doc comments', () => {
  it('keeps summary text as prose and param/returns/code elements as structure', () => {
    const text = [
      '/// <summary>',
      '/// Caches the <see cref="User"/> because the store is slow.',
      '/// </summary>',
      '/// <param name="id">The user id.</param>',
      '/// <returns>',
      '/// The user.',
      '/// </returns>',
      '/// <code>',
      '/// var u = Get(1);',
      '/// </code>',
      'User Get(int id) { }',
    ].join('\n')
    const [comment] = parseCode(text, 'csharp').comments!
    assert.match(comment!.prose.text, /^\s*Caches the \S+ because the store is slow\.\s*$/)
    assert.ok(!comment!.prose.text.includes('cref'))
    assert.deepEqual(comment!.tags.map((tag) => [tag.tag, tag.text]), [
      ['<param>', 'id The user id.'],
      ['<returns>', 'The user.'],
    ])
    assert.equal(comment!.code?.text, 'User Get(int id) { }')
  })
})

describe('sources/code: tool pragmas', () => {
  it('keeps pragmas out of prose but keeps the comment and an ESLint reason', () => {
    const cases: Array<[string, string, string]> = [
      ['typescript', '// eslint-disable-next-line no-var\nvar a = 1\n', ''],
      ['typescript', '// eslint-disable-next-line no-var -- the generated code needs hoisting\nvar a = 1\n', 'the generated code needs hoisting'],
      ['go', '//go:build linux\n\npackage main\n', ''],
      ['python', '# -*- coding: utf-8 -*-\nx = 1  # type: ignore[assignment]\n', ''],
      ['ruby', '# frozen_string_literal: true\nx = 1\n', ''],
      ['typescript', '/* istanbul ignore next */\nf()\n', ''],
      ['typescript', '// Region of interest for the parser.\nf()\n', 'Region of interest for the parser.'],
    ]
    for (const [language, text, prose] of cases) {
      const document = parseCode(text, language)
      assert.ok(document.comments!.length > 0, text)
      assert.equal(document.comments!.map((comment) => comment.prose.text).join(''), prose, text)
    }
  })
})
