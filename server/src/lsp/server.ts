// The language server: a connection, the workspace index, and one line of wiring per feature.
// Everything LSP-specific lives in server/src/lsp; the analysis core and the workspace model know
// nothing of it. Works over --stdio, --node-ipc and --socket (createConnection reads argv).
import type {
  ClientCapabilities,
  Connection,
  InitializeParams,
  InitializeResult,
  Location,
  WorkspaceFolder,
} from 'vscode-languageserver/node';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
} from './languageServer';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { installCrashGuards } from './crashGuards';
import type { FeatureContext } from './context';
import { completions } from './completion';
import { definition } from './definition';
import { documentHighlights } from './documentHighlight';
import { selectionRanges } from './selectionRange';
import { diagnosticsFor } from './diagnostics';
import { documentSymbols } from './documentSymbols';
import { hover } from './hover';
import { inlayHints } from './inlayHints';
import { lengthLimitNotice } from './lengthLimitNotice';
import { serverLog, textDigest } from './logFile';
import { IndexedNotification, SpeakersRequest, StatementsBySpeakerRequest, StatementTableRequest, TimelineRequest, UnattributedQuotesRequest, type IndexedParams } from './protocol';
import { primeReferences, referencesReply } from './references';
import { RegistryManager } from './registry';
import { registryFixes } from './registryFixes';
import { prepareRename, rename } from './rename';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensRange } from './semanticTokens';
import { SettingsStore, type Settings } from './settings';
import { speakers } from './speakers';
import { statementsBySpeaker } from './statementsBySpeaker';
import { statementTable } from './statementTable';
import { timeline } from './timeline';
import { createServerConnection } from './transport';
import { UnattributedTally } from './unattributedTally';
import { unattributedQuotes } from './unattributedQuotes';
import { WorkspaceIndex, type ProgressSink } from './workspaceIndex';
import { workspaceSymbols } from './workspaceSymbols';
import { nextTurn } from '../node/eventLoop';

/** Starts the Attribution Lens language server on the transport named in process.argv. */
export function startServer(): void {
  const connection = createServerConnection();
  installCrashGuards(process, (message) => connection.console.error(message));
  wireServer(connection);
  connection.listen();
}

/** Registers every handler on a connection (separate from startServer so tests may pass their own). */
export function wireServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let settings: SettingsStore | undefined;
  let folders: string[] = [];
  let initOptions: { analysisDelay?: number; storagePath?: string } = {};
  const log = serverLog(connection);

  const registry = new RegistryManager({
    settingsFor: (uri) => settings!.get(uri),
    publish: (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, ...(version === null ? {} : { version }) }),
    changed: () => void index.reconfigure(),
    log: (message) => log.error(message),
    delay: () => initOptions.analysisDelay,
  });
  const index = new WorkspaceIndex({
    settingsFor: (uri) => settings!.get(uri),
    log: (message) => log.error(message),
    get analysisDelay() {
      return initOptions.analysisDelay;
    },
    modelOptions: () => registry.modelOptions(),
    isExcluded: (uri) => registry.isIgnored(uri),
    get storagePath() {
      return initOptions.storagePath;
    },
  });
  const ctx: FeatureContext = {
    index,
    registry,
    settings: (uri) => settings!.get(uri),
    capabilities: { documentChanges: false, hierarchicalSymbols: true },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const opts = (params.initializationOptions ?? {}) as Record<string, unknown>;
    if (typeof opts.analysisDelay === 'number') initOptions.analysisDelay = opts.analysisDelay;
    // Where the persistent index lives: the editor's storage for this extension (none: not kept).
    if (typeof opts.storagePath === 'string' && opts.storagePath) initOptions.storagePath = opts.storagePath;
    settings = new SettingsStore(connection, !!capabilities.workspace?.configuration, opts);
    ctx.capabilities.documentChanges = !!capabilities.workspace?.workspaceEdit?.documentChanges;
    ctx.capabilities.createFiles = !!capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create');
    folders = foldersOf(params.workspaceFolders, params.rootUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        completionProvider: { resolveProvider: false },
        documentHighlightProvider: true,
        selectionRangeProvider: true,
        documentSymbolProvider: { label: 'Attribution Lens' },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        renameProvider: { prepareProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'attribution-lens' },
    };
  });

  connection.onInitialized(() => {
    const dynamic = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    if (dynamic) {
      // Articles by extension, and any deletion (a deleted folder reports only itself).
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{txt,md,markdown,article,news}', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete },
          { globPattern: '**/*', kind: WatchKind.Delete },
          // The speaker registry (attribution-lens.yaml, or wherever the setting points).
          { globPattern: '**/*.{yaml,yml}', kind: WatchKind.Create | WatchKind.Change },
        ],
      });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'attributionLens' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri)];
        void reloadRegistry();
        void index.foldersChanged(folders);
      });
    }
    void startIndexing();
  });

  async function startIndexing(): Promise<void> {
    const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
    const progress: ProgressSink = {
      begin: (title, percentage, message) => reporter?.begin(title, percentage, message, false),
      report: (percentage, message) => reporter?.report(percentage, message ?? ''),
      done: () => reporter?.done(),
    };
    // The registry first, so that articles are analysed once, with it.
    await registry.load(folders).catch((err) => log.error(`registry: ${String(err?.stack ?? err)}`));
    await index.initialize(folders, progress);
  }

  async function reloadRegistry(): Promise<void> {
    try {
      if (await registry.load(folders)) await index.reconfigure();
    } catch (err) {
      log.error(`registry: ${String((err as Error)?.stack ?? err)}`);
    }
  }

  // ----- keeping the index current -----
  const traceDoc = (what: string, doc: TextDocument) => log.trace(() => `${what} ${doc.uri} v${doc.version} ${textDigest(doc.getText())}`);
  documents.onDidOpen((e) => {
    traceDoc('didOpen', e.document);
    registry.didOpen(e.document);
    index.didOpen(e.document);
  });
  documents.onDidChangeContent((e) => {
    traceDoc('content', e.document);
    registry.didChange(e.document);
    index.didChange(e.document);
  });
  documents.onDidClose((e) => {
    traceDoc('didClose', e.document);
    registry.didClose(e.document);
    index.didClose(e.document);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  connection.onDidChangeWatchedFiles((p) => {
    log.trace(() => `didChangeWatchedFiles ${p.changes.map((c) => `${c.type}:${c.uri}`).join(' ')}`);
    void registry.filesChanged(p.changes);
    void index.didChangeWatchedFiles(p.changes);
  });
  connection.onDidChangeConfiguration((p) => {
    log.trace(() => 'didChangeConfiguration');
    settings?.changed(p.settings);
    void reloadRegistry();
    void index.settingsChanged();
  });

  // After every processed change: diagnostics for open articles first, then the `indexed` signal,
  // so that a client waiting for the signal sees diagnostics that are already current.
  let publishing: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;
  let refreshedAt: { model: unknown; version: number } | undefined;
  const tally = new UnattributedTally();
  index.onDidUpdate(() => {
    log.trace(() => `update${busy ? ' (while publishing)' : ''}`);
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    publishing = publishing.then(async () => {
      try {
        do {
          again = false;
          await publishAll();
        } while (again);
      } catch (err) {
        log.error(`publishing: ${String((err as Error)?.stack ?? err)}`);
      } finally {
        busy = false;
      }
    });
  });

  /**
   * What was last published per document, and what it was made from: a document none of whose
   * inputs changed (its analysis, version, language and rule settings, the names across the
   * workspace) is not even checked again, so an edit costs one document's diagnostics, not all.
   */
  const published = new Map<string, { inputs: unknown[]; signature: string }>();
  const sameInputs = (a: unknown[] | undefined, b: unknown[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);
  /** Each rule-settings object's JSON, made once (every open document is checked after each edit). */
  const ruleSettingsJson = new WeakMap<object, string>();
  const ruleSettingsKey = (rules: Settings['diagnostics']): string => {
    let json = ruleSettingsJson.get(rules);
    if (json === undefined) ruleSettingsJson.set(rules, (json = JSON.stringify(rules)));
    return json;
  };
  async function publishAll(): Promise<void> {
    // The documents just edited first, and on the wire before the others are even looked at:
    // theirs are the diagnostics the user waits for.
    const first = index.openArticlesAmong(index.takeChanged());
    for (const doc of first) await publishFor(doc);
    if (first.length) await nextTurn();
    // One document at a time, letting requests in between (many may have just been opened; one
    // opened meanwhile has the next round, as any change does).
    const docs = index.openArticles();
    for (const doc of docs) {
      if (!first.includes(doc) && index.isOpen(doc) && (await publishFor(doc))) await nextTurn();
    }
    await sendIndexed();
  }

  /**
   * Publishes one open article's diagnostics, unless nothing they depend on changed since the last
   * time; returns whether it did any work.
   */
  async function publishFor(doc: TextDocument): Promise<boolean> {
    try {
      // Settings first: asking the client for them lets messages in, an edit among them, and the
      // diagnostics must be of the text of the version they are published for (read after it).
      const s = await ctx.settings(doc.uri);
      const entry = index.article(doc.uri);
      if (!entry) return false;
      const model = index.model;
      const inputs = [entry.analysis, model, model.namesVersion, doc.version, doc.languageId, ruleSettingsKey(s.diagnostics), index.truncationOf(doc.uri)?.notice];
      const last = published.get(doc.uri);
      if (sameInputs(last?.inputs, inputs)) return false;
      const diagnostics = [...diagnosticsFor(ctx, entry, s), ...lengthLimitNotice(ctx, entry)];
      const params = { uri: doc.uri, version: doc.version, diagnostics };
      const signature = JSON.stringify(params);
      published.set(doc.uri, { inputs, signature });
      if (last?.signature === signature) return true;
      log.trace(() => `diagnostics ${doc.uri} v${doc.version} doc ${textDigest(doc.getText())} analysed ${textDigest(entry.analysis.text)}: ${diagnostics.map((d) => d.code).join(' ') || 'none'}`);
      await connection.sendDiagnostics(params);
    } catch (err) {
      log.error(`diagnostics for ${doc.uri}: ${String((err as Error)?.stack ?? err)}`);
    }
    return true;
  }

  /** The `indexed` notification: counts after the change, and how the index was made the first time. */
  async function sendIndexed(): Promise<void> {
    const model = index.model;
    const params: IndexedParams = {
      articles: model.size,
      speakers: model.speakerCount,
      unattributedQuotes: tally.total(ctx, index.takeTouched()),
      skipped: index.skipped(),
      truncated: index.truncated(),
    };
    const startup = index.takeStartupReport();
    if (startup) params.startup = startup;
    log.trace(() => `indexed ${JSON.stringify(params)}`);
    await connection.sendNotification(IndexedNotification.type, params);
    refreshViews();
    // The index as the start left it is complete: the busiest speakers' references are made
    // ahead of their first request, in idle turns.
    if (startup?.checked) void primeReferences(ctx).catch((err: unknown) => log.error(`references: ${String((err as Error)?.stack ?? err)}`));
  }

  /** Cross-article counts changed: ask the client to re-request lenses, hints and tokens. */
  function refreshViews(): void {
    // The model says when speakers' names or counts may have changed; no walk over every speaker.
    const now = { model: index.model, version: index.model.speakerCountsVersion };
    if (refreshedAt && refreshedAt.model === now.model && refreshedAt.version === now.version) return;
    refreshedAt = now;
    const ws = capabilities.workspace;
    if (ws?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (ws?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (ws?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
  }

  // ----- features: one line each -----
  connection.onHover((p, token) => hover(ctx, p, token));
  // The answer's JSON is made once (transport.ts).
  connection.onReferences((p, token) => referencesReply(ctx, p, token) as unknown as Location[] | null);
  connection.onDefinition((p, token) => definition(ctx, p, token));
  connection.onCompletion((p, token) => completions(ctx, p, token));
  connection.onDocumentHighlight((p, token) => documentHighlights(ctx, p, token));
  connection.onSelectionRanges((p, token) => selectionRanges(ctx, p, token));
  connection.onDocumentSymbol((p, token) => documentSymbols(ctx, p, token));
  connection.onWorkspaceSymbol((p, token) => workspaceSymbols(ctx, p, token));
  connection.onCodeAction((p, token) => [...codeActions(ctx, p, token), ...registryFixes(ctx, p, token)]);
  connection.onCodeLens((p, token) => codeLenses(ctx, p, token));
  connection.languages.inlayHint.on((p, token) => inlayHints(ctx, p, token));
  connection.languages.semanticTokens.on((p, token) => semanticTokens(ctx, p, token));
  connection.languages.semanticTokens.onRange((p, token) => semanticTokensRange(ctx, p, token));
  connection.onPrepareRename((p, token) => prepareRename(ctx, p, token));
  connection.onRenameRequest((p, token) => rename(ctx, p, token));
  connection.onRequest(StatementsBySpeakerRequest.type, (p, token) => statementsBySpeaker(ctx, p ?? {}, token));
  connection.onRequest(SpeakersRequest.type, (token) => speakers(ctx, token));
  connection.onRequest(TimelineRequest.type, (p, token) => timeline(ctx, p ?? {}, token));
  connection.onRequest(StatementTableRequest.type, (p, token) => statementTable(ctx, p ?? {}, token));
  connection.onRequest(UnattributedQuotesRequest.type, (token) => unattributedQuotes(ctx, token));

  // The reply to shutdown waits for the persistent index to be written.
  connection.onShutdown(() => {
    registry.dispose();
    return index.dispose();
  });
  documents.listen(connection);
}

/** Resolves on the next turn of the event loop, once the messages sent so far are written. */

function foldersOf(workspaceFolders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  if (workspaceFolders?.length) return workspaceFolders.map((f) => f.uri);
  return rootUri ? [rootUri] : [];
}

