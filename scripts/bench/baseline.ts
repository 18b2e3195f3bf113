// The baseline of `npm run bench`: one analyser (ours, or compromise's people() and quotations())
// timed on a sample of a generated workspace, in a process of its own. bench.ts starts it twice,
// once per analyser, and compares the two.
//
//   node out/scripts/bench/baseline.js --which ours|compromise --cache DIR --size N --seed S
//                                      --articles N [--runs R]
//
// A process of its own, because what ran before in a shared process changed the answer: after the
// bench's protocol phase (language-server clients, megabytes of JSON) our analysis of the sample
// measured 2.8 MB/s, and 5.3 MB/s without that phase before it. Both analysers are warmed the same
// way, as a long-running server would be: for WARM_UP_MS on articles outside the sample, then one
// pass over the sample; then the median of the timed passes.
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { analyzeArticle } from '../../server/src/analysis';
import { generateWorkspace } from './generate';
import { median } from './stats';

/** How long each analyser runs before it is timed: V8 optimises ours only after some hundreds of articles. */
const WARM_UP_MS = 2000;

export interface BaselineArgs {
  which: 'ours' | 'compromise';
  cache: string;
  size: number;
  seed: number;
  articles: number;
  runs: number;
}

export interface BaselineTiming {
  which: 'ours' | 'compromise';
  articles: number;
  bytes: number;
  /** Median of the timed passes over the sample. */
  ms: number;
  passes: number[];
  /** compromise only: what it found in the sample, to show it did the work. */
  found?: { people: number; quotations: number };
}

/** The sample: every (size / articles)-th article of the workspace; the rest are for warming up. */
export function baselineSample(files: readonly string[], articles: number): { sample: string[]; others: string[] } {
  const step = Math.max(1, Math.floor(files.length / articles));
  const sample: string[] = [];
  const others: string[] = [];
  files.forEach((file, i) => (i % step === 0 && sample.length < articles ? sample : others).push(file));
  return { sample, others };
}

type Analyse = (text: string) => { people: number; quotations: number } | void;

function analyserOf(which: BaselineArgs['which']): Analyse {
  if (which === 'ours') return (text) => void analyzeArticle(text);
  // compromise is a devDependency used only here.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const nlp = require('compromise') as (text: string) => { people(): { out(f: string): string[] }; quotations(): { out(f: string): string[] } };
  return (text) => {
    const doc = nlp(text);
    return { people: doc.people().out('array').length, quotations: doc.quotations().out('array').length };
  };
}

export function timeBaseline(args: BaselineArgs): BaselineTiming {
  const ws = generateWorkspace(args.cache, args.size, args.seed);
  const { sample: sampleFiles, others } = baselineSample(ws.files, args.articles);
  const sample = sampleFiles.map((f) => fs.readFileSync(f, 'utf8'));
  const analyse = analyserOf(args.which);
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < others.length && performance.now() < warmUntil; i++) analyse(fs.readFileSync(others[i], 'utf8'));
  const found = { people: 0, quotations: 0 };
  const pass = (): void => {
    found.people = 0;
    found.quotations = 0;
    for (const text of sample) {
      const counts = analyse(text);
      if (counts) {
        found.people += counts.people;
        found.quotations += counts.quotations;
      }
    }
  };
  pass();
  const passes: number[] = [];
  for (let r = 0; r < Math.max(3, args.runs); r++) {
    const t0 = performance.now();
    pass();
    passes.push(performance.now() - t0);
  }
  return {
    which: args.which,
    articles: sample.length,
    bytes: sample.reduce((n, t) => n + Buffer.byteLength(t), 0),
    ms: median(passes),
    passes,
    found: args.which === 'compromise' ? found : undefined,
  };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const value = (name: string): string => {
    const i = argv.indexOf(name);
    if (i < 0 || i + 1 >= argv.length) throw new Error(`baseline: ${name} is missing`);
    return argv[i + 1];
  };
  const which = value('--which');
  if (which !== 'ours' && which !== 'compromise') throw new Error('baseline: --which is ours or compromise');
  const runsAt = argv.indexOf('--runs');
  const timing = timeBaseline({
    which,
    cache: value('--cache'),
    size: Number(value('--size')),
    seed: Number(value('--seed')),
    articles: Number(value('--articles')),
    runs: runsAt >= 0 ? Number(argv[runsAt + 1]) : 3,
  });
  process.stdout.write(JSON.stringify(timing) + '\n');
}
