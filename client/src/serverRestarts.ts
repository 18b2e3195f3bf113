// The language client's error handler: restarts a server that died, with the back-off of
// restartPolicy.ts, and says so in the output channel; gives up (with a message naming the
// Restart Server command) when the server keeps dying.
import { CloseAction, ErrorAction, State, type ErrorHandler, type LanguageClient } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

export function restartingErrorHandler(policy: RestartPolicy, log: (line: string) => void): ErrorHandler {
  return {
    // A message that could not be read or written: carry on, unless it keeps happening.
    error: (_error, _message, count) => ({ action: count !== undefined && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue }),
    async closed() {
      const decision = policy.exited(Date.now());
      if (!decision.restart) {
        return { action: CloseAction.DoNotRestart, message: `Attribution Lens: ${decision.reason}; it was not restarted. Run "Attribution Lens: Restart Server" to try again.` };
      }
      log(`The Attribution Lens server stopped; restarting in ${decision.delayMs} ms (attempt ${decision.attempt}).`);
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** Tells the policy whenever the server is up, so that a long healthy run resets the back-off. */
export function trackRuns(client: LanguageClient, policy: RestartPolicy): { dispose(): void } {
  return client.onDidChangeState((e) => {
    if (e.newState === State.Running) policy.started(Date.now());
  });
}
