// `npm run train [name…]`: run every trainer in scripts/train/*.ts (or the named ones), in name
// order. Each module's default export writes its model's weights; training is deterministic, so
// running it again reproduces the committed weights.

import {runEach} from './lib/run-each.js'

await runEach('train', 'trainer')
