// Helpers of the end-to-end suite: the extension under test, the fixture workspace, and waiting for
// signals (the server's `attributionLens/indexed` notification, diagnostics changes), never sleeping.
import * as assert from 'assert';
import { appendFileSync, readFileSync } from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { SERVER_LOG_ENV, textDigest } from '../../../server/src/lsp/logFile';
import type { IndexedParams } from '../../../server/src/lsp/protocol';

export const EXTENSION_ID = process.env.ATTRIBUTION_LENS_E2E_EXTENSION_ID || 'attribution-lens.attribution-lens';
/** `vsix`: the extension under test is the installed .vsix; `dev`: the repository (extensionDevelopmentPath). */
export const MODE = process.env.ATTRIBUTION_LENS_E2E_MODE || 'dev';
export const SOURCE = 'attribution-lens';
/** Upper bound for any one wait; a feature that never answers fails the test instead of hanging the run. */
export const WAIT_MS = 30_000;

/** The API the client returns from activate() (client/src/extension.ts). */
export interface AttributionLensApi {
  whenIndexed(): Promise<IndexedParams>;
  lastIndexed(): IndexedParams | undefined;
  client: unknown;
}

/**
 * Adds a line from the suite to the language server's log file (when the launcher set one), so the
 * server's trace reads in the order of the tests.
 */
export function note(message: string): void {
  const file = process.env[SERVER_LOG_ENV];
  if (file) appendFileSync(file, `${new Date().toISOString()} [suite] ${message}\n`);
}

/** How the suite's side of a document reads in the server log (compare with the server's lines). */
export function describeDocument(doc: vscode.TextDocument): string {
  return `${doc.uri.toString()} v${doc.version} ${textDigest(doc.getText())}${doc.isDirty ? ' dirty' : ''}`;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return folder;
}

/** The repository's copy of the fixture workspace (the launchers open a copy of it). */
export const FIXTURE_DIR = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'e2e-workspace');

/** A workspace file as written in the repository's fixture. */
export function fixtureText(uri: vscode.Uri): string {
  const rel = path.relative(workspaceFolder().uri.fsPath, uri.fsPath);
  return readFileSync(path.join(FIXTURE_DIR, rel), 'utf8');
}

export function articleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'articles', name);
}

export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(articleUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function extension(): vscode.Extension<AttributionLensApi> {
  const ext = vscode.extensions.getExtension<AttributionLensApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext;
}

/** Rejects after `ms` with `what` (a function: described as things stand then); resolves with `p`. */
export function within<T>(p: Promise<T>, what: string | (() => string), ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const describe = typeof what === 'function' ? what : () => what;
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${describe()}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits for the extension to be active (VS Code activates it on its own: the suite never calls
 * activate()). VS Code has no activation event for other extensions, so this checks `isActive`
 * on a short interval until the deadline: a condition, not a fixed sleep.
 */
export async function activeApi(): Promise<AttributionLensApi> {
  const ext = extension();
  const deadline = Date.now() + WAIT_MS;
  while (!ext.isActive) {
    if (Date.now() > deadline) throw new Error(`${EXTENSION_ID} did not activate within ${WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const api = ext.exports;
  assert.ok(api && typeof api.whenIndexed === 'function', 'activate() returns the API with whenIndexed()');
  return api;
}

/** The first `attributionLens/indexed` state that satisfies `pred` (the current one, or a later one). */
export async function indexedWhere(pred: (p: IndexedParams) => boolean, what: string): Promise<IndexedParams> {
  const api = await activeApi();
  const loop = async (): Promise<IndexedParams> => {
    for (;;) {
      const last = api.lastIndexed();
      if (last && pred(last)) return last;
      await api.whenIndexed();
    }
  };
  return within(loop(), () => `an indexed notification with ${what} (last: ${JSON.stringify(api.lastIndexed())})`);
}

export function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE && (code === undefined || codeOf(d) === code));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** Resolves with the document's diagnostics once `pred` holds for them: checked now, then on every change. */
export function diagnosticsWhere(
  uri: vscode.Uri,
  pred: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  const p = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!pred(ds)) return false;
      resolve(ds);
      return true;
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
  const describe = () => ours(uri).map((d) => `${codeOf(d)}: ${d.message}`).join('; ') || 'none';
  return within(p, () => `${what} (diagnostics now: ${describe()})`)
    .catch((err: Error) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      note(`${err.message}; the suite's document: ${doc ? describeDocument(doc) : 'not open'}`);
      throw err;
    })
    .finally(() => sub?.dispose());
}

/** The position of the `nth` occurrence of `needle` in the document, `offset` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0, offset = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs ${nth + 1} time(s) in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}

/** The plain text of hovers (markdown and strings joined). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]<>#|])/g, '$1');
}

/**
 * Undoes unsaved edits of a document: it reads as the fixture is written again. (It relies on the
 * test profile not saving edits: `files.autoSave` is off, checked by 00-smoke.test.ts.)
 */
export async function revert(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return;
  if (doc.isDirty) {
    note(`revert ${describeDocument(doc)}`);
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    note(`reverted ${describeDocument(doc)}`);
    assert.ok(!doc.isDirty, `${uri.path} reverted`);
  }
  assert.ok(doc.getText() === fixtureText(uri), `${uri.path} reads as the fixture is written (was an edit saved?)`);
}
