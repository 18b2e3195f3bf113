// One index worker (see analysisPool.ts): reads and analyses the article files it is sent and
// hands back each one's summary as its persistent-index entry line — a string, cheap to pass
// between threads, unlike a full analysis. Anything it cannot do it hands back as a problem, and
// the server's own thread does that file instead.
import { parentPort, workerData } from 'worker_threads';
import type { AnalysisOptions } from '../analysis/types';
import { encodeCacheEntry } from '../workspace/analysisCache';
import type { AnalysisOutcome, WorkerJob, WorkerSetup } from './analysisPool';
import { summariseFile } from './summariseFile';

const options: AnalysisOptions = (workerData as WorkerSetup).options;
/** The workspace dates of the last job that came with its own. */
let lastDates: string[] = [];

function outcomeOf(job: WorkerJob): AnalysisOutcome {
  if (job.dates !== undefined) lastDates = job.dates === '' ? [] : job.dates.split(',');
  const withDates = job.dates !== undefined || job.sameDates ? { ...options, workspaceDates: lastDates } : options;
  const done = summariseFile(job.uri, job.file, withDates);
  return 'entry' in done ? { uri: job.uri, line: encodeCacheEntry(job.uri, done.entry) } : { uri: job.uri, problem: done.problem };
}

// One message back per batch: under load, each message costs the worker more than encoding its summaries.
parentPort!.on('message', (jobs: WorkerJob[]) => {
  parentPort!.postMessage(jobs.map(outcomeOf));
});
