// The VS Code client: starts the language server (out/server/src/lsp/main.js, or the bundled
// dist/server.js in a packaged extension) over IPC and wires one file per feature. The returned
// API lets end-to-end tests wait for the server's `attributionLens/indexed` signal.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launchFlags';
import { IndexedNotification, type IndexedParams } from '../../server/src/lsp/protocol';
import { registerExportStatements } from './exportStatements';
import { registerFindStatementsBy } from './findStatementsBy';
import { RestartPolicy } from './restartPolicy';
import { restartingErrorHandler, trackRuns } from './serverRestarts';
import { serverModulePath } from './serverPath';
import { registerStatusBar } from './statusBar';
import { registerStatementsTree } from './statementsTree';
import { registerTimeline } from './timeline/timelinePanel';
import { registerShowUnattributedQuotes } from './unattributedQuotes';

export interface AttributionLensApi {
  /**
   * Resolves with an `attributionLens/indexed` notification not yet handed out by an earlier call
   * (the one already received, if any), else with the next one.
   */
  whenIndexed(): Promise<IndexedParams>;
  /** The most recent notification, if any. */
  lastIndexed(): IndexedParams | undefined;
  client: LanguageClient;
}

/** The languages whose documents may be articles (the server's globs decide which are). */
const LANGUAGES = ['plaintext', 'markdown', 'news-article'];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<AttributionLensApi> {
  const module = serverModulePath(context.extensionPath);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const restarts = new RestartPolicy();
  const output = vscode.window.createOutputChannel('Attribution Lens');
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      // The speaker registry (attribution-lens.yaml, or the file `attributionLens.registry.path`
      // names): the server follows its unsaved edits and puts its problems on it.
      { scheme: 'file', language: 'yaml' },
    ],
    outputChannel: output,
    errorHandler: restartingErrorHandler(restarts, (line) => output.appendLine(line)),
    // The server keeps its persistent index here, so a reopened workspace is ready at once.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
  };
  const lc = new LanguageClient('attributionLens', 'Attribution Lens', serverOptions, clientOptions);
  client = lc;
  context.subscriptions.push(trackRuns(lc, restarts));

  let unseen: IndexedParams | undefined;
  let last: IndexedParams | undefined;
  const waiters: Array<(p: IndexedParams) => void> = [];
  const indexedEmitter = new vscode.EventEmitter<IndexedParams>();
  context.subscriptions.push(
    indexedEmitter,
    lc.onNotification(IndexedNotification.type, (params) => {
      last = params;
      const waiting = waiters.splice(0);
      if (waiting.length) for (const w of waiting) w(params);
      else unseen = params;
      indexedEmitter.fire(params);
    }),
  );
  const api: AttributionLensApi = {
    client: lc,
    lastIndexed: () => last,
    whenIndexed() {
      if (unseen) {
        const p = unseen;
        unseen = undefined;
        return Promise.resolve(p);
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
  };

  registerStatusBar(context, indexedEmitter.event);
  registerStatementsTree(context, lc, indexedEmitter.event);
  registerFindStatementsBy(context, lc);
  registerShowUnattributedQuotes(context, lc);
  registerExportStatements(context, lc);
  registerTimeline(context, lc, indexedEmitter.event);
  context.subscriptions.push(
    vscode.commands.registerCommand('attributionLens.restartServer', async () => {
      unseen = undefined;
      restarts.reset();
      await lc.restart();
    }),
  );

  await lc.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
