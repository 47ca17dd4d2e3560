import { defineJob } from '../../jobs/job.js';

/** Every few seconds: publishes the variants that are due (several workers share them, each once). */
export const PublishDueVariantsJob = defineJob<Record<string, never>>('relay.publish-due-variants');

/** How often `PublishDueVariantsJob` runs: an approved post leaves within this delay. */
export const PUBLISH_DUE_VARIANTS_INTERVAL_SECONDS = 15;
