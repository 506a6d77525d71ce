// Verbs people start commit subjects with, and how to turn their other forms back into the
// imperative. Forms are generated from the base by English spelling rules, with the irregular
// ones listed; a few bases double their last consonant (`drop` → `dropped`).

const BASES = `
accept add adjust align allow annotate apply avoid backport bless build bump cache calculate call
cancel catch change check clarify clean clear close commit compute configure convert copy correct
create declare define delete deprecate describe detect disable display document downgrade drop
embed emit enable ensure escape exclude expand explain export expose extend extract fetch filter
finish fix flag focus format generate guard handle hide ignore implement import improve include
increase initialize initialise inline install introduce invoke keep limit link lint load log
make map mark mention merge migrate move normalize normalise note open optimize optimise
pad parse pass patch pin polish port preserve prevent print process protect publish raise read
refactor reformat regenerate register reject release reload remove rename render reorder
reorganize replace report require reset resolve respect restore restructure retry return
reuse revert revise rewrite rework run sanitize save send set show simplify skip sort speed split
start stop store strip support switch tag test throw tidy trim truncate tweak unify unpin
unregister update upgrade use validate wait warn wrap write address
`
  .trim()
  .split(/\s+/)

const DOUBLES = new Set(['commit', 'drop', 'embed', 'log', 'map', 'pad', 'pin', 'plan', 'run', 'ship', 'skip', 'stop', 'strip', 'tag', 'unpin', 'wrap', 'set', 'emit', 'cancel'])

const IRREGULAR_PAST: Record<string, string[]> = {
  build: ['built'],
  catch: ['caught'],
  keep: ['kept'],
  make: ['made'],
  read: [],
  rewrite: ['rewrote', 'rewritten'],
  run: ['ran'],
  send: ['sent'],
  set: [],
  speed: ['sped'],
  split: [],
  throw: ['threw', 'thrown'],
  write: ['wrote', 'written'],
  hide: ['hid', 'hidden'],
}

function third(base: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(base)) return `${base}es`
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`
  return `${base}s`
}

function past(base: string): string[] {
  if (base in IRREGULAR_PAST) return IRREGULAR_PAST[base]!
  if (base.endsWith('e')) return [`${base}d`]
  if (/[^aeiou]y$/.test(base)) return [`${base.slice(0, -1)}ied`]
  if (DOUBLES.has(base)) return [`${base}${base.slice(-1)}ed`]
  return [`${base}ed`]
}

function gerund(base: string): string {
  if (base.endsWith('ie')) return `${base.slice(0, -2)}ying`
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`
  if (DOUBLES.has(base)) return `${base}${base.slice(-1)}ing`
  return `${base}ing`
}

export type Form = 'past' | 'third' | 'gerund'

/** Non-imperative form (lower case) → base verb and which form it is. */
export const FORMS = new Map<string, {base: string; form: Form}>()
/** Base verbs (lower case). */
export const BASE_SET = new Set(BASES)

for (const base of BASES) {
  for (const form of past(base)) if (form !== base) FORMS.set(form, {base, form: 'past'})
  FORMS.set(third(base), {base, form: 'third'})
  FORMS.set(gerund(base), {base, form: 'gerund'})
}
// Same spelling as the base: not a different form.
for (const base of BASES) FORMS.delete(base)
