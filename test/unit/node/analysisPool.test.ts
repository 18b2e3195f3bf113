// The index workers (server/src/node/analysisPool.ts): summaries made in worker threads are the
// ones the server's own thread makes, and nothing is lost when a worker cannot do a file or dies.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisPool, indexWorkerCount, MIN_FILES_FOR_WORKERS, receivedEntry, sentEntry, transferablesOf, type AnalysisOutcome, type PoolHandlers } from '../../../server/src/node/analysisPool';
import { cachedArticle } from '../../../server/src/workspace/analysisCache';
import { yearGuessed } from '../../../server/src/workspace/articleSummary';
import { summariseFile } from '../../../server/src/node/summariseFile';
import type { CachedArticle } from '../../../server/src/workspace/analysisCache';

const CRASHING_WORKER = path.resolve(__dirname, '../support/crashingAnalysisWorker.js');
const OPTIONS = { today: '2026-06-01' };

/** A wire story whose dateline gives no year; `i` varies the people and the day. */
function story(i: number): string {
  return [
    `Council ${i} weighs ferry fares`,
    '',
    `PORT ELDER, March ${(i % 27) + 1} (Coastline Wire) - Harbour master Ilse Varnholm${i} said on Tuesday that fares would rise.`,
    '',
    `"We have no other choice," Varnholm${i} told reporters.`,
    '',
  ].join('\n');
}

describe('index workers (analysis pool)', function () {
  this.timeout(30000);
  let dir: string;
  let jobs: Array<{ uri: string; file: string }>;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-pool-'));
    jobs = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, i === 17 ? `story-${i}-crash.txt` : `story-${i}.txt`);
      fs.writeFileSync(file, story(i));
      jobs.push({ uri: `file://${file}`, file });
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs jobs and collects what comes back. */
  async function collect(pool: AnalysisPool, todo = jobs, datesOf?: (uri: string) => readonly string[]) {
    const entries = new Map<string, CachedArticle>();
    const fallbacks = new Map<string, string>();
    const handlers: PoolHandlers = {
      entry: (uri, entry) => entries.set(uri, entry),
      fallback: (uri, why) => fallbacks.set(uri, why),
    };
    await pool.run(todo, handlers, datesOf);
    return { entries, fallbacks };
  }

  const inThread = (job: { uri: string; file: string }, options: object = OPTIONS) => {
    const done = summariseFile(job.uri, job.file, options);
    assert.ok('entry' in done);
    return done.entry;
  };

  it('sends back the summary and file key the server thread makes, for every file', async () => {
    const pool = new AnalysisPool(2, OPTIONS);
    try {
      assert.strictEqual(pool.size, 2);
      const { entries, fallbacks } = await collect(pool);
      assert.strictEqual(fallbacks.size, 0);
      assert.strictEqual(entries.size, jobs.length);
      for (const job of jobs) assert.deepStrictEqual(entries.get(job.uri), inThread(job), job.file);
      assert.ok(entries.get(jobs[3].uri)!.summary.statements.length > 0, 'statements found');
    } finally {
      await pool.close();
    }
    assert.strictEqual(pool.size, 0, 'closed');
  });

  it('analyses with the workspace dates it is given per file, in a second run of the same workers', async () => {
    const pool = new AnalysisPool(2, OPTIONS);
    try {
      await collect(pool, jobs.slice(0, 4));
      const dates = ['2019-03-01', '2019-03-20'];
      const { entries } = await collect(pool, jobs.slice(0, 8), () => dates);
      for (const job of jobs.slice(0, 8)) assert.deepStrictEqual(entries.get(job.uri), inThread(job, { ...OPTIONS, workspaceDates: dates }));
      // "March 3 … on Tuesday": 2026 alone, the Tuesday March 3 nearest the workspace's dates with them.
      assert.deepStrictEqual(entries.get(jobs[2].uri)!.summary.articleDate, { value: '2020-03-03', source: 'workspace' });
      assert.deepStrictEqual(inThread(jobs[2]).summary.articleDate, { value: '2026-03-03', source: 'weekday' });
    } finally {
      await pool.close();
    }
  });

  it('hands back a file it cannot read, with the reason, and goes on', async () => {
    const pool = new AnalysisPool(1, OPTIONS);
    try {
      const missing = { uri: 'file:///nowhere/gone.txt', file: path.join(dir, 'gone.txt') };
      const { entries, fallbacks } = await collect(pool, [jobs[0], missing, jobs[1]]);
      assert.deepStrictEqual([...entries.keys()], [jobs[0].uri, jobs[1].uri]);
      assert.deepStrictEqual([...fallbacks.keys()], [missing.uri]);
      assert.match(fallbacks.get(missing.uri)!, /ENOENT/);
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies hands back the files it had; the other worker does the rest', async () => {
    const pool = new AnalysisPool(2, OPTIONS, CRASHING_WORKER);
    try {
      const { entries, fallbacks } = await collect(pool);
      assert.strictEqual(entries.size + fallbacks.size, jobs.length, 'every file comes back once');
      for (const job of jobs) assert.ok(entries.has(job.uri) !== fallbacks.has(job.uri), job.file);
      assert.match(fallbacks.get(jobs[17].uri)!, /index worker exited \(70\)/);
      assert.ok(fallbacks.size <= 16, `only the dead worker's files (${fallbacks.size})`);
      assert.strictEqual(pool.size, 1);
      for (const [uri, entry] of entries) assert.deepStrictEqual(entry, inThread(jobs.find((j) => j.uri === uri)!));
    } finally {
      await pool.close();
    }
  });

  it('with every worker dead, every file not done comes back, and the run still ends', async () => {
    const pool = new AnalysisPool(1, OPTIONS, CRASHING_WORKER);
    try {
      const { entries, fallbacks } = await collect(pool, [jobs[17], ...jobs.slice(20, 40)]);
      assert.strictEqual(entries.size, 0);
      assert.strictEqual(fallbacks.size, 21);
      assert.strictEqual(pool.size, 0);
      const again = await collect(pool, jobs.slice(0, 3));
      assert.strictEqual(again.fallbacks.size, 3, 'a pool without workers hands everything back');
    } finally {
      await pool.close();
    }
  });

  it('a missing worker script starts no worker, and everything comes back', async () => {
    const pool = new AnalysisPool(2, OPTIONS, path.join(dir, 'no-such-worker.js'));
    assert.strictEqual(pool.size, 0);
    const { entries, fallbacks } = await collect(pool, jobs.slice(0, 5));
    assert.strictEqual(entries.size, 0);
    assert.strictEqual(fallbacks.size, 5);
    await pool.close();
  });

  it('an entry crosses threads as plain fields and whole byte arrays, handed over, and arrives as the server thread keeps it', () => {
    const made = inThread(jobs[3]);
    const entry = cachedArticle(made.summary, made.key, 'ctx-1', true);
    const outcomes: AnalysisOutcome[] = [{ uri: jobs[3].uri, entry: sentEntry(entry) }, { uri: 'file:///x.txt', problem: 'ENOENT' }];
    const buffers = transferablesOf(outcomes);
    assert.strictEqual(buffers.length, 2, 'the line starts and the packed people and statements');
    const crossed = structuredClone(outcomes, { transfer: buffers });
    assert.strictEqual(buffers[0].byteLength, 0, 'moved, not copied');
    const received = receivedEntry((crossed[0] as { entry: ReturnType<typeof sentEntry> }).entry);
    assert.deepStrictEqual(received, cachedArticle(inThread(jobs[3]).summary, made.key, 'ctx-1', true));
    assert.ok(received!.summary.people.length > 0 && received!.summary.statements.length > 0);
    // A view into a larger buffer is copied instead: handing the buffer over would take the rest with it.
    const shared = new Uint8Array(new ArrayBuffer(64), 8, 16);
    const sent = { ...sentEntry(entry), detail: shared };
    assert.strictEqual(transferablesOf([{ uri: 'file:///y.txt', entry: sent }]).length, 1);
    assert.strictEqual(receivedEntry({ ...sent, detail: 'not bytes' as unknown as Uint8Array }), undefined);
  });

  it('a first pass analyses an article whose dateline year is guessed only up to its dates, and any other in full', async () => {
    const guessed = jobs[2];
    const stated = path.join(dir, 'stated-year.txt');
    fs.writeFileSync(stated, story(2).replace(/March (\d+)/, 'March $1, 2025'));
    const first = summariseFile(guessed.uri, guessed.file, OPTIONS, true);
    assert.ok('entry' in first);
    const full = inThread(guessed);
    assert.ok(yearGuessed(full.summary) && yearGuessed(first.entry.summary));
    assert.deepStrictEqual([first.entry.summary.articleDate, first.entry.summary.hasDateline, first.entry.summary.title], [full.summary.articleDate, true, full.summary.title]);
    assert.deepStrictEqual([first.entry.summary.people, first.entry.summary.statements], [[], []], 'names nobody until the second pass');
    assert.ok(full.summary.statements.length > 0);
    const done = summariseFile('file:///stated-year.txt', stated, OPTIONS, true);
    assert.ok('entry' in done && !yearGuessed(done.entry.summary));
    assert.deepStrictEqual(done.entry, inThread({ uri: 'file:///stated-year.txt', file: stated }), 'a stated year: analysed in full');
    const pool = new AnalysisPool(1, OPTIONS);
    try {
      const got: CachedArticle[] = [];
      await pool.run([guessed], { entry: (_, entry) => got.push(entry), fallback: () => undefined }, undefined, true);
      assert.deepStrictEqual(got, [first.entry], 'the same in a worker');
    } finally {
      await pool.close();
    }
  });

  it('uses workers automatically only with two or more cores and enough files, one per core but the server thread’s; a number is taken as it is', () => {
    assert.strictEqual(indexWorkerCount(null, MIN_FILES_FOR_WORKERS - 1), 0);
    const auto = indexWorkerCount(null, 10_000);
    const cores = os.availableParallelism();
    assert.strictEqual(auto, cores < 2 ? 0 : Math.min(cores - 1, 4));
    assert.strictEqual(indexWorkerCount(0, 10_000), 0);
    assert.strictEqual(indexWorkerCount(3, 10_000), 3);
    assert.strictEqual(indexWorkerCount(3, 5), 1, 'no more workers than batches of files');
    assert.strictEqual(indexWorkerCount(2, 0), 0);
  });
});
