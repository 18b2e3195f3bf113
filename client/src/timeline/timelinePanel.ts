// "Attribution Lens: Show Speaker Timeline": a webview panel fed by `attributionLens/timeline`,
// refreshed after every `attributionLens/indexed`. The drawing is webviewMain.ts; what messages
// mean is messages.ts; the HTML and its content security policy are html.ts.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TimelineRequest, type IndexedParams, type TimelineResult } from '../../../server/src/lsp/protocol';
import { makeNonce, timelineHtml } from './html';
import { handleTimelineMessage } from './messages';
import type { ToWebview } from './timelineView';

export const SHOW_TIMELINE_COMMAND = 'attributionLens.showTimeline';

/** Scripts of the webview: one bundle in a packaged extension, tsc's output in development. */
export function timelineScripts(extensionPath: string, exists: (p: string) => boolean = fs.existsSync): { files: string[]; commonJs: boolean } {
  const bundled = path.join(extensionPath, 'dist', 'timeline.js');
  const compiled = path.join(extensionPath, 'out', 'client', 'src', 'timeline');
  const dev = [path.join(compiled, 'timelineView.js'), path.join(compiled, 'webviewMain.js')];
  if (dev.every(exists) && !__dirname.startsWith(path.join(extensionPath, 'dist'))) return { files: dev, commonJs: true };
  return { files: [bundled], commonJs: false };
}

export function registerTimeline(context: vscode.ExtensionContext, client: LanguageClient, onIndexed: vscode.Event<IndexedParams>): void {
  let panel: vscode.WebviewPanel | undefined;
  let shown: TimelineResult | undefined;

  const send = async () => {
    if (!panel) return;
    shown = await client.sendRequest(TimelineRequest.type, {});
    const message: ToWebview = { type: 'data', data: shown };
    await panel.webview.postMessage(message);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, () => {
      if (panel) {
        panel.reveal();
        return;
      }
      const scripts = timelineScripts(context.extensionPath);
      panel = vscode.window.createWebviewPanel('attributionLens.timeline', 'Speaker Timeline', vscode.ViewColumn.Beside, {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [...new Set(scripts.files.map((f) => path.dirname(f)))].map((dir) => vscode.Uri.file(dir)),
      });
      const webview = panel.webview;
      webview.html = timelineHtml({
        cspSource: webview.cspSource,
        nonce: makeNonce(),
        scripts: scripts.files.map((f) => webview.asWebviewUri(vscode.Uri.file(f)).toString()),
        commonJs: scripts.commonJs,
      });
      const subscriptions: vscode.Disposable[] = [
        webview.onDidReceiveMessage((raw) =>
          handleTimelineMessage(raw, {
            sendData: send,
            isKnownUri: (uri) => !!shown?.entries.some((e) => e.uri === uri),
            open: async (uri, range) => {
              const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
              await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, viewColumn: vscode.ViewColumn.One, preview: true });
            },
          }),
        ),
        onIndexed(() => void send().catch(() => undefined)),
      ];
      panel.onDidDispose(() => {
        for (const s of subscriptions) s.dispose();
        panel = undefined;
        shown = undefined;
      });
    }),
  );
}
