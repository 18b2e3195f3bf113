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

  /** Whether background work should wait now. */
  get busy(): boolean {
    return this.active > 0 || performance.now() - this.lastActive < this.quietMs;
  }

  /**
   * A turn for background work: the next turn of the event loop at which the foreground is quiet
   * (looked at when the turn comes, so that an edit received meanwhile goes first), or at which it
   * has waited `maxWaitMs` for that.
   */
  async backgroundTurn(): Promise<void> {
    const since = performance.now();
    await nextTurn();
    for (;;) {
      const waited = performance.now() - since;
      if (!this.busy || waited >= this.maxWaitMs) return;
      const quietIn = this.active > 0 ? this.quietMs : this.quietMs - (performance.now() - this.lastActive);
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(quietIn, this.maxWaitMs - waited))));
      await nextTurn();
    }
  }
}

/** The server's one foreground (one thread: its turns are shared by everything in it). */
export const foreground = new Foreground();

/** A turn for background work (`Foreground.backgroundTurn` of the server's foreground). */
export function backgroundTurn(): Promise<void> {
  return foreground.backgroundTurn();
}
