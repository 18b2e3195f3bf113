// `npm run bench`: performance at newsroom scale, on synthetic workspaces (generate.ts).
// Not a test: it measures and reports, as one JSON document (also written to a file) and a table.
//
//   npm run bench -- [--sizes 1000,10000,50000] [--protocol-size 10000] [--baseline-articles 200]
//                    [--runs 3] [--cache DIR] [--out FILE] [--no-protocol] [--skip analysis,index,latency]
//                    [--workers N]   (the server's index.workers setting; default: automatic)
//                    [--server bundle|tsc]   (the esbuild bundle the .vsix ships, default; or tsc's out/)
//
// Per size: single-core analysis throughput (in this process), then the real server over stdio:
// cold index (empty storage folder) and warm start (the persistent index the cold run wrote),
// with the server's peak RSS. On the protocol size: hover and references latency, and
// edit-to-diagnostics on a 20 KB article. The baseline (compromise: people() and quotations())
// runs on a sample of the first workspace, and ours on the same sample.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { HoverRequest, ReferencesRequest } from 'vscode-languageserver-protocol/node';
import { analyzeArticle } from '../../server/src/analysis';
import { LineIndex } from '../../server/src/analysis/positions';
import { LspTestClient } from '../../test/protocol/lspClient';
import type { BaselineTiming } from './baseline';
import { generateWorkspace, type GeneratedWorkspace } from './generate';
import { median, percentile, round } from './stats';

interface Options {
  sizes: number[];
  skip: Set<string>;
  protocolSize: number | undefined;
  baselineArticles: number;
  runs: number;
  cache: string;
  out: string;
  seed: number;
  /** The server's `index.workers` setting; undefined: its default (automatic). */
  workers: number | undefined;
  /** Which build of the server runs: the bundle the packaged extension ships, or tsc's output. */
  server: 'bundle' | 'tsc';
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (value('--sizes') ?? '1000,10000,50000').split(',').map(Number).filter((n) => n > 0);
  const cache = path.resolve(value('--cache') ?? path.join(os.tmpdir(), 'attribution-lens-bench'));
  const protocolSize = argv.includes('--no-protocol') ? undefined : Number(value('--protocol-size') ?? (sizes.includes(10000) ? 10000 : sizes[sizes.length - 1]));
  return {
    sizes,
    skip: new Set((value('--skip') ?? '').split(',').filter(Boolean)),
    protocolSize,
    baselineArticles: Number(value('--baseline-articles') ?? 200),
    runs: Math.max(1, Number(value('--runs') ?? 1)),
    cache,
    out: path.resolve(value('--out') ?? path.join(cache, 'bench-results.json')),
    seed: Number(value('--seed') ?? 42),
    workers: value('--workers') === undefined ? undefined : Number(value('--workers')),
    server: value('--server') === 'tsc' ? 'tsc' : 'bundle',
  };
}

const log = (line: string) => process.stderr.write(line + '\n');

function readTexts(ws: GeneratedWorkspace): string[] {
  return ws.files.map((f) => fs.readFileSync(f, 'utf8'));
}

/** Analysis of every article, one after the other on this thread; the median of `runs`. */
function analysisThroughput(texts: string[], bytes: number, runs: number) {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (const text of texts) analyzeArticle(text);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { ms: round(ms, 0), mbPerSecond: round(bytes / 1e6 / (ms / 1000)), articlesPerSecond: round(texts.length / (ms / 1000), 0), runs: times.map((t) => round(t, 0)) };
}

/**
 * compromise's people() and quotations() against ours on the same sample of the workspace of
 * `size` articles, each timed in a process of its own (baseline.ts says why and how).
 */
function baseline(size: number, articles: number, runs: number, cache: string, seed: number) {
  const time = (which: 'ours' | 'compromise'): BaselineTiming => {
    const args = ['--which', which, '--cache', cache, '--size', String(size), '--seed', String(seed), '--articles', String(articles), '--runs', String(runs)];
    const out = execFileSync(process.execPath, [path.join(__dirname, 'baseline.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out) as BaselineTiming;
  };
  const ours = time('ours');
  const theirs = time('compromise');
  return {
    articles: ours.articles,
    mb: round(ours.bytes / 1e6, 3),
    oursMs: round(ours.ms, 1),
    compromiseMs: round(theirs.ms, 0),
    oursMbPerSecond: round(ours.bytes / 1e6 / (ours.ms / 1000)),
    compromiseMbPerSecond: round(theirs.bytes / 1e6 / (theirs.ms / 1000), 3),
    ratio: round(theirs.ms / ours.ms, 1),
    compromiseFound: theirs.found,
    passes: { ours: ours.passes.map((x) => round(x, 1)), compromise: theirs.passes.map((x) => round(x, 0)) },
  };
}

/** The server's peak resident set (VmHWM), in MB; Linux only. */
function peakRssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    return kb ? round(Number(kb[1]) / 1024, 0) : undefined;
  } catch {
    return undefined;
  }
}

/** The server's `index.workers` setting for this run (`--workers`). */
let indexWorkers: number | undefined;

/** The CPU time the server (all its threads) has used, in seconds; Linux only. */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return round((Number(fields[11]) + Number(fields[12])) / 100);
  } catch {
    return undefined;
  }
}

/** The server's entry point (undefined: tsc's out/, as the protocol tests run it). */
let serverMain: string | undefined;

/**
 * Bundles the server as `npm run package` does (esbuild, scripts/bundle.mjs) into the bench's cache
 * folder: what users run, one file to load instead of a tree of modules.
 */
function bundleServer(cache: string): string {
  const outdir = path.join(cache, 'server-bundle');
  const root = path.resolve(__dirname, '..', '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs'), '--outdir', outdir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(outdir, 'server.js');
}

async function startServer(ws: GeneratedWorkspace, storage: string, timeoutMs: number): Promise<{ client: LspTestClient; ms: number }> {
  const t0 = performance.now();
  const client = await LspTestClient.start({
    serverMain,
    folders: [ws.dir],
    settings: indexWorkers === undefined ? {} : { index: { workers: indexWorkers } },
    initializationOptions: { storagePath: storage, analysisDelay: 0 },
    indexTimeoutMs: timeoutMs,
  });
  return { client, ms: performance.now() - t0 };
}

/** Cold index, then warm start from the persistent index it wrote; the medians of `runs`. */
async function indexTimes(ws: GeneratedWorkspace, runs: number, cacheRoot: string) {
  const cold: number[] = [];
  const warm: number[] = [];
  const rss: number[] = [];
  const rssAtIndexed: number[] = [];
  const warmRss: number[] = [];
  const coldCpu: number[] = [];
  let restored = 0;
  const timeoutMs = Math.max(600_000, ws.files.length * 200);
  for (let r = 0; r < runs; r++) {
    const storage = fs.mkdtempSync(path.join(cacheRoot, 'storage-'));
    let { client, ms } = await startServer(ws, storage, timeoutMs);
    cold.push(ms);
    rssAtIndexed.push(peakRssMb(client.pid) ?? NaN);
    coldCpu.push(cpuSeconds(client.pid) ?? NaN);
    // The shutdown waits for the persistent index's first write, which starts as the index is
    // ready and may run past `indexed`: the cold peak is read once it is done.
    await client.stop(() => rss.push(peakRssMb(client.pid) ?? NaN));
    ({ client, ms } = await startServer(ws, storage, timeoutMs));
    warm.push(ms);
    restored = client.indexed[0]?.startup?.restored ?? 0;
    warmRss.push(peakRssMb(client.pid) ?? NaN);
    await client.stop();
    fs.rmSync(storage, { recursive: true, force: true });
  }
  return {
    coldIndexMs: round(median(cold), 0),
    warmStartMs: round(median(warm), 0),
    warmRestored: restored,
    coldPeakRssMb: median(rss),
    coldPeakRssAtIndexedMb: median(rssAtIndexed),
    coldCpuSeconds: median(coldCpu),
    warmPeakRssMb: median(warmRss),
    runs: { cold: cold.map((x) => round(x, 0)), warm: warm.map((x) => round(x, 0)) },
  };
}

/** Hover and references latency, and edit-to-diagnostics, over the protocol on one workspace. */
async function protocolLatency(ws: GeneratedWorkspace, cacheRoot: string) {
  const storage = fs.mkdtempSync(path.join(cacheRoot, 'storage-'));
  const timeoutMs = Math.max(600_000, ws.files.length * 200);
  // A warm start first, as a user reopening the workspace would have.
  let { client } = await startServer(ws, storage, timeoutMs);
  await client.stop();
  ({ client } = await startServer(ws, storage, timeoutMs));
  try {
    // Requests on mentions in a handful of open articles.
    const targets: Array<{ file: string; position: { line: number; character: number } }> = [];
    for (const file of ws.files.filter((_, i) => i % Math.max(1, Math.floor(ws.files.length / 20)) === 0).slice(0, 20)) {
      const text = fs.readFileSync(file, 'utf8');
      await client.open(file, 'plaintext', text);
      // Opening is done when its diagnostics are out (that analysis is the edit row's business).
      await client.waitForDiagnostics(file, (_, p) => p.version === 1);
      const lines = new LineIndex(text);
      for (const person of analyzeArticle(text).people) {
        for (const m of person.mentions.slice(0, 3)) targets.push({ file, position: lines.positionAt(m.span.start + 1) });
      }
    }
    const hover: number[] = [];
    const references: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const t of targets) {
        const params = { textDocument: { uri: client.uri(t.file) }, position: t.position };
        let t0 = performance.now();
        await client.connection.sendRequest(HoverRequest.type, params);
        hover.push(performance.now() - t0);
        t0 = performance.now();
        await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } });
        references.push(performance.now() - t0);
      }
    }
    // Edit → fresh diagnostics on the 20 KB article (generate.ts makes article 7 that long).
    const long = ws.files[7];
    const original = fs.readFileSync(long, 'utf8');
    await client.open(long, 'plaintext', original);
    await client.waitForDiagnostics(long);
    const edit: number[] = [];
    for (let i = 0; i < 40; i++) {
      const text = i % 2 === 0 ? original.replace(/\n\n/, `\n\n“We will not wait for ever ${i},” said nobody.\n\n`) : original;
      const t0 = performance.now();
      const version = await client.change(long, text);
      await client.waitForDiagnostics(long, (_, p) => p.version === version);
      edit.push(performance.now() - t0);
    }
    // A new name typed a letter at a time ("Xavier Q", "Xavier Qu", …): each edit names someone no
    // other article names, which the cross-article index follows without clustering again.
    const typed = 'Quentamerlinovask';
    const naming: number[] = [];
    for (let i = 1; i <= typed.length; i++) {
      const text = original.replace(/\n\n/, `\n\n“We will not wait for ever,” said Councillor Xavier ${typed.slice(0, i)}.\n\n`);
      const t0 = performance.now();
      const version = await client.change(long, text);
      await client.waitForDiagnostics(long, (_, p) => p.version === version);
      naming.push(performance.now() - t0);
    }
    // Speakers other articles name, each named in a new paragraph and taken out again: each edit
    // changes who that speaker's statements are, clustered again with the speakers of that name.
    const here = new Set(analyzeArticle(original).people.map((p) => p.name));
    const known: string[] = [];
    for (const file of ws.files.slice(100, 200)) {
      for (const p of analyzeArticle(fs.readFileSync(file, 'utf8')).people) if (!p.isOrganization && p.name.includes(' ') && !here.has(p.name) && !known.includes(p.name)) known.push(p.name);
    }
    // The peak so far, comparable with earlier sessions' (which had no such edits), then the peak after them.
    const peakBeforeKnownNames = peakRssMb(client.pid);
    const knownNaming: number[] = [];
    for (let i = 0; i < 20 && i / 2 < known.length; i++) {
      const text = i % 2 === 0 ? original.replace(/\n\n/, `\n\n“We will not wait for ever,” said ${known[i / 2]}.\n\n`) : original;
      const t0 = performance.now();
      const version = await client.change(long, text);
      await client.waitForDiagnostics(long, (_, p) => p.version === version);
      knownNaming.push(performance.now() - t0);
    }
    const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p99: round(percentile(xs, 99)), samples: xs.length });
    const peak = peakBeforeKnownNames;
    const peakWithKnownNames = peakRssMb(client.pid);
    return {
      articles: ws.files.length,
      hoverMs: stats(hover),
      referencesMs: stats(references),
      editToDiagnosticsMs: { ...stats(edit), articleBytes: Buffer.byteLength(original) },
      newNameEditMs: stats(naming),
      knownNameEditMs: stats(knownNaming),
      peakRssMb: peak,
      peakRssWithKnownNamesMb: peakWithKnownNames,
    };
  } finally {
    await client.stop();
    fs.rmSync(storage, { recursive: true, force: true });
  }
}

function table(result: ReturnType<typeof Object> & Record<string, any>): string {
  const rows: string[] = [];
  rows.push('| articles | MB | analysis MB/s | articles/s | cold index s (CPU s) | warm start s | restored | peak RSS MB (cold at indexed / cold after its save / warm) |');
  rows.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of result.sizes) {
    rows.push(
      `| ${s.articles} | ${s.mb} | ${s.analysis?.mbPerSecond ?? '–'} | ${s.analysis?.articlesPerSecond ?? '–'} | ${s.index ? `${round(s.index.coldIndexMs / 1000)} (${s.index.coldCpuSeconds})` : '–'} | ${s.index ? round(s.index.warmStartMs / 1000) : '–'} | ${s.index?.warmRestored ?? '–'} | ${s.index ? `${s.index.coldPeakRssAtIndexedMb} / ${s.index.coldPeakRssMb} / ${s.index.warmPeakRssMb}` : '–'} |`,
    );
  }
  const out = [rows.join('\n')];
  const p = result.protocol;
  if (p) {
    out.push(
      [
        `| on ${p.articles} articles | p50 ms | p99 ms |`,
        '| --- | ---: | ---: |',
        `| hover | ${p.hoverMs.p50} | ${p.hoverMs.p99} |`,
        `| references | ${p.referencesMs.p50} | ${p.referencesMs.p99} |`,
        `| edit → diagnostics (${Math.round(p.editToDiagnosticsMs.articleBytes / 1024)} KB article) | ${p.editToDiagnosticsMs.p50} | ${p.editToDiagnosticsMs.p99} |`,
        ...(p.newNameEditMs ? [`| edit typing a new name → diagnostics (same article) | ${p.newNameEditMs.p50} | ${p.newNameEditMs.p99} |`] : []),
        ...(p.knownNameEditMs ? [`| edit naming (then no longer naming) a speaker of other articles → diagnostics | ${p.knownNameEditMs.p50} | ${p.knownNameEditMs.p99} |`] : []),
        `| server peak RSS | ${p.peakRssMb} MB | |`,
        ...(p.peakRssWithKnownNamesMb ? [`| server peak RSS, the edits naming speakers of other articles included | ${p.peakRssWithKnownNamesMb} MB | |`] : []),
      ].join('\n'),
    );
  }
  const b = result.baseline;
  if (b) {
    out.push(
      [
        `| baseline on ${b.articles} articles (${b.mb} MB) | ms | MB/s |`,
        '| --- | ---: | ---: |',
        `| attribution-lens analyzeArticle | ${b.oursMs} | ${b.oursMbPerSecond} |`,
        `| compromise people() + quotations() | ${b.compromiseMs} | ${b.compromiseMbPerSecond} |`,
        `| ratio (compromise / ours) | ${b.ratio}× | |`,
      ].join('\n'),
    );
  }
  return out.join('\n\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  indexWorkers = options.workers;
  fs.mkdirSync(options.cache, { recursive: true });
  if (options.server === 'bundle') serverMain = bundleServer(options.cache);
  const result: Record<string, any> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, totalMemMb: Math.round(os.totalmem() / 1048576) },
    options: { ...options, skip: [...options.skip] },
    sizes: [],
  };
  const workspaces = new Map<number, GeneratedWorkspace>();
  for (const size of options.sizes) {
    log(`generating ${size} articles…`);
    const ws = generateWorkspace(options.cache, size, options.seed);
    workspaces.set(size, ws);
    const texts = readTexts(ws);
    const row: Record<string, any> = { articles: size, mb: round(ws.bytes / 1e6, 1) };
    result.sizes.push(row);
    if (!options.skip.has('analysis')) {
      log(`analysing ${size} articles (${round(ws.bytes / 1e6)} MB)…`);
      row.analysis = analysisThroughput(texts, ws.bytes, options.runs);
      log(JSON.stringify(row.analysis));
    }
    if (options.protocolSize !== undefined && !options.skip.has('index')) {
      log(`cold index and warm start of ${size} articles over the protocol…`);
      row.index = await indexTimes(ws, options.runs, options.cache);
    }
    log(JSON.stringify(row));
  }
  if (options.protocolSize !== undefined && !options.skip.has('latency')) {
    const ws = workspaces.get(options.protocolSize) ?? generateWorkspace(options.cache, options.protocolSize, options.seed);
    log(`hover, references and edits on ${options.protocolSize} articles…`);
    result.protocol = await protocolLatency(ws, options.cache);
  }
  if (options.baselineArticles > 0) {
    log(`baseline: compromise and ours on ${options.baselineArticles} articles of ${options.sizes[0]}, each in a process of its own…`);
    result.baseline = baseline(options.sizes[0], options.baselineArticles, options.runs, options.cache, options.seed);
  }
  result.table = table(result);
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result, null, 2) + '\n\n' + result.table + '\n\n');
  log(`written to ${options.out}`);
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
