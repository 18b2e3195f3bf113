// The initial index in worker threads (server/src/node/analysisPool.ts) over the protocol: a
// workspace indexed by workers answers exactly as one indexed in the server's own thread,
// guessed dateline years included (they are guessed again once every article's date is known).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HoverRequest, ReferencesRequest, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { SpeakersRequest, StatementTableRequest, TimelineRequest } from '../../server/src/lsp/protocol';
import { generateWorkspace } from '../../scripts/bench/generate';
import { FIXTURES, LspTestClient, positionOf } from './lspClient';

const ROOT = path.resolve(__dirname, '../../..');

describe('index workers', function () {
  this.timeout(60000);
  let root: string;
  let folder: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-workers-'));
    // Synthetic wire articles (a fifth with datelines that give no year) and the newsroom fixture.
    folder = generateWorkspace(root, 240, 7).dir;
    fs.cpSync(path.join(FIXTURES, 'newsroom', 'articles'), path.join(folder, 'newsroom'), { recursive: true });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const start = (workers: number) => LspTestClient.start({ folders: [folder], settings: { index: { workers } }, indexTimeoutMs: 60000 });

  /** Everything a user sees across the workspace: speakers, every statement with its date, the timeline, hover and references. */
  async function answers(client: LspTestClient) {
    const target = path.join(folder, 'newsroom', '02-dam-funding.txt');
    const text = fs.readFileSync(target, 'utf8');
    const params = { textDocument: { uri: client.uri(target) }, position: positionOf(text, 'Petrov said', 2) };
    const hover = (await client.connection.sendRequest(HoverRequest.type, params)) as Hover | null;
    const refs = ((await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } })) ?? []) as Location[];
    const speakers = await client.connection.sendRequest(SpeakersRequest.type);
    const table = await client.connection.sendRequest(StatementTableRequest.type, {});
    const timeline = await client.connection.sendRequest(TimelineRequest.type, {});
    const sortedTable = table.map((row) => JSON.stringify(row)).sort();
    return { hover, refs: refs.map((l) => [l.uri, l.range]).sort(), speakers, table: sortedTable, timeline, indexed: { ...client.indexed[0], startup: undefined } };
  }

  it('a workspace indexed by two workers answers exactly as one indexed in the server thread', async () => {
    const inThread = await start(0);
    const expected = await answers(inThread);
    assert.strictEqual(inThread.indexed[0].startup?.analysed, inThread.indexed[0].articles);
    await inThread.stop();

    const pooled = await start(2);
    try {
      assert.strictEqual(pooled.indexed[0].startup?.analysed, pooled.indexed[0].articles);
      assert.ok(!pooled.logs.some((l) => l.includes('index workers')), pooled.logs.join('\n'));
      const got = await answers(pooled);
      assert.ok(got.table.some((row) => row.includes('"date":"')), 'statements have dates');
      assert.deepStrictEqual(got, expected);
    } finally {
      await pooled.stop();
    }
  });

  it('the esbuild bundle of the packaged extension indexes in its bundled workers too', async () => {
    const outdir = path.join(root, 'bundle');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/bundle.mjs'), '--outdir', path.relative(ROOT, outdir)], { cwd: ROOT, stdio: 'ignore' });
    assert.ok(fs.existsSync(path.join(outdir, 'analysisWorker.js')));
    const bundled = await LspTestClient.start({ folders: [folder], settings: { index: { workers: 2 } }, indexTimeoutMs: 60000, serverMain: path.join(outdir, 'server.js') });
    try {
      const { articles, startup } = bundled.indexed[0];
      assert.ok(articles > 200);
      assert.strictEqual(startup?.analysed, articles);
      // Any file a worker handed back (a worker that could not start, say) is logged.
      assert.ok(!bundled.logs.some((l) => l.includes('index workers')), bundled.logs.join('\n'));
    } finally {
      await bundled.stop();
    }
  });
});
