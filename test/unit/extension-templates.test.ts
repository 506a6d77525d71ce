import assert from 'node:assert/strict'
import {configTemplates, docComment, snippetToText, symbolOnLine, templateById, templatesFor, TEMPLATES, README_WHY} from '../../src/engine/templates.js'

describe('templates', () => {
  it('has the templates the issue asks for, each a fill-in with tab stops', () => {
    const ids = TEMPLATES.map((template) => template.id)
    for (const id of ['readme-why', 'commit-body', 'doc-comment', 'adr', 'pr-description', 'bug-report', 'tech-debt', 'review-comment']) assert.ok(ids.includes(id), id)
    for (const template of TEMPLATES) assert.match(template.body, /\$\{1[:|]/, `${template.id} has a first tab stop`)
  })

  it('asks for context, decision and consequences in an ADR, and full context in a bug report', () => {
    const adr = snippetToText(templateById('adr')!.body)
    for (const heading of ['## Context', '## Decision', '## Consequences']) assert.ok(adr.includes(heading))
    const bug = snippetToText(templateById('bug-report')!.body)
    for (const heading of ['Steps to reproduce', 'Expected', 'Actual', 'Logs', 'Environment']) assert.ok(bug.includes(heading), heading)
    assert.match(snippetToText(templateById('review-comment')!.body), /^suggestion \(non-blocking\): /)
  })

  it('turns snippets into plain text: prompts kept, stops and escapes gone', () => {
    assert.equal(snippetToText('a ${1:b} c$0'), 'a b c')
    assert.equal(snippetToText('${1|x,y|} and ${2:nested ${3:deep}} \\$5 \\}'), 'x and nested deep $5 }')
    assert.equal(snippetToText('$1${2}end'), 'end')
    assert.ok(snippetToText(README_WHY).startsWith('## Why\n\nThe problem:'))
    assert.ok(!/\$\{|\$\d/.test(snippetToText(README_WHY)))
  })

  it('orders templates for a kind, the config ones first', () => {
    const extra = configTemplates([{name: 'Incident note', kinds: ['markdown'], body: 'What broke: ${1:…}'}])
    const forCommit = templatesFor('commit', extra)
    assert.equal(forCommit[0]!.id, 'commit-body')
    const forMarkdown = templatesFor('markdown', extra)
    assert.equal(forMarkdown[0]!.id, 'custom:Incident note')
    assert.equal(templateById('custom:Incident note', extra)?.body, 'What broke: ${1:…}')
  })

  it('writes a rationale comment naming the symbol in each language family', () => {
    assert.equal(docComment('typescript', 'getUser', '  ').snippet.split('\n')[0], '  /**')
    assert.match(docComment('typescript', 'getUser').snippet, /Why `getUser` exists/)
    assert.match(docComment('rust', 'parse').snippet, /^\/\/\/ Why `parse` exists/)
    assert.match(docComment('go', 'Serve').snippet, /^\/\/ Serve exists because/)
    const python = docComment('python', 'load', '    ')
    assert.equal(python.where, 'inside')
    assert.match(python.snippet, /^ {4}"""Why `load` exists/)
    assert.match(docComment('ruby', 'run').snippet, /^# Why `run`/)
    assert.match(docComment('java', 'Cache$').snippet, /`Cache\\\$`/)
  })

  it('finds the declared symbol on a line', () => {
    assert.equal(symbolOnLine('export async function getUser(id: string) {'), 'getUser')
    assert.equal(symbolOnLine('class UserService:'), 'UserService')
    assert.equal(symbolOnLine('    def load(self, path):'), 'load')
    assert.equal(symbolOnLine('pub fn parse(input: &str) -> Result<()> {'), 'parse')
    assert.equal(symbolOnLine('func (s *Server) Serve() error {'), 'Serve')
    assert.equal(symbolOnLine('  private int retries(String name) {'), 'retries')
    assert.equal(symbolOnLine('const handler = async (event) => {'), 'handler')
    assert.equal(symbolOnLine('  if (ready) {'), undefined)
    assert.equal(symbolOnLine('return x'), undefined)
    assert.equal(symbolOnLine('    return open(path).read()'), undefined)
    assert.equal(symbolOnLine('    await load(path)'), undefined)
  })
})
