// A small real LSP client for protocol tests: starts the built server over stdio
// (`node out/server/src/lsp/main.js --stdio`), answers the server's requests (configuration,
// registrations, progress), records notifications, and lets tests wait for signals — the
// `attributionLens/indexed` notification and published diagnostics — never for time.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launchFlags';
import { IndexedNotification, type IndexedParams } from '../../server/src/lsp/protocol';
import { fileUriOf } from '../../server/src/lsp/uris';

export const SERVER_MAIN = path.resolve(__dirname, '../../server/src/lsp/main.js');
export const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/workspaces');

export interface StartOptions {
  /** Workspace folders (absolute paths). */
  folders: string[];
  /** The `attributionLens` settings section the client returns for every scope. */
  settings?: Record<string, unknown>;
  /** Overrides merged into the default client capabilities. */
  capabilities?: ClientCapabilities;
  initializationOptions?: Record<string, unknown>;
  /** Environment variables added to the server's. */
  env?: Record<string, string>;
  /** Runs right after `initialized`, before the initial index is awaited (e.g. to open documents early). */
  onInitialized?: (client: LspTestClient) => Promise<void>;
  /** How long to wait for the initial index (default 15 s; the benchmark's big workspaces need more). */
  indexTimeoutMs?: number;
  /** The server script to start (default: the tsc build's, SERVER_MAIN; e.g. the esbuild bundle's). */
  serverMain?: string;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, dataSupport: true } as never,
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    codeAction: { dataSupport: true, isPreferredSupport: true } as never,
  },
};

export class LspTestClient {
  readonly connection: ProtocolConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly indexed: IndexedParams[] = [];
  /** `$/progress` payloads in arrival order. */
  readonly progress: unknown[] = [];
  readonly registrations: string[] = [];
  /** `window/logMessage` texts (the editor's output channel). */
  readonly logs: string[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;

  private readonly indexedWaiters: Array<(p: IndexedParams) => void> = [];
  private readonly diagnosticWaiters: Array<{ uri: string; test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  private readonly versions = new Map<string, number>();

  private constructor(private readonly child: ChildProcess, settings: Record<string, unknown>) {
    this.settings = settings;
    child.setMaxListeners(1000);
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (b: Buffer) => (this.stderr += b.toString()));
    this.connection.onNotification(IndexedNotification.type, (p) => {
      this.indexed.push(p);
      for (const w of this.indexedWaiters.splice(0)) w(p);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const key = fileUriOf(pathOfUri(p.uri));
      this.diagnostics.set(key, p);
      for (const w of [...this.diagnosticWaiters]) {
        if (w.uri === key && w.test(p.diagnostics, p)) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onNotification('$/progress', (p: unknown) => this.progress.push(p));
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    // As an editor's client does: when the server process is gone, pending requests reject.
    child.once('exit', () => this.connection.dispose());
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const m of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh', 'workspace/diagnostic/refresh']) {
      this.connection.onRequest(m, () => null);
    }
    this.connection.listen();
  }

  /** Starts the server, initializes it and waits for the initial `attributionLens/indexed`. */
  static async start(options: StartOptions): Promise<LspTestClient> {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, options.serverMain ?? SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const client = new LspTestClient(child, options.settings ?? {});
    const firstIndex = client.nextIndexed();
    const folders = options.folders.map((f) => ({ uri: fileUriOf(f), name: path.basename(f) }));
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: merge(DEFAULT_CAPABILITIES, options.capabilities ?? {}),
      initializationOptions: { analysisDelay: 20, ...(options.initializationOptions ?? {}) },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await options.onInitialized?.(client);
    await client.guard(firstIndex, 'the initial attributionLens/indexed notification', options.indexTimeoutMs);
    return client;
  }

  /** The next `attributionLens/indexed` after this call. Call it before the action that causes it. */
  nextIndexed(): Promise<IndexedParams> {
    return new Promise((resolve) => this.indexedWaiters.push(resolve));
  }

  /** The server's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves with the first published diagnostics for `uri` that pass `test` (the latest counts). */
  waitForDiagnostics(filePath: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const key = fileUriOf(filePath);
    const latest = this.diagnostics.get(key);
    if (latest && test(latest.diagnostics, latest)) return Promise.resolve(latest.diagnostics);
    return this.guard(new Promise((resolve) => this.diagnosticWaiters.push({ uri: key, test, resolve })), `diagnostics for ${path.basename(filePath)}`);
  }

  uri(filePath: string): string {
    return fileUriOf(filePath);
  }

  async open(filePath: string, languageId = 'plaintext', text = fs.readFileSync(filePath, 'utf8')): Promise<void> {
    this.versions.set(filePath, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: fileUriOf(filePath), languageId, version: 1, text },
    });
  }

  /** Replaces the whole text of an open document; returns the new version. */
  async change(filePath: string, text: string): Promise<number> {
    const version = (this.versions.get(filePath) ?? 1) + 1;
    this.versions.set(filePath, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: fileUriOf(filePath), version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Sends edits as incremental changes (ranges in the text before each one, applied in order, as editors send them); returns the new version. */
  async changeRanges(filePath: string, edits: TextEdit[]): Promise<number> {
    const version = (this.versions.get(filePath) ?? 1) + 1;
    this.versions.set(filePath, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: fileUriOf(filePath), version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  async close(filePath: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: fileUriOf(filePath) } });
  }

  async fileEvents(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Rejects with the server's stderr when a signal never comes (mocha's timeout is the backstop). */
  guard<T>(promise: Promise<T>, what: string, ms = 15000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise<never>((_, reject) => {
      this.child.once('exit', (code) => reject(new Error(`server exited (${code}) while waiting for ${what}\n${this.stderr}`)));
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms\n${this.stderr}`)), ms);
    });
    return Promise.race([promise, exited, timeout]).finally(() => clearTimeout(timer));
  }

  /** Kills the server process at once (SIGKILL), as a crash would; resolves when it has exited. */
  kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    return exited;
  }

  /** Shuts the server down; `beforeExit` runs once it has answered `shutdown` (its last write done), before `exit`. */
  async stop(beforeExit?: () => void): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => this.child.once('exit', r))]);
      beforeExit?.();
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const offsetAt = (line: number, character: number): number => {
    let offset = 0;
    for (let l = 0; l < line; l++) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) return text.length;
      offset = nl + 1;
    }
    return Math.min(offset + character, text.length);
  };
  const resolved = edits
    .map((e) => ({ start: offsetAt(e.range.start.line, e.range.start.character), end: offsetAt(e.range.end.line, e.range.end.character), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The text edits a WorkspaceEdit makes to each file path. */
export function editsByPath(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  const add = (uri: string, edits: TextEdit[]) => out.set(pathOfUri(uri), [...(out.get(pathOfUri(uri)) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) add(change.textDocument.uri, change.edits as TextEdit[]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) add(uri, edits);
  return out;
}

export function pathOfUri(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, '')).replace(/^\/([a-zA-Z])%3A/i, '$1:');
}

/** A fresh copy of a fixture workspace in a temporary folder (tests may change it). */
export function copyFixture(name: string): string {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), `al-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

/** Line/character of the first occurrence of `needle` (plus `delta` characters) in a file's text. */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

function merge<T>(a: T, b: Partial<T>): T {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return (b ?? a) as T;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v as never) : v;
  return out as T;
}
