import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type ChecksMemo } from '../content-checks.ts';

/** The worker of dev-checks.ts: the whole report, on demand, each file parsed again only once it has changed. */
const memo: ChecksMemo = new Map();
parentPort!.on('message', () => {
  parentPort!.postMessage(checkContent(workerData.dir as string, { includeDrafts: true, memo }));
});
