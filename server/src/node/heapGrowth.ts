// V8 lets an old generation grow up to fourfold past what its last full collection kept. While the
// initial index analyses thousands of articles, what the small semi-spaces promote (an analysis's
// garbage in each index worker, the cross-article index's build and the first save in the server's
// thread) piles up that way: on a cold index of 10,000 articles, peak RSS 194–201 MB against 169–173
// MB when the old generation may grow by a fifth only. After it, the default comes back: the more
// frequent full collections then land in requests and edits (with the tight heap all along, hover
// p99 3.4–4.7 → 5.3–6.8 ms, edit p99 24–27 → 41–59 ms at 10,000 articles).
// The flag is the process's (the workers have it too) and is read at every collection, so it can be
// set and reset while the server runs.
import { setFlagsFromString } from 'v8';

/** Asks for a tight old generation until the returned release (idempotent) is called. */
export function tightenHeapGrowth(): () => void {
  setFlagsFromString('--heap-growing-percent=20');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0: V8's own growing factor again.
    setFlagsFromString('--heap-growing-percent=0');
  };
}

/**
 * A full collection now, for the one moment it pays: a cold index's cross-article index is just
 * built, and its garbage (every article's people and statements decoded once) would otherwise
 * still be in the heap when the first save adds its own (cold index of 10,000 bench articles:
 * peak RSS 157–160 → 146–148 MB, for one collection of some 50 MB of heap). `gc` is there when the
 * server runs with `--expose-gc` (launchFlags.ts); without it, nothing is done.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
