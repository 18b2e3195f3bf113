// A bug in one request must not take the editor's server down: uncaught exceptions and unhandled
// promise rejections are logged (to the client's output channel and to stderr) and the process
// carries on. The process still ends when its client goes away (the connection sees to that).
export interface CrashGuardTarget {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Installs the guards on a process; `log` gets one message per incident. */
export function installCrashGuards(target: CrashGuardTarget, log: (message: string) => void): void {
  const report = (what: string, error: unknown) => {
    const message = `${what}: ${String((error as Error)?.stack ?? error)}`;
    try {
      log(message);
    } catch {
      // the client may be gone; stderr is the last resort
    }
    try {
      process.stderr.write(`attribution-lens: ${message}\n`);
    } catch {
      // nothing left to tell
    }
  };
  target.on('uncaughtException', (error) => report('uncaught exception (the server goes on)', error));
  target.on('unhandledRejection', (reason) => report('unhandled promise rejection (the server goes on)', reason));
}
