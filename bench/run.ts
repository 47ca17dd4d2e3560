// `npm run bench`: every benchmark, each printing medians and ratios against a baseline run here.
// `npm run bench -- site|forum|markup|dedupe|feeds|polling|search|match|relay|channels|media|spip|dashboard` runs one.
import { runSiteBench } from './site.js';
import { runForumBench } from './forum.js';
import { runMarkupBench } from './markup.js';
import { runFeedsBench } from './feeds.js';
import { runDedupeBench } from './dedupe.js';
import { runPollingBench } from './polling.js';
import { runSearchBench } from './search.js';
import { runMatchBench } from './match.js';
import { runRelayBench } from './relay.js';
import { runRelayChannelsBench } from './relay-channels.js';
import { runMediaBench } from './media.js';
import { runSpipImportBench } from './spip-import.js';
import { runDashboardBench } from './dashboard.js';

const only = process.argv[2];
if (!only || only === 'site') await runSiteBench();
if (!only || only === 'forum') await runForumBench();
if (!only || only === 'markup') await runMarkupBench();
if (!only || only === 'dedupe') await runDedupeBench();
if (!only || only === 'feeds') await runFeedsBench();
if (!only || only === 'polling') await runPollingBench();
if (!only || only === 'search') await runSearchBench();
if (!only || only === 'match') await runMatchBench();
if (!only || only === 'relay') await runRelayBench();
if (!only || only === 'channels') await runRelayChannelsBench();
if (!only || only === 'media') await runMediaBench();
if (!only || only === 'spip') await runSpipImportBench();
if (!only || only === 'dashboard') await runDashboardBench();
