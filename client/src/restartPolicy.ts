// When the language server process dies, whether to start it again and after how long: exponential
// back-off (0.5 s, 1 s, 2 s, … up to 30 s), reset once a run has stayed up a while, and a stop after
// too many crashes in a short time (a server that dies on start must not spin). Pure: the clock is
// passed in, so the policy is unit-tested without timers.

export interface RestartPolicyOptions {
  /** Delay before the first restart after a healthy run. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Each further crash multiplies the delay by this. */
  factor: number;
  /** More crashes than this within `windowMs` and the server is left stopped. */
  maxCrashes: number;
  windowMs: number;
  /** A run that lasted this long counts as healthy: the next crash starts the back-off afresh. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  factor: 2,
  maxCrashes: 5,
  windowMs: 3 * 60_000,
  healthyAfterMs: 60_000,
};

export type RestartDecision = { restart: true; delayMs: number; attempt: number } | { restart: false; reason: string };

export class RestartPolicy {
  private readonly options: RestartPolicyOptions;
  private crashes: number[] = [];
  private attempt = 0;
  private startedAt: number | undefined;

  constructor(options: Partial<RestartPolicyOptions> = {}) {
    this.options = { ...DEFAULT_RESTART_POLICY, ...options };
  }

  /** The server is up (first start or a restart). */
  started(now: number): void {
    this.startedAt = now;
  }

  /** The server process went away unexpectedly: restart it, and when? */
  exited(now: number): RestartDecision {
    const o = this.options;
    if (this.startedAt !== undefined && now - this.startedAt >= o.healthyAfterMs) this.attempt = 0;
    this.startedAt = undefined;
    this.crashes = [...this.crashes.filter((t) => now - t < o.windowMs), now];
    if (this.crashes.length > o.maxCrashes) {
      return { restart: false, reason: `the server stopped ${this.crashes.length} times in ${Math.round(o.windowMs / 60_000)} minutes` };
    }
    this.attempt++;
    const delayMs = Math.min(o.maxDelayMs, o.initialDelayMs * o.factor ** (this.attempt - 1));
    return { restart: true, delayMs, attempt: this.attempt };
  }

  /** A manual restart (the Restart Server command): forget past crashes. */
  reset(): void {
    this.crashes = [];
    this.attempt = 0;
  }
}
