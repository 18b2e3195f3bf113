// Letting other work in during long tasks on the server's one thread (the initial index, the
// post-start check, saves, publishing): requests and edits are served between turns.

/** Resolves on the next turn of the event loop, after pending I/O callbacks (requests) have run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Lets other work in every few milliseconds of a long loop. */
export class Yielder {
  private last = performance.now();

  constructor(private readonly everyMs: number) {}

  async now(): Promise<void> {
    if (performance.now() - this.last < this.everyMs) return;
    await nextTurn();
    this.last = performance.now();
  }
}
