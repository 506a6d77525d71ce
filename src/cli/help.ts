import type {Command} from './args.js'

const LINT = `Usage: whylint [options] [files | folders | globs]
       whylint --stdin [--filename NAME] [options]
       whylint commit-msg <file>
       whylint init [--hook]
       whylint judge --detector NAME [--format text|json] <files>

Nudges you to write down the why in READMEs, docs, commit messages, code comments and reviews.
With no files, lints the working directory (honouring .gitignore, skipping node_modules and .git).

Options:
  --kind KIND          lint every file as KIND: readme, markdown, commit, code or review
  --stdin              lint standard input (with --filename NAME for its config and kind)
  -f, --format FORMAT  text (default), json or sarif
  --fix                apply the preferred fix of each finding, then report what is left
  --max-warnings N     exit 1 when there are more than N warnings
  -c, --config PATH    use this config file instead of looking for one next to each file
  -q, --quiet          report errors only
  --no-color           no colours (also: NO_COLOR=1)
  --allow-outside      allow paths and globs outside the working directory
  -h, --help           show this help (also: whylint <command> --help)
  -v, --version        print the version

Exit codes: 0 no errors; 1 errors, too many warnings, or a file that could not be read
or fixed; 2 usage or config error.
`

const HELP: Record<Command, string> = {
  lint: LINT,
  'commit-msg': `Usage: whylint commit-msg <file> [--format text|json|sarif] [--config PATH] [--quiet] [--max-warnings N]

Lints a commit message file, as git's commit-msg hook passes it. Comment lines use git's
core.commentChar from the repository's config (or commit.commentChar in the whylint config).
Exit code 1 rejects the commit; \`whylint init --hook\` installs the hook.
`,
  init: `Usage: whylint init [--hook]

Writes .whylintrc.json with every rule at its default severity, unless a config exists.
  --hook   also install .git/hooks/commit-msg running \`npx --no-install whylint commit-msg "$1"\`
           (an existing hook not written by whylint is left alone)
`,
  judge: `Usage: whylint judge --detector NAME [--format text|json] <files | --stdin [--filename NAME]>

Runs one why detector on each whole file and prints its label, score and evidence.
Detectors: readme-why, commit-why, comment-why, comment-restates, review-tone.
`,
}

export function helpText(command: Command): string {
  return HELP[command]
}
