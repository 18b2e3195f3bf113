// The persistent index over the protocol: a server started on a folder it has indexed before
// restores the analyses instead of redoing them, and answers exactly as a cold server does;
// changed files are analysed again and a corrupt cache is discarded.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HoverRequest, ReferencesRequest, type Hover, type Location } from 'vscode-languageserver-protocol/node';
import { SpeakersRequest, StatementsBySpeakerRequest } from '../../server/src/lsp/protocol';
import { LspTestClient, copyFixture, positionOf } from './lspClient';

describe('persistent index', function () {
  let root: string;
  let storage: string;
  const file = (name: string) => path.join(root, 'articles', name);
  const start = () => LspTestClient.start({ folders: [root], initializationOptions: { storagePath: storage } });

  /** The answers a user sees: hover and references on a surname, speakers, and one speaker's statements. */
  async function answers(client: LspTestClient) {
    const target = file('02-dam-funding.txt');
    const text = fs.readFileSync(target, 'utf8');
    const params = { textDocument: { uri: client.uri(target) }, position: positionOf(text, 'Petrov said', 2) };
    const hover = (await client.connection.sendRequest(HoverRequest.type, params)) as Hover | null;
    const refs = ((await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } })) ?? []) as Location[];
    const speakers = await client.connection.sendRequest(SpeakersRequest.type);
    const statements = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    return { hover, refs: refs.map((l) => [path.basename(l.uri), l.range]).sort(), speakers, statements, indexed: { ...client.indexed[0], startup: undefined } };
  }

  beforeEach(() => {
    root = copyFixture('newsroom');
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'al-storage-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('a server started with a warm cache restores every article and answers as the cold one did', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    assert.strictEqual(cold.indexed[0].startup?.restored, 0);
    await cold.stop();
    assert.ok(fs.readdirSync(storage).some((f) => f.endsWith('.json')), 'the cache was written on shutdown');

    const warm = await start();
    try {
      const articles = warm.indexed[0].articles;
      assert.ok(articles > 0);
      assert.deepStrictEqual(warm.indexed[0].startup, { restored: articles, analysed: 0, settled: 0, cache: 'loaded' });
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('a file changed while the server was down is analysed again; the others are restored', async () => {
    await (await start()).stop();
    const target = file('02-dam-funding.txt');
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8') + '\n“We will find the money,” Petrov said.\n');
    const warm = await start();
    try {
      const { articles, startup } = warm.indexed[0];
      assert.deepStrictEqual(startup, { restored: articles - 1, analysed: 1, settled: 0, cache: 'loaded' });
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      assert.ok(statements.some((s) => s.text.includes('We will find the money')), 'the new statement is there');
    } finally {
      await warm.stop();
    }
  });

  it('a file touched but not changed (new time, same text) is read and restored, not analysed', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    await cold.stop();
    const target = file('02-dam-funding.txt');
    const later = new Date(fs.statSync(target).mtimeMs + 60_000);
    fs.utimesSync(target, later, later);
    const warm = await start();
    try {
      const { articles, startup } = warm.indexed[0];
      assert.deepStrictEqual(startup, { restored: articles, analysed: 0, settled: 0, cache: 'loaded' });
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('an article opened and closed again gives way to its summary and answers as before, hover included', async () => {
    const client = await start();
    try {
      const before = await answers(client);
      const target = file('02-dam-funding.txt');
      let indexed = client.nextIndexed();
      await client.open(target);
      await client.guard(indexed, 'indexed after the open');
      indexed = client.nextIndexed();
      await client.close(target);
      await client.guard(indexed, 'indexed after the close');
      assert.deepStrictEqual(await answers(client), before);
    } finally {
      await client.stop();
    }
  });

  it('a corrupt cache is discarded: every article is analysed and the answers are right', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    await cold.stop();
    const cache = fs.readdirSync(storage).find((f) => f.endsWith('.json'))!;
    fs.writeFileSync(path.join(storage, cache), fs.readFileSync(path.join(storage, cache), 'utf8').slice(0, 300));
    const again = await start();
    try {
      const { articles, startup } = again.indexed[0];
      assert.deepStrictEqual(startup, { restored: 0, analysed: articles, settled: 0, cache: 'discarded' });
      assert.deepStrictEqual(await answers(again), coldAnswers);
    } finally {
      await again.stop();
    }
  });
});
