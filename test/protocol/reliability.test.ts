// Reliability over the protocol: the real server over stdio with files it must skip, decode or cut
// short, and a server killed in the middle of a request that a client restarts with back-off.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LineIndex } from '../../server/src/analysis/positions';
import { SpeakersRequest, StatementsBySpeakerRequest } from '../../server/src/lsp/protocol';
import { LENGTH_LIMIT_CODE } from '../../server/src/lsp/lengthLimitNotice';
import { MAX_ARTICLE_CHARS } from '../../server/src/workspace/articleLimit';
import { RestartPolicy } from '../../client/src/restartPolicy';
import { STORY } from '../unit/reliability/fixtures';
import { LspTestClient } from './lspClient';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

/** The text a protocol range covers. */
function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

describe('language server: files it must skip, decode or cut short', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;
  const file = (name: string) => path.join(root, 'articles', name);
  const crlfText = STORY.replace(/\n/g, '\r\n');
  const bigText = STORY.split('\n').slice(2).join('\n').concat('\n').repeat(Math.ceil((MAX_ARTICLE_CHARS * 1.2) / 250));

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-reliability-'));
    fs.mkdirSync(path.join(root, 'articles'));
    fs.writeFileSync(file('photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    fs.writeFileSync(file('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STORY.replace('Mart Oja', 'Mart Õja'), 'utf16le')]));
    fs.writeFileSync(file('utf16be.txt'), utf16be(STORY));
    fs.writeFileSync(file('cp1252.txt'), Buffer.from('\x93We will sign,\x94 Minister Ren\xe9 Dufour said on Monday.\n', 'latin1'));
    fs.writeFileSync(file('crlf.txt'), crlfText);
    fs.writeFileSync(file('big.txt'), bigText);
    client = await LspTestClient.start({ folders: [root] });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('skips a binary file with its reason, logs one line, and analyses every other article', () => {
    const first = client.indexed[0];
    assert.strictEqual(first.articles, 5);
    assert.deepStrictEqual(first.skipped, [`${client.uri(file('photo.txt'))}: binary file (NUL byte at offset 8)`]);
    const lines = client.logs.filter((l) => l.includes('photo.txt'));
    assert.deepStrictEqual(lines, [`skipped ${client.uri(file('photo.txt'))}: binary file (NUL byte at offset 8)`]);
  });

  it('reports the article past the length limit as partly read, in the notification and the log', () => {
    const first = client.indexed[0];
    assert.strictEqual(first.truncated?.length, 1);
    assert.match(first.truncated![0], /big\.txt: only the first [\d,]+ characters were analysed \(the limit is 500,000\); the rest of the file \([\d,]+ bytes\) was not read$/);
    assert.ok(client.logs.some((l) => l.includes('big.txt: only the first')));
  });

  it('decodes UTF-16 LE and BE and Windows-1252, and its ranges in CRLF and UTF-16 files cover the right words', async () => {
    const items = await client.connection.sendRequest(StatementsBySpeakerRequest.type, { name: 'Liis Tamm' });
    const byFile = new Map(items.map((i) => [path.basename(i.uri), i]));
    for (const name of ['utf16le.txt', 'utf16be.txt', 'crlf.txt']) assert.ok(byFile.has(name), `${name} in ${[...byFile.keys()]}`);
    const crlf = byFile.get('crlf.txt')!;
    assert.strictEqual(crlf.range.start.line, 2);
    assert.strictEqual(textAt(crlfText, crlf.range), crlf.text);
    const le = byFile.get('utf16le.txt')!;
    assert.strictEqual(textAt(STORY, le.range), le.text);
    const speakers = await client.connection.sendRequest(SpeakersRequest.type);
    assert.ok(speakers.some((s) => s.name === 'René Dufour'), 'Windows-1252 é decoded');
    assert.ok(speakers.some((s) => s.spellings.includes('Mart Õja')), 'UTF-16 Õ decoded');
  });

  it('an open buffer past the limit gets an information diagnostic where the analysis stopped', async () => {
    const big = file('big.txt');
    const open = client.open(big, 'plaintext', bigText);
    const diagnostics = await client.waitForDiagnostics(big, (d) => d.some((x) => x.code === LENGTH_LIMIT_CODE));
    await open;
    const notice = diagnostics.find((d) => d.code === LENGTH_LIMIT_CODE)!;
    assert.strictEqual(notice.severity, 3);
    assert.match(notice.message, /^Attribution Lens: only the first [\d,]+ characters were analysed \(the limit is 500,000\); the rest of the (?:file \([\d,]+ bytes\)|text \([\d,]+ characters\)) was not read\.$/);
    const index = new LineIndex(bigText);
    const at = index.offsetAt(notice.range.start);
    assert.ok(at <= MAX_ARTICLE_CHARS && at > MAX_ARTICLE_CHARS - 70_000, `cut at ${at}`);
    assert.strictEqual(bigText[at - 1], '\n', 'cut at a line break');
  });

  it('a buffer edited past the limit gets the notice, and loses it when cut back', async () => {
    const story = file('crlf.txt');
    await client.open(story, 'plaintext', crlfText);
    await client.waitForDiagnostics(story, (d) => !d.some((x) => x.code === LENGTH_LIMIT_CODE));
    await client.change(story, bigText);
    const long = await client.waitForDiagnostics(story, (d) => d.some((x) => x.code === LENGTH_LIMIT_CODE));
    assert.match(long.find((d) => d.code === LENGTH_LIMIT_CODE)!.message, new RegExp(`the rest of the text \\(${bigText.length.toLocaleString('en-US')} characters\\) was not read`));
    await client.change(story, crlfText);
    await client.waitForDiagnostics(story, (d) => !d.some((x) => x.code === LENGTH_LIMIT_CODE));
    const indexed = client.nextIndexed();
    await client.close(story);
    assert.ok(!(await indexed).truncated?.some((t) => t.includes('crlf.txt')));
  });
});

describe('language server: killed mid-request, restarted with back-off', function () {
  this.timeout(60_000);
  let root: string;
  const clients: LspTestClient[] = [];

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-crash-'));
    fs.writeFileSync(path.join(root, 'story.txt'), STORY);
  });
  after(async () => {
    for (const c of clients) await c.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the pending request rejects instead of hanging, and a restarted server answers again from a fresh index', async () => {
    const policy = new RestartPolicy();
    const first = await LspTestClient.start({ folders: [root] });
    clients.push(first);
    policy.started(Date.now());
    const before = await first.connection.sendRequest(SpeakersRequest.type);
    assert.ok(before.length >= 2);

    const pending = first.connection.sendRequest(SpeakersRequest.type);
    const killed = first.kill();
    await assert.rejects(first.guard(pending, 'the pending request to settle'), (err: Error) => /disposed|closed|exited/i.test(err.message));
    await killed;

    const decision = policy.exited(Date.now());
    assert.ok(decision.restart);
    assert.strictEqual(decision.delayMs, 500);
    await new Promise((resolve) => setTimeout(resolve, decision.delayMs)); // the back-off itself, as the client waits it
    const second = await LspTestClient.start({ folders: [root] });
    clients.push(second);
    policy.started(Date.now());
    assert.strictEqual(second.indexed[0].articles, 1);
    const after = await second.connection.sendRequest(SpeakersRequest.type);
    assert.deepStrictEqual(after.map((s) => [s.id, s.statementCount]), before.map((s) => [s.id, s.statementCount]));
  });
});
