import { defineJob } from '../job.js';

/** The job of the multi-process test: its handler records which worker ran `n`. */
export const CountJob = defineJob<{ n: number }>('test.count');
