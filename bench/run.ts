// `npm run bench`: every benchmark, each printing medians and ratios against a baseline run here.
import { runSiteBench } from './site.js';
import { runMarkupBench } from './markup.js';

const only = process.argv[2];
if (!only || only === 'site') await runSiteBench();
if (!only || only === 'markup') await runMarkupBench();
