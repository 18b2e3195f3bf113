// Worker threads for the server's initial index: each reads and analyses article files
// (analysisWorker.ts) and sends back only the article's summary as the server thread keeps it —
// the packed people and statements and the line starts as byte arrays whose memory is handed over,
// not copied, and a few plain fields — so that the server thread neither parses nor re-packs
// anything; a full analysis would cost far more to pass between threads. The workers live for the
// initial index only (`close` ends them).
// A file a worker cannot do (unreadable, analysis failed, the worker died) is handed back to the
// caller, whose own thread does it: nothing is lost, and every run ends.
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { AnalysisOptions } from '../analysis/types';
import { cachedArticle, type CachedArticle, type FileKey } from '../workspace/analysisCache';
import { packed } from '../workspace/articleSummary';
import { PackedSummary, type SummaryFields } from '../workspace/packedSummary';

/** One file to analyse: its model key and where it is on disk. */
export interface AnalysisJob {
  uri: string;
  file: string;
}

/** A job as sent to a worker: the dates joined in one string (one copy, not one per date), or the ones sent last. */
export interface WorkerJob {
  uri: string;
  file: string;
  dates?: string;
  sameDates?: true;
  /** The initial index's first pass (`summariseFile`'s `firstPass`). */
  firstPass?: true;
}

/**
 * An article's cache entry as a worker sends it: the summary's plain fields, and its line starts
 * and packed people and statements (`PackedSummary.detail`) as typed arrays, whose buffers are
 * transferred to the server thread rather than copied (`transferablesOf`).
 */
export interface SentEntry {
  key: FileKey;
  context?: string;
  truncated?: boolean;
  fields: Omit<SummaryFields, 'lineStarts'>;
  lineStarts: Uint32Array;
  detail: Uint8Array;
}

/** What a worker sends back per file (in one array per batch): its cache entry, or why it has none. */
export type AnalysisOutcome = { uri: string; entry: SentEntry } | { uri: string; problem: string };

/** A cache entry as a worker sends it. */
export function sentEntry(entry: CachedArticle): SentEntry {
  const { articleDate, hasDateline, title, length, textHash, unattributed, lineStarts, detail } = packed(entry.summary);
  const fields = { ...(articleDate ? { articleDate } : {}), hasDateline, title, length, textHash, unattributed };
  const sent: SentEntry = { key: entry.key, fields, lineStarts, detail };
  if (entry.context !== undefined) sent.context = entry.context;
  if (entry.truncated) sent.truncated = true;
  return sent;
}

/** The cache entry a worker sent, as the server thread keeps it; undefined when it is not one. */
export function receivedEntry(sent: SentEntry): CachedArticle | undefined {
  if (!(sent?.lineStarts instanceof Uint32Array) || !(sent.detail instanceof Uint8Array) || typeof sent.fields !== 'object') return undefined;
  return cachedArticle(new PackedSummary({ ...sent.fields, lineStarts: sent.lineStarts }, sent.detail), sent.key, sent.context, sent.truncated);
}

/** The buffers of a batch's entries that can be handed over whole (each its array's own, none shared with other data). */
export function transferablesOf(outcomes: readonly AnalysisOutcome[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const outcome of outcomes) {
    if (!('entry' in outcome)) continue;
    for (const array of [outcome.entry.lineStarts, outcome.entry.detail]) {
      if (array.buffer instanceof ArrayBuffer && array.byteOffset === 0 && array.byteLength === array.buffer.byteLength) buffers.push(array.buffer);
    }
  }
  return buffers;
}

/** What a worker starts with. */
export interface WorkerSetup {
  options: AnalysisOptions;
}

export interface PoolHandlers {
  /** An article's cache entry (its summary and file key), made in a worker. */
  entry(uri: string, entry: CachedArticle): void;
  /** A file the workers did not do, and why: for the caller to read and analyse itself. */
  fallback(uri: string, why: string): void;
}

/** The worker script: next to this file, compiled by tsc (out/…/node/) or bundled by esbuild (dist/). */
export const WORKER_FILE = path.join(__dirname, 'analysisWorker.js');

/** Files sent to (and answered by) a worker in one message; up to two such batches are in flight per worker, so none waits. */
const BATCH = 8;
/**
 * Automatic: fewer files to analyse than this are done in the server's thread. Each worker loads
 * and compiles the analyser afresh (about 1 s of CPU on the 2-core machine of BENCHMARKS.md, under
 * load); at 1,000 articles two workers cost 60% more CPU than one thread and saved no time.
 */
export const MIN_FILES_FOR_WORKERS = 2000;
/**
 * A worker's young generation: smaller than V8's default, for the server's peak memory; an
 * analysis's garbage is short-lived. 8 MB: a worker's heap peak 8 MB lower than with 16, no more
 * CPU (BENCHMARKS.md); smaller promotes more of an analysis's garbage.
 */
const YOUNG_GENERATION_MB = 8;
/** Automatic: at most this many workers (each holds its own copy of the analyser and its garbage). */
const MAX_AUTO_WORKERS = 4;

/**
 * How many workers to start for `files` files to analyse: the `index.workers` setting when it is
 * a number (0: none), else one per core but one when there are two or more cores and enough files
 * to pay for them. The core left is the server thread's (it takes in the summaries, answers
 * requests and edits meanwhile, builds the cross-article index): on 2 cores a second worker made a
 * cold index of 10,000 articles about a tenth faster for about a third more CPU (its own JIT
 * warm-up, fighting the server thread for a core) and 13 MB more peak memory (BENCHMARKS.md).
 */
export function indexWorkerCount(setting: number | null, files: number): number {
  if (files === 0) return 0;
  if (setting !== null) return Math.max(0, Math.min(Math.floor(setting), Math.ceil(files / BATCH)));
  const cores = availableParallelism();
  if (cores < 2 || files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(cores - 1, MAX_AUTO_WORKERS);
}

/** One worker and the jobs it has not answered yet. */
interface Slot {
  worker: Worker;
  pending: Map<string, AnalysisJob>;
  /** The workspace dates the worker was sent last (by identity). */
  lastDates?: readonly string[];
  /** Whether it has ended (exited, crashed, or was closed). */
  ended: boolean;
}

/** Index workers, started together and used for one or more runs of jobs. */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly exits: Array<Promise<void>> = [];
  private jobs: readonly AnalysisJob[] = [];
  private next = 0;
  private handlers: PoolHandlers | undefined;
  private datesOf: ((uri: string) => readonly string[]) | undefined;
  private firstPass = false;
  private finished: (() => void) | undefined;

  /** Starts `count` workers analysing with `options` (none when the worker script is missing). */
  constructor(count: number, options: AnalysisOptions, workerFile = WORKER_FILE) {
    if (!existsSync(workerFile)) return;
    // Loaded only when there is something to analyse: a warm start that restores everything starts no worker.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Worker } = require('worker_threads') as typeof import('worker_threads');
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = new Worker(workerFile, { workerData: { options } satisfies WorkerSetup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      } catch {
        continue;
      }
      const slot: Slot = { worker, pending: new Map(), ended: false };
      this.slots.push(slot);
      worker.on('message', (outcomes: AnalysisOutcome[]) => this.answered(slot, outcomes));
      worker.on('error', (err) => this.end(slot, `index worker failed (${err.message})`));
      this.exits.push(new Promise((resolve) => worker.once('exit', (code) => {
        this.end(slot, `index worker exited (${code})`);
        resolve();
      })));
    }
  }

  /** Workers still running. */
  get size(): number {
    return this.slots.filter((s) => !s.ended).length;
  }

  /**
   * Analyses `jobs` (with the workspace dates `datesOf` gives for each, else the pool's options;
   * as the initial index's first pass when `firstPass`, see `summariseFile`); resolves once each
   * has gone to `handlers.entry` or `handlers.fallback`.
   */
  run(jobs: readonly AnalysisJob[], handlers: PoolHandlers, datesOf?: (uri: string) => readonly string[], firstPass = false): Promise<void> {
    this.jobs = jobs;
    this.next = 0;
    this.handlers = handlers;
    this.datesOf = datesOf;
    this.firstPass = firstPass;
    return new Promise<void>((resolve) => {
      this.finished = resolve;
      for (const slot of this.slots) if (!slot.ended) this.feed(slot);
      this.checkFinished();
    });
  }

  /** Ends every worker; resolves when they have exited. */
  async close(): Promise<void> {
    for (const slot of this.slots) if (!slot.ended) void slot.worker.terminate();
    await Promise.all(this.exits);
  }

  private feed(slot: Slot): void {
    while (slot.pending.size <= BATCH && this.next < this.jobs.length) {
      const batch = this.jobs.slice(this.next, this.next + BATCH);
      this.next += batch.length;
      const sent: WorkerJob[] = [];
      for (const job of batch) {
        slot.pending.set(job.uri, job);
        const dates = this.datesOf?.(job.uri);
        const one: WorkerJob = { uri: job.uri, file: job.file };
        if (this.firstPass) one.firstPass = true;
        if (dates === undefined) sent.push(one);
        else if (dates === slot.lastDates) sent.push({ ...one, sameDates: true });
        else {
          sent.push({ ...one, dates: dates.join(',') });
          slot.lastDates = dates;
        }
      }
      slot.worker.postMessage(sent);
    }
  }

  private answered(slot: Slot, outcomes: AnalysisOutcome[]): void {
    for (const outcome of outcomes) {
      // The URI as the job had it, not the worker's copy: the model keys every article by it, and
      // a second copy of each URI is 1 MB of heap at 10,000 articles.
      const uri = slot.pending.get(outcome.uri)?.uri;
      if (uri === undefined) continue;
      slot.pending.delete(uri);
      const entry = 'entry' in outcome ? receivedEntry(outcome.entry) : undefined;
      if (entry) this.handlers?.entry(uri, entry);
      else this.handlers?.fallback(uri, 'problem' in outcome ? outcome.problem : 'malformed summary from an index worker');
    }
    this.feed(slot);
    this.checkFinished();
  }

  /** A worker is gone: what it had not answered goes back to the caller. */
  private end(slot: Slot, why: string): void {
    if (slot.ended) return;
    slot.ended = true;
    slot.lastDates = undefined;
    for (const job of slot.pending.values()) this.handlers?.fallback(job.uri, why);
    slot.pending.clear();
    void slot.worker.terminate();
    this.checkFinished();
  }

  private checkFinished(): void {
    if (!this.finished) return;
    const live = this.slots.filter((s) => !s.ended);
    // With no worker left, whatever was never sent goes back too.
    if (live.length === 0) while (this.next < this.jobs.length) this.handlers?.fallback(this.jobs[this.next++].uri, 'no index worker left');
    if (this.next < this.jobs.length || live.some((s) => s.pending.size > 0)) return;
    const finished = this.finished;
    this.finished = undefined;
    finished();
  }
}
