// `npm run eval [name…]`: run every evaluation in scripts/eval/*.ts (or the named ones), in name
// order. Each prints precision, recall, F1 and the confusion matrix of its detector on held-out
// data (split by group), and which data produced them.

import {runEach} from './lib/run-each.js'

await runEach('eval', 'evaluation')
