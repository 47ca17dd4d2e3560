// `npm run bench`: every benchmark, each printing medians and ratios against a baseline run here.
// `npm run bench -- site|forum|markup` runs one.
import { runSiteBench } from './site.js';
import { runForumBench } from './forum.js';
import { runMarkupBench } from './markup.js';

const only = process.argv[2];
if (!only || only === 'site') await runSiteBench();
if (!only || only === 'forum') await runForumBench();
if (!only || only === 'markup') await runMarkupBench();
