import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MODE, activeApi, extension, indexedWhere, openArticle } from './helpers';

describe('activation', () => {
  it(`is the ${MODE === 'vsix' ? 'packaged .vsix, installed' : 'development tree'}`, () => {
    const ext = extension();
    const main = String(ext.packageJSON.main);
    if (MODE === 'vsix') {
      // installed by `code-server --install-extension` from the .vsix: the bundles and nothing else
      assert.strictEqual(main, './dist/client.js');
      for (const f of ['dist/client.js', 'dist/server.js', 'dist/serverMain.js', 'dist/analysisWorker.js', 'package.json']) {
        assert.ok(fs.existsSync(path.join(ext.extensionPath, f)), `${f} is in the installed extension`);
      }
      for (const f of ['out', 'node_modules', 'client', 'server', 'test']) {
        assert.ok(!fs.existsSync(path.join(ext.extensionPath, f)), `${f}/ is not in the installed extension`);
      }
    } else {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, main)), `${main} exists in the development tree`);
    }
  });

  it('activates when an article is open and returns its API', async () => {
    const editor = await openArticle('01-ferry-strike.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    const api = await activeApi();
    assert.strictEqual(typeof api.lastIndexed, 'function');
    assert.ok(api.client, 'the API exposes the language client');
  });

  it('indexes every article of the workspace, and not the README', async () => {
    const p = await indexedWhere((p) => p.articles === 4, '4 articles');
    assert.strictEqual(p.unattributedQuotes, 1, JSON.stringify(p));
    const api = await activeApi();
    const client = api.client as { sendRequest(method: string): Promise<{ name: string }[]> };
    const names = (await client.sendRequest('attributionLens/speakers')).map((s) => s.name).sort();
    assert.strictEqual(p.speakers, names.length, names.join(', '));
    for (const name of ['Daniel Farrugia', 'Elena Vassallo', 'Miriam Calleja', 'Tomas Brennan']) {
      assert.ok(names.includes(name), `${name} among ${names.join(', ')}`);
    }
    assert.deepStrictEqual(p.skipped, []);
  });
});
