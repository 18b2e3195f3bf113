// One index worker (see analysisPool.ts): reads and analyses the article files it is sent and
// hands back each one's summary as the server thread keeps it (`sentEntry`: plain fields and byte
// arrays handed over whole) — cheap to pass between threads, unlike a full analysis. Anything it
// cannot do it hands back as a problem, and the server's own thread does that file instead.
import { parentPort, workerData } from 'worker_threads';
import type { AnalysisOptions } from '../analysis/types';
import { sentEntry, transferablesOf, type AnalysisOutcome, type WorkerJob, type WorkerSetup } from './analysisPool';
import { summariseFile } from './summariseFile';

const options: AnalysisOptions = (workerData as WorkerSetup).options;
/** The workspace dates of the last job that came with its own. */
let lastDates: string[] = [];

function outcomeOf(job: WorkerJob): AnalysisOutcome {
  if (job.dates !== undefined) lastDates = job.dates === '' ? [] : job.dates.split(',');
  const withDates = job.dates !== undefined || job.sameDates ? { ...options, workspaceDates: lastDates } : options;
  const done = summariseFile(job.uri, job.file, withDates, job.firstPass);
  return 'entry' in done ? { uri: job.uri, entry: sentEntry(done.entry) } : { uri: job.uri, problem: done.problem };
}

// One message back per batch: under load, each message costs the worker more than packing its summaries.
parentPort!.on('message', (jobs: WorkerJob[]) => {
  const outcomes = jobs.map(outcomeOf);
  parentPort!.postMessage(outcomes, transferablesOf(outcomes));
});
