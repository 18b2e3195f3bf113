// Letting other work in during long tasks on the server's one thread (the initial index, the
// post-start check, saves, publishing): requests and edits are served between turns.

/** Resolves on the next turn of the event loop, after pending I/O callbacks (requests) have run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Lets other work in every few milliseconds of a long loop. */
export class Yielder {
  private last = performance.now();

  constructor(
    private readonly everyMs: number,
    private readonly turn: () => Promise<void> = nextTurn,
  ) {}

  async now(): Promise<void> {
    if (performance.now() - this.last < this.everyMs) return;
    await this.turn();
    this.last = performance.now();
  }
}

/**
 * After foreground work, how long background work still waits, in milliseconds: a client that
 * sends its next edit as soon as it has the last one's diagnostics (or keystrokes with no
 * debounce) sends it within a few milliseconds, which a slice of background work would delay.
 */
const QUIET_MS = 10;
/** The longest one background turn waits for the foreground, in milliseconds: background work always ends. */
const MAX_WAIT_MS = 1000;

/**
 * Work a user waits for — an edit waiting to be analysed, diagnostics being published — and work
 * that can wait: background work (the check of restored files after a warm start, making the
 * busiest speakers' references ahead of time) takes a turn only when no foreground work is under
 * way or was for `QUIET_MS`, and looks again when the turn comes. Turns of the event loop are first
 * come, first served: an edit's analysis and then its publishing were each queued behind the
 * background turn already queued, so an edit made during the check waited for two or three slices.
 */
export class Foreground {
  private active = 0;
  private lastActive = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** Foreground work starts; `end` says when it is done. */
  begin(): void {
    this.active++;
    this.lastActive = performance.now();
  }

  end(): void {
    this.active = Math.max(0, this.active - 1);
    this.lastActive = performance.now();
  }

  /** Whether background work should wait now (with `quietMs` of quiet after foreground work). */
  isBusy(quietMs = this.quietMs): boolean {
    return this.active > 0 || performance.now() - this.lastActive < quietMs;
  }

  get busy(): boolean {
    return this.isBusy();
  }

  /**
   * A turn for background work: the next turn of the event loop at which the foreground is quiet
   * (looked at when the turn comes, so that an edit received meanwhile goes first), or at which it
   * has waited `maxWaitMs` for that. `quietMs` 0: only while foreground work is under way.
   */
  async backgroundTurn(quietMs = this.quietMs): Promise<void> {
    const since = performance.now();
    await nextTurn();
    for (;;) {
      const waited = performance.now() - since;
      if (!this.isBusy(quietMs) || waited >= this.maxWaitMs) return;
      const quietIn = this.active > 0 ? Math.max(1, quietMs) : quietMs - (performance.now() - this.lastActive);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(quietIn, this.maxWaitMs - waited))));
      await nextTurn();
    }
  }
}

/** The server's one foreground (one thread: its turns are shared by everything in it). */
export const foreground = new Foreground();

/** A turn for background work (`Foreground.backgroundTurn` of the server's foreground). */
export function backgroundTurn(quietMs?: number): Promise<void> {
  return foreground.backgroundTurn(quietMs);
}

/**
 * Runs `fn` after `delay` ms and returns how to cancel it. No delay means the next turn of the
 * event loop (coalescing the changes already received), not a timer's minimum of a millisecond.
 */
export function later(fn: () => void, delay: number): () => void {
  if (delay > 0) {
    const timer = setTimeout(fn, delay);
    return () => clearTimeout(timer);
  }
  const immediate = setImmediate(fn);
  return () => clearImmediate(immediate);
}

/**
 * How long before a debounced edit is due it becomes foreground work (`laterEdit`), in
 * milliseconds: longer than a slice of background work (a few milliseconds; a busy speaker's
 * references answer, up to about 20), so that none is under way when the edit is due.
 */
const EDIT_LEAD_MS = 25;

/**
 * `later` for an edit: foreground work from `leadMs` before it is due until it is applied or
 * cancelled. Not for the whole debounce: while the user types, each keystroke starts it again, and
 * background work (the post-start check) goes on in between.
 */
export function laterEdit(fn: () => void, delay: number, leadMs = EDIT_LEAD_MS, fg: Foreground = foreground): () => void {
  let begun = false;
  let settled = false;
  let cancelDue: (() => void) | undefined;
  const due = () => {
    begun = true;
    fg.begin();
    cancelDue = later(
      () => {
        settled = true;
        fg.end();
        fn();
      },
      Math.min(delay, leadMs),
    );
  };
  const cancelLead = delay > leadMs ? later(due, delay - leadMs) : (due(), undefined);
  return () => {
    if (settled) return;
    settled = true;
    cancelLead?.();
    cancelDue?.();
    if (begun) fg.end();
  };
}
