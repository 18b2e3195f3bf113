// The server's log file (ATTRIBUTION_LENS_SERVER_LOG): what the e2e launcher reads after a failure
// to tell what the server received and what it published, without the client's output channel.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SERVER_LOG_ENV, textDigest } from '../../server/src/lsp/logFile';
import { LspTestClient, copyFixture } from './lspClient';

describe('language server log file', function () {
  it('records the documents received, what was analysed and published, and the indexed signal', async () => {
    const root = copyFixture('newsroom');
    const logFile = path.join(root, 'server.log');
    const f = path.join(root, 'articles', '03-dam-protest.txt');
    const client = await LspTestClient.start({ folders: [root], env: { [SERVER_LOG_ENV]: logFile } });
    try {
      const text = fs.readFileSync(f, 'utf8');
      await client.open(f);
      await client.waitForDiagnostics(f, (d) => d.some((x) => x.code === 'unattributed-quote'));
      const attributed = text.replace('"We have waited long enough', 'Mira Holm said: "We have waited long enough');
      assert.notStrictEqual(attributed, text, 'the fixture has the unattributed quote');
      await client.change(f, attributed);
      await client.waitForDiagnostics(f, (d) => !d.some((x) => x.code === 'unattributed-quote'));

      const log = fs.readFileSync(logFile, 'utf8');
      const uri = client.uri(f);
      assert.ok(log.includes(`didOpen ${uri} v1 ${textDigest(text)}`), log);
      assert.ok(log.includes(`content ${uri} v2 ${textDigest(attributed)}`), log);
      const digest = textDigest(attributed);
      assert.ok(log.includes(`diagnostics ${uri} v2 doc ${digest} analysed ${digest}:`), log);
      assert.match(log, new RegExp(`diagnostics ${escape(uri)} v1 doc \\S+ analysed \\S+: .*unattributed-quote`));
      assert.match(log, /indexed \{"articles":4,/);
      assert.ok(!log.includes('We have waited'), 'the log holds digests, not the articles’ text');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
