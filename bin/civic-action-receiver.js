#!/usr/bin/env node
// The receiver is built to dist/receiver/ by `npm run build`; this file only starts it.
import {main} from '../dist/receiver/index.js';

await main();
