// The server's connection, and results sent as JSON made once. A busy speaker's references are
// over a thousand locations, some 200 KB of JSON, asked for again and again while the workspace
// stays as it is: turning the same locations into the same JSON for every request costs a
// millisecond and leaves half a megabyte of garbage each time. `Serialised` keeps a result's JSON;
// over stdio (what editors use) the connection's writer sends it as it is, through the JSON
// encoder vscode-jsonrpc lets a writer be given; over any other transport, and wherever else the
// result is turned into JSON, it stands for its value (`toJSON`).
import type { Writable } from 'stream';
import { format, inspect, type InspectOptions } from 'util';
import type { Connection, ContentTypeEncoder, Message } from 'vscode-languageserver/node';
import { createConnection, ProposedFeatures, StreamMessageWriter } from './languageServer';

/** A request's result with its JSON, made when first sent and kept in its place. */
export class Serialised<T> {
  private parsed: T | undefined;
  private bytes: Buffer | undefined;

  constructor(value: T) {
    this.parsed = value;
  }

  /** A result written as JSON to begin with (the value is parsed from it only if asked for). */
  static ofJson<T>(json: Buffer): Serialised<T> {
    const answer = new Serialised<T>(undefined as T);
    answer.bytes = json;
    return answer;
  }

  /** The value (parsed again from the JSON if that is all there is). */
  get value(): T {
    return (this.parsed ??= JSON.parse(this.bytes!.toString('utf8')) as T);
  }

  /**
   * The value's JSON, in UTF-8. Once made it is kept instead of the value: outside the heap, and
   * smaller than a thousand locations' objects.
   */
  get json(): Buffer {
    if (!this.bytes) {
      this.bytes = Buffer.from(JSON.stringify(this.parsed), 'utf8');
      this.parsed = undefined;
    }
    return this.bytes;
  }

  toJSON(): T {
    return this.value;
  }
}

const RESULT_KEY = Buffer.from(',"result":', 'utf8');
const CLOSE = Buffer.from('}', 'utf8');

/**
 * vscode-jsonrpc's JSON encoder, except that a response whose result is `Serialised` is made of its
 * JSON: the same bytes `JSON.stringify` would give (`result` comes last in a response).
 */
export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message: Message, options): Promise<Uint8Array> {
    try {
      const result = (message as { result?: unknown }).result;
      if (result instanceof Serialised) {
        const head = JSON.stringify({ ...message, result: undefined });
        return Promise.resolve(Buffer.concat([Buffer.from(head.slice(0, -1), 'utf8'), RESULT_KEY, result.json, CLOSE]));
      }
      return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
    } catch (err) {
      return Promise.reject(err);
    }
  },
};

/**
 * The server's connection on the transport named in argv (--stdio, --node-ipc, --socket=N,
 * --pipe=NAME, the first one given). Over stdio its writer has `jsonEncoder`, and the rest is what
 * vscode-languageserver does for --stdio: the process ends when stdin does, and the console, whose
 * stdout is the protocol's, goes to the client's log.
 */
export function createServerConnection(argv: readonly string[] = process.argv): Connection {
  const transport = argv.slice(2).find((a) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(a));
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  // Given a readable stream for input, vscode-languageserver ends the process when it ends (as it
  // does for --stdio) whatever the output is; its typings pair a stream only with a stream.
  const writer = new StreamMessageWriter(new OneWritePerMessage(process.stdout) as unknown as NodeJS.WritableStream, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  redirectConsole(connection);
  return connection;
}

/**
 * The stream vscode-jsonrpc's writer writes to, sending each message's header with its content in
 * one write. The writer writes the header, waits for that write, then the content: over a pipe the
 * client was woken twice per message, the first time for a header alone. The header is held until
 * the content comes, then both go out corked, as one writev of the two (a 200 KB answer is not copied).
 */
export class OneWritePerMessage {
  private header: string | undefined;
  private headerEncoding: BufferEncoding = 'ascii';

  constructor(private readonly out: Writable) {}

  write(data: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), done?: (err?: Error | null) => void): boolean {
    const callback = typeof encoding === 'function' ? encoding : done;
    if (typeof data === 'string') {
      // The header (the writer's only string): held for the content that follows it.
      if (this.header !== undefined) this.out.write(this.header, this.headerEncoding);
      this.header = data;
      this.headerEncoding = typeof encoding === 'string' ? encoding : 'utf8';
      if (callback) process.nextTick(callback);
      return true;
    }
    const header = this.header;
    this.header = undefined;
    if (header === undefined) return this.out.write(data, callback);
    this.out.cork();
    this.out.write(header, this.headerEncoding);
    const ok = this.out.write(data, callback);
    this.out.uncork();
    return ok;
  }

  end(): void {
    if (this.header !== undefined) this.out.write(this.header, this.headerEncoding);
    this.header = undefined;
    this.out.end();
  }

  on(event: string, listener: (...args: unknown[]) => void): this {
    this.out.on(event, listener);
    return this;
  }

  off(event: string, listener: (...args: unknown[]) => void): this {
    this.out.off(event, listener);
    return this;
  }
}

/**
 * The console's output as log messages to the client, as vscode-languageserver does for --stdio
 * (count, time, table, assert and trace go through these).
 */
function redirectConsole(connection: Connection): void {
  const to = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = console.info = console.debug = to((m) => connection.console.log(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
  console.dir = (value: unknown, options?: InspectOptions) => connection.console.log(inspect(value, options));
}
