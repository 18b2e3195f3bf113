// An index worker that dies (the thread exits) when it is sent a file whose name contains
// "crash", and is the real worker otherwise: for the pool's tests of a worker killed mid-run.
import { parentPort } from 'worker_threads';

parentPort!.on('message', (jobs: Array<{ file: string }>) => {
  if (jobs.some((job) => job.file.includes('crash'))) process.exit(70);
});
// Registered second: a batch with the marked file never reaches it.
require('../../../server/src/node/analysisWorker');
