// Worst-case time is linear: for adversarial inputs, doubling the size roughly doubles the CPU
// time of analyzeArticle (a quadratic step would quadruple it). Ratios, not absolute times; CPU
// time, the least of a few runs, after a warm-up. The size is doubled twice and the smaller of the
// two ratios counts: a quadratic step quadruples both, while one garbage collection or cache
// threshold can only spoil one (and a measurement over the limit is made once more).
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../../server/src/analysis';
import { MAX_ARTICLE_CHARS } from '../../../server/src/workspace/articleLimit';
import { repeatTo } from './fixtures';

/** Characters in the smallest input to start with; the others are twice and four times it. */
const SIZE = 30_000;
/** The smaller input grows until it takes this long, so that timer noise does not decide. */
const MIN_MILLIS = 80;
const RUNS = 3;
/** Per doubling, linear is 2 and quadratic 4: this leaves room for noise but not for a quadratic step. */
const MAX_RATIO = 3;

let serial = 0;
/** A different two-word name each call: "Xab Yab", "Xac Yac", … */
function uniqueName(): string {
  const word = (serial++).toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
  return `X${word} Y${word}`;
}

const ADVERSARIAL: Array<[string, (n: number) => string]> = [
  ['nothing but straight quotation marks', (n) => '"'.repeat(n)],
  ['curly and single quotation marks never closed', (n) => repeatTo('\u201c\u201d\u2018', n)],
  ['"he said" repeated on one line', (n) => repeatTo('he said ', n)],
  ['a quote and "he said" on every line', (n) => repeatTo('"Yes," he said.\n', n)],
  ['a single line of prose without a full stop', (n) => repeatTo('the minister spoke at length about the ferry timetable and ', n)],
  ['a new speaker on every line', (n) => { let s = ''; while (s.length < n) s += `"We agree on this," ${uniqueName()} said.\n`; return s.slice(0, n); }],
  ['quotes attributed after a dash, in one paragraph', (n) => repeatTo('"Quote here" \u2014 Ann Lee, teacher. ', n)],
  ['quotations nobody is named for', (n) => repeatTo('"A quote nobody is named for goes on for a while here."\n', n)],
  ['abbreviations that join sentences', (n) => repeatTo('Mr. Dr. U.S. Gen. a. b. ', n)],
  ['capitalised words without end', (n) => repeatTo('Alpha Beta Gamma Delta ', n)],
  ['a wire story repeated', (n) => repeatTo('TALLINN, March 4 (Reuters) - The board postponed its vote on Monday.\n"We need another month," board chair Liis Tamm said.\nUnion leader Mart Oja said the delay would cost the port.\n"Every week counts," he told reporters.\n', n)],
];

/** CPU milliseconds of one analysis of `text`, the least of a few runs of `repeats` analyses each. */
function cpuMillis(text: string, repeats = 1): number {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    for (let r = 0; r < repeats; r++) analyzeArticle(text);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000 / repeats);
  }
  return best;
}

describe('worst-case time is linear', function () {
  this.timeout(180_000);

  before(() => {
    analyzeArticle(repeatTo('"Warm," Liis Tamm said on Monday.\n', SIZE)); // loads chrono-node, warms the JIT
  });

  for (const [name, make] of ADVERSARIAL) {
    it(`doubling ${name} at most ${MAX_RATIO}× the time`, () => {
      let size = SIZE;
      serial = 0;
      let t1 = cpuMillis(make(size));
      // Inputs stay within the length limit the server and the CLI apply (beyond it, a heap of
      // millions of tokens makes garbage collection, not the rules, grow faster than the text):
      // the smallest grows while the largest fits, then fast cases are timed over repeated runs,
      // the same number at every size, so that timer noise does not decide.
      while (4 * 2 * size <= MAX_ARTICLE_CHARS && t1 < MIN_MILLIS) {
        size *= 2;
        serial = 0;
        t1 = cpuMillis(make(size));
      }
      const repeats = Math.max(1, Math.ceil(MIN_MILLIS / Math.max(t1, 1)));
      const measure = () => {
        serial = 0;
        const t1 = cpuMillis(make(size), repeats);
        serial = 0;
        const t2 = cpuMillis(make(2 * size), repeats);
        serial = 0;
        const t4 = cpuMillis(make(4 * size), repeats);
        const ratio = Math.min(t2 / Math.max(t1, 1), t4 / Math.max(t2, 1));
        return { ratio, text: `${size} chars ×${repeats}: ${t1.toFixed(1)} ms, ${2 * size}: ${t2.toFixed(1)} ms, ${4 * size}: ${t4.toFixed(1)} ms (smaller ratio ${ratio.toFixed(2)})` };
      };
      // Measured again when over the limit: on a busy machine (a CI runner) garbage collection at
      // these heap sizes can spoil both ratios of one measurement, while a quadratic step
      // quadruples them every time.
      let result = measure();
      if (result.ratio >= MAX_RATIO) {
        const again = measure();
        if (again.ratio < result.ratio) result = { ratio: again.ratio, text: `${result.text}; again ${again.text}` };
      }
      assert.ok(result.ratio < MAX_RATIO, result.text);
    });
  }
});
