// What the user sees on screen, checked in the workbench's DOM. VS Code has no API to read the status
// bar, a tree view's rows, the references peek or a rendered hover, and the extension host (with
// every item the extension put on screen) is shut down as soon as run() resolves. So, while the
// extension is alive, this file
//   1. sets the scene: the Statements view, 03-terminal-audit.txt with its unattributed-quote
//      warning, and "Find All Statements By…" showing Elena Vassallo's statements in the peek;
//   2. writes what to expect to ATTRIBUTION_LENS_E2E_SCENE_FILE and waits for the launcher
//      (scripts/e2e/run.mjs, checkWorkbench), which drives chromium (Escape, clicks, a real mouse
//      hover), checks the DOM, takes the README screenshot and writes `<scene file>.result.json`;
//   3. reports each of the launcher's checks as a test of its own.
// Without the launcher (ATTRIBUTION_LENS_E2E_SCENE_FILE unset, e.g. @vscode/test-electron) it is skipped.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, articleUri, codeOf, diagnosticsWhere, indexedWhere, openArticle, positionOf, revert, within } from './helpers';

const sceneFile = process.env.ATTRIBUTION_LENS_E2E_SCENE_FILE;

/** The launcher's checks, by key (the same keys as in scripts/e2e/run.mjs). */
const CHECKS: Record<string, string> = {
  peek: '“Find All Statements By…” lists her 6 statements in 3 articles in the references peek',
  statusBar: 'the status bar item shows the articles, speakers and unattributed quotes',
  tree: 'the Statements view lists the speaker, her articles and her statements',
  squiggle: 'the unattributed quote is underlined as a warning in the editor',
  hover: 'hovering the speaker with the mouse shows who she is and her statement count',
};

type Result = Record<string, { ok: boolean; error?: string }>;

function writeAtomically(file: string, data: unknown): void {
  fs.writeFileSync(file + '.tmp', JSON.stringify(data, null, 2));
  fs.renameSync(file + '.tmp', file);
}

/** Resolves with the parsed file once it exists (fs.watch on its folder: no polling). */
function fileAppears(file: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const read = (): boolean => {
      if (!fs.existsSync(file)) return false;
      watcher.close();
      try {
        resolve(JSON.parse(fs.readFileSync(file, 'utf8')));
      } catch (e) {
        reject(e);
      }
      return true;
    };
    const watcher = fs.watch(path.dirname(file), (_event, name) => {
      if (name && String(name) === path.basename(file)) read();
    });
    read();
  });
}

describe('what the user sees (checked in the workbench DOM by the launcher)', function () {
  let result: Result | undefined;
  let sceneError: unknown;

  before(async function () {
    if (!sceneFile) return this.skip();
    this.timeout(120_000);
    try {
      for (const name of ['01-ferry-strike.txt', '02-ferry-talks.txt', '03-terminal-audit.txt', '04-council-timetable.txt']) {
        await revert(articleUri(name));
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      const indexed = await indexedWhere((p) => p.articles === 4 && p.unattributedQuotes === 1, 'the fixture as written');
      await vscode.commands.executeCommand('attributionLens.showStatements');

      const uri = articleUri('03-terminal-audit.txt');
      const editor = await openArticle('03-terminal-audit.txt');
      await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === 'unattributed-quote'), 'the unattributed-quote warning');
      const at = positionOf(editor.document, 'Elena Vassallo', 0, 0);
      editor.selection = new vscode.Selection(at, at);
      await vscode.commands.executeCommand('attributionLens.findStatementsBy', 'elena-vassallo');

      const resultFile = sceneFile + '.result.json';
      const answered = fileAppears(resultFile);
      writeAtomically(sceneFile, {
        indexed: (await activeApi()).lastIndexed() ?? indexed,
        speaker: { id: 'elena-vassallo', name: 'Elena Vassallo', word: 'Vassallo', line: at.line, statements: 6, articles: 3 },
        statementFiles: ['01-ferry-strike.txt', '02-ferry-talks.txt', '03-terminal-audit.txt'],
        warningLine: positionOf(editor.document, '“The contracts', 0, 0).line,
        checks: CHECKS,
      });
      result = (await within(answered, 'the launcher to check the workbench', 90_000)) as Result;
    } catch (e) {
      sceneError = e;
    }
  });

  for (const [key, title] of Object.entries(CHECKS)) {
    it(title, () => {
      if (sceneError) throw sceneError;
      const r = result?.[key];
      assert.ok(r, `the launcher reported nothing for “${key}”`);
      if (!r.ok) throw new Error(r.error ?? 'failed');
    });
  }
});
