import {defineRule} from '../../rule.js'
import {EXEMPT_OPTION, isExemptSubject, splitSubject} from '../commit-exempt.js'

export interface Options {
  exempt: string[]
}

// Words that say a change happened without saying what it is. A subject made only of these
// (and file names, numbers, fillers) tells a reader of `git log` nothing.
const VAGUE = new Set(
  `fix fixes fixed fixing bug bugs bugfix bugfixes update updates updated updating change changes
  changed tweak tweaks tweaked cleanup clean cleaned up stuff things thing wip misc minor small
  quick some more few various several couple the a an it this that these those code file files
  work working test tests testing issue issues problem problems error errors improvement
  improvements improve improved refactor refactored refactoring commit commits temp tmp final
  again done save saved progress edit edits edited ci build builds and of other another
  readme docs doc documentation phase part step stage round iteration attempt try version
  asdf asdfg qwerty foo bar baz blah test1 test2 modified modify modifications new latest
  review comments feedback address addressed pr`.split(/\s+/),
)

// A file name by its extension; `app.redirect` or `py3.14` name an API or a version, not a file.
const FILE_NAME = /^[\w./-]+\.(?:md|markdown|rst|txt|adoc|js|mjs|cjs|jsx|ts|tsx|json|ya?ml|toml|ini|cfg|conf|lock|py|pyi|rb|go|rs|java|kt|cs|c|h|cc|cpp|hpp|php|sh|swift|html|css|scss|xml|sql|gradle|properties)$/i

// GitHub's web editor writes `Update README.md`, `Create main.yml`, `Add files via upload`.
const WEB_EDITOR = /^(?:update|create|delete|add|rename|upload|edit)\s+(?:\S+|files via upload)$/i

/** Why the subject is vague, or undefined when it names something. */
export function vagueness(subject: string): string | undefined {
  const description = subject.trim()
  if (/^[\W_]*$/.test(description)) return 'it has no words'
  // An issue or ticket reference links to the context: not vague.
  if (/(?:^|\s)(?:#\d+|[A-Z][A-Z0-9]+-\d+)\b/.test(description)) return undefined
  const editor = WEB_EDITOR.exec(description)
  if (editor && (/files via upload$/i.test(description) || FILE_NAME.test(description.split(/\s+/)[1] ?? ''))) return 'it names only a file'
  let end = description.length
  while (end > 0 && '.!?…:;,'.includes(description[end - 1]!)) end--
  const words = description
    .slice(0, end)
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) return 'it has no words'
  if (words.length > 5) return undefined
  const isFiller = (word: string) =>
    VAGUE.has(word.replace(/[^a-z0-9'-]+/g, '')) ||
    /^\d+$/.test(word) ||
    /^#?\d+$/.test(word) ||
    // A file name alone (`file.ts`, `README.md`): where, but not what.
    FILE_NAME.test(word) ||
    // Keyboard mashing: no vowel at all, or one letter repeated.
    /^[^aeiouy\d]{4,}$/.test(word) ||
    /^(.)\1{2,}$/.test(word)
  return words.every(isFiller) ? 'it does not say what changed' : undefined
}

export default defineRule<Options>({
  id: 'commit-subject-vague',
  description: 'Say what changed in the commit subject, not just that something did',
  defaultSeverity: 'warning',
  targets: ['commit'],
  fixable: false,
  options: {exempt: EXEMPT_OPTION},
  run({document, options, report}) {
    const commit = document.commit
    if (!commit || commit.subject === '' || isExemptSubject(commit.subject, options.exempt)) return
    const {description} = splitSubject(commit.subject)
    const why = vagueness(description)
    if (!why) return
    report({
      message: `Unexpected vague subject \`${commit.subject}\`: ${why}; name what changed and where`,
      start: commit.subjectOffset,
      end: commit.subjectEndOffset,
      actual: commit.subject,
    })
  },
})
