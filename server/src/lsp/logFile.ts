// The server's log: errors go to the client (its output channel); when ATTRIBUTION_LENS_SERVER_LOG
// names a file, errors and a trace of document sync, analysis and publishing are also appended to
// it. The output channel of a VS Code inside a browser (code-server) is not on disk, so the e2e
// launcher sets the variable to see, after a failure, what the server received and answered.
import { appendFileSync } from 'fs';
import type { Connection } from 'vscode-languageserver/node';

export interface ServerLog {
  /** A problem: to the client's output channel, and to the log file if any. */
  error(message: string): void;
  /** Only when a log file is set; `message` is called only then. */
  trace(message: () => string): void;
}

export const SERVER_LOG_ENV = 'ATTRIBUTION_LENS_SERVER_LOG';

export function serverLog(connection: Connection, file = process.env[SERVER_LOG_ENV]): ServerLog {
  const append = (level: string, message: string): void => {
    if (!file) return;
    try {
      // Synchronous: the lines must be on disk even when the process is killed right after.
      appendFileSync(file, `${new Date().toISOString()} [${process.pid}] ${level} ${message}\n`);
    } catch {
      file = undefined; // an unwritable log must not break the server
    }
  };
  return {
    error(message) {
      connection.console.error(message);
      append('error', message);
    },
    trace(message) {
      if (file) append('trace', message());
    },
  };
}

/** A short fingerprint of a text, to compare what each side holds without logging articles. */
export function textDigest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}
