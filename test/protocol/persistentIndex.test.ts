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

  /** The startup report once the files restored unread have been checked (on a cold start, the first one). */
  async function checkedStartup(client: LspTestClient) {
    const checked = () => client.indexed.find((p) => p.startup?.checked);
    while (!checked()) await client.guard(client.nextIndexed(), 'the startup report after the check of restored files');
    return checked()!;
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
    assert.ok(fs.readdirSync(storage).some((f) => f.endsWith('.bin')), 'the cache was written on shutdown');

    const warm = await start();
    try {
      const articles = warm.indexed[0].articles;
      assert.ok(articles > 0);
      assert.strictEqual(warm.indexed[0].startup?.restored, articles);
      assert.deepStrictEqual(await answers(warm), coldAnswers);
      assert.deepStrictEqual((await checkedStartup(warm)).startup, { restored: articles, analysed: 0, settled: 0, cache: 'loaded', index: 'restored', checked: true });
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
      const { articles, startup } = await checkedStartup(warm);
      assert.deepStrictEqual(startup, { restored: articles - 1, analysed: 1, settled: 0, cache: 'loaded', index: 'restored', checked: true });
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      assert.ok(statements.some((s) => s.text.includes('We will find the money')), 'the new statement is there');
    } finally {
      await warm.stop();
    }
  });

  it('a request right after a warm start, before the restored files are checked, sees a file changed while the server was down', async () => {
    const cold = await start();
    await cold.stop();
    const target = file('02-dam-funding.txt');
    const changed = fs.readFileSync(target, 'utf8') + '\n“We will find the money,” Petrov said.\n';
    fs.writeFileSync(target, changed);
    const warm = await start();
    try {
      // Asked at once: the answer on the changed file is made from its text as it is now.
      const params = { textDocument: { uri: warm.uri(target) }, position: positionOf(changed, 'find the money', 2) };
      const hover = (await warm.connection.sendRequest(HoverRequest.type, params)) as Hover | null;
      assert.match(JSON.stringify(hover?.contents), /Petrov/);
      assert.match(JSON.stringify(hover?.contents), /We will find the money/);
      const refs = ((await warm.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } })) ?? []) as Location[];
      const line = changed.split('\n').findIndex((l) => l.includes('find the money'));
      assert.ok(refs.some((l) => l.uri === warm.uri(target) && l.range.start.line === line), 'references include the new statement');
      // And once the check is done, every answer is the one a cold start gives on the files as they are.
      await checkedStartup(warm);
      const warmAnswers = await answers(warm);
      await warm.stop();
      fs.rmSync(storage, { recursive: true, force: true });
      fs.mkdirSync(storage);
      const fresh = await start();
      try {
        assert.deepStrictEqual(await answers(fresh), warmAnswers);
      } finally {
        await fresh.stop();
      }
    } finally {
      await warm.stop();
    }
  });

  it('a file changed while the server was down to name someone new is analysed again and clustered with the rest', async () => {
    await (await start()).stop();
    const target = file('02-dam-funding.txt');
    fs.writeFileSync(target, fs.readFileSync(target, 'utf8') + '\n“The dam will hold,” engineer Marta Kovalenko said.\n');
    const warm = await start();
    try {
      await checkedStartup(warm);
      const speakers = await warm.connection.sendRequest(SpeakersRequest.type);
      assert.ok(speakers.some((s) => s.name === 'Marta Kovalenko'), JSON.stringify(speakers.map((s) => s.name)));
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Marta Kovalenko' });
      assert.ok(statements.length === 1 && statements[0].text.includes('The dam will hold'), JSON.stringify(statements));
    } finally {
      await warm.stop();
    }
  });

  it('a file deleted while the server was down is gone from every answer', async () => {
    const cold = await start();
    const before = cold.indexed[0].articles;
    await cold.stop();
    fs.rmSync(file('02-dam-funding.txt'));
    const warm = await start();
    try {
      const { articles, startup } = await checkedStartup(warm);
      assert.strictEqual(articles, before - 1);
      // It named people: who is who across the others is worked out again.
      assert.deepStrictEqual(startup, { restored: articles, analysed: 0, settled: 0, cache: 'loaded', index: 'built', checked: true });
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      assert.ok(!statements.some((s) => s.uri.endsWith('02-dam-funding.txt')));
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
      const { articles, startup } = await checkedStartup(warm);
      assert.deepStrictEqual(startup, { restored: articles, analysed: 0, settled: 0, cache: 'loaded', index: 'restored', checked: true });
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('a document edited and left open when the server stopped: the next start restores the cross-article index with it, then reads the file again', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    const target = file('02-dam-funding.txt');
    const text = fs.readFileSync(target, 'utf8');
    await cold.open(target);
    const version = await cold.change(target, text + '\n“We will find the money,” Petrov said.\n');
    await cold.waitForDiagnostics(target, (_, p) => p.version === version);
    const edited = await cold.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
    assert.ok(edited.some((s) => s.text.includes('We will find the money')), JSON.stringify(edited));
    await cold.stop();

    const warm = await start();
    try {
      const articles = warm.indexed[0].articles;
      assert.strictEqual(warm.indexed[0].startup?.restored, articles, 'the entry of the buffer is restored with the others');
      assert.strictEqual(warm.indexed[0].startup?.index, 'restored', 'the cross-article index is not built again');
      // The file on disk was never saved with the edit: the check of restored files reads it again.
      const { startup } = await checkedStartup(warm);
      assert.deepStrictEqual(startup, { restored: articles - 1, analysed: 1, settled: 0, cache: 'loaded', index: 'restored', checked: true });
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('documents opened before a warm start has read the folder are brought up to date in the restored cross-article index', async () => {
    const cold = await start();
    await cold.stop();
    const target = file('02-dam-funding.txt');
    const text = fs.readFileSync(target, 'utf8') + '\n“We will find the money,” Petrov said.\n';
    const other = file('01-dam-vote.txt');
    const openEarly = async (client: LspTestClient) => {
      await client.open(target, 'plaintext', text);
      await client.open(other);
    };
    const warm = await LspTestClient.start({ folders: [root], initializationOptions: { storagePath: storage }, onInitialized: openEarly });
    try {
      assert.strictEqual(warm.indexed[0].startup?.index, 'restored', JSON.stringify(warm.indexed[0].startup));
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      assert.ok(statements.some((s) => s.text.includes('We will find the money')), 'the statement in the open buffer is there');
      // The same answers as a server that built its index from scratch with the same buffers open.
      const fresh = await LspTestClient.start({ folders: [root], onInitialized: openEarly });
      try {
        assert.strictEqual(fresh.indexed[0].startup?.index, 'built');
        assert.deepStrictEqual(await answers(warm), await answers(fresh));
      } finally {
        await fresh.stop();
      }
    } finally {
      await warm.stop();
    }
  });

  it('documents the last session left open, reopened as the next one starts, are restored with the rest instead of analysed before the first indexed', async () => {
    const target = file('02-dam-funding.txt');
    const text = fs.readFileSync(target, 'utf8') + '\n“We will find the money,” Petrov said.\n';
    const other = file('01-dam-vote.txt');
    const openEarly = async (client: LspTestClient) => {
      await client.open(target, 'plaintext', text);
      await client.open(other);
    };
    // The first session ends with both open, one of them edited and not saved.
    const first = await LspTestClient.start({ folders: [root], initializationOptions: { storagePath: storage }, onInitialized: openEarly });
    const firstAnswers = await answers(first);
    await first.stop();
    const warm = await LspTestClient.start({ folders: [root], initializationOptions: { storagePath: storage }, onInitialized: openEarly });
    try {
      const { articles, startup } = warm.indexed[0];
      assert.deepStrictEqual(
        { restored: startup?.restored, analysed: startup?.analysed, index: startup?.index },
        { restored: articles, analysed: 0, index: 'restored' },
        JSON.stringify(startup),
      );
      // Analysed in full when published: the buffer's statement is there, its diagnostics come out.
      await warm.waitForDiagnostics(target, (_, p) => p.version === 1);
      assert.deepStrictEqual(await answers(warm), firstAnswers);
      const statements = await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      assert.ok(statements.some((s) => s.text.includes('We will find the money')), 'the statement in the open buffer is there');
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

  it('articles whose people and statements fail their check in the cache file are analysed again before the check of restored files ends', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    await cold.stop();
    const cache = path.join(storage, fs.readdirSync(storage).find((f) => f.endsWith('.bin'))!);
    // The packed people and statements come first in the file (after a 54-byte line); the start part, last, stays intact.
    damagePackedPart(cache);
    const warm = await start();
    try {
      const articles = warm.indexed[0].articles;
      assert.strictEqual(warm.indexed[0].startup?.restored, articles, 'the start does not read the packed part');
      const { startup } = await checkedStartup(warm);
      assert.ok(startup && startup.analysed > 0 && startup.restored + startup.analysed === articles, JSON.stringify(startup));
      assert.ok(warm.logs.some((l) => l.includes('did not read back')), warm.logs.join('\n'));
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('a block the check passed and left in the file is read again when needed: damaged since, it is not trusted and its articles are analysed again', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    await cold.stop();
    const cache = path.join(storage, fs.readdirSync(storage).find((f) => f.endsWith('.bin'))!);
    const warm = await start();
    try {
      await checkedStartup(warm);
      assert.ok(!warm.logs.some((l) => l.includes('did not read back')), 'every block passed the check');
      damagePackedPart(cache);
      // A request that reads closed articles' statements reads their block again, finds it damaged,
      // and has them analysed again (an `indexed` follows).
      const again = warm.nextIndexed();
      await warm.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Ivan Petrov' });
      await warm.guard(again, 'indexed after the articles of the damaged block were analysed again');
      assert.ok(warm.logs.some((l) => l.includes('did not read back')), warm.logs.join('\n'));
      assert.deepStrictEqual(await answers(warm), coldAnswers);
    } finally {
      await warm.stop();
    }
  });

  it('a corrupt cache is discarded: every article is analysed and the answers are right', async () => {
    const cold = await start();
    const coldAnswers = await answers(cold);
    await cold.stop();
    const cache = fs.readdirSync(storage).find((f) => f.endsWith('.bin'))!;
    fs.writeFileSync(path.join(storage, cache), fs.readFileSync(path.join(storage, cache), 'utf8').slice(0, 300));
    const again = await start();
    try {
      const { articles, startup } = again.indexed[0];
      assert.deepStrictEqual(startup, { restored: 0, analysed: articles, settled: 0, cache: 'discarded', index: 'built', checked: true });
      assert.deepStrictEqual(await answers(again), coldAnswers);
    } finally {
      await again.stop();
    }
  });
});

/** Changes a byte of the first article's packed (deflated) people and statements, which follow the file's 54-byte first line. */
function damagePackedPart(cache: string): void {
  const data = fs.readFileSync(cache);
  assert.ok(data.lastIndexOf('{"header"') > 64, 'the start part comes after the packed part');
  data[54 + 10] ^= 0xff;
  fs.writeFileSync(cache, data);
}
