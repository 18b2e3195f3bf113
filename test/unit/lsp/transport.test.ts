// Results sent as JSON made once (server/src/lsp/transport.ts): the bytes on the wire are those
// vscode-jsonrpc's own encoder would write for the value, and anywhere else the value stands in.
import * as assert from 'assert';
import { Writable } from 'stream';
import { StreamMessageWriter, type Message } from 'vscode-languageserver/node';
import { jsonEncoder, OneWritePerMessage, Serialised } from '../../../server/src/lsp/transport';

const locations = [
  { uri: 'file:///news/a%20b.txt', range: { start: { line: 0, character: 3 }, end: { line: 2, character: 41 } } },
  { uri: 'file:///news/é"q\\.txt', range: { start: { line: 10, character: 0 }, end: { line: 10, character: 7 } } },
];
const encode = async (message: object) => Buffer.from(await jsonEncoder.encode(message as Message, { charset: 'utf-8' })).toString('utf8');

describe('serialised results', () => {
  it('are written as the JSON of their value, for any request id', async () => {
    for (const id of [1, 12345, 'req-7', null]) {
      const plain = { jsonrpc: '2.0', id, result: locations };
      assert.strictEqual(await encode({ jsonrpc: '2.0', id, result: new Serialised(locations) }), JSON.stringify(plain));
      assert.strictEqual(await encode(plain), JSON.stringify(plain), 'other results as vscode-jsonrpc writes them');
    }
    assert.strictEqual(await encode({ jsonrpc: '2.0', id: 3, result: new Serialised([]) }), '{"jsonrpc":"2.0","id":3,"result":[]}');
    const notification = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x' } };
    assert.strictEqual(await encode(notification), JSON.stringify(notification));
  });

  it('make their JSON once, and stand for their value wherever else they are turned into JSON', () => {
    const answer = new Serialised(locations);
    assert.strictEqual(answer.value, locations, 'the value until its JSON is made');
    assert.strictEqual(answer.json, answer.json, 'the same bytes each time');
    assert.strictEqual(answer.json.toString('utf8'), JSON.stringify(locations));
    assert.deepStrictEqual(answer.value, locations, 'the value again, from the JSON kept in its place');
    assert.strictEqual(answer.value, answer.value);
    assert.strictEqual(JSON.stringify({ result: answer }), JSON.stringify({ result: locations }));
    assert.strictEqual(JSON.stringify({ result: new Serialised(locations) }), JSON.stringify({ result: locations }), 'never sent');
  });
});

describe('the stdio writer', () => {
  it('writes each message, header and content, in one write, as vscode-jsonrpc frames it', async () => {
    // What a pipe does: one write (or writev) call, one system call.
    const writes: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk);
        done();
      },
      writev(chunks, done) {
        writes.push(Buffer.concat(chunks.map((c) => Buffer.from(c.chunk as Buffer))));
        done();
      },
    });
    const writer = new StreamMessageWriter(new OneWritePerMessage(out) as unknown as NodeJS.WritableStream, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
    const messages = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.txt', version: 2, diagnostics: [] } },
      { jsonrpc: '2.0', id: 7, result: new Serialised(locations) },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'é “quoted”' } },
    ];
    for (const message of messages) await writer.write(message as Message);
    assert.strictEqual(writes.length, messages.length, 'one write per message');
    writes.forEach((chunk, i) => {
      const body = Buffer.from(JSON.stringify(messages[i]), 'utf8');
      assert.strictEqual(chunk.toString('utf8'), `Content-Length: ${body.byteLength}\r\n\r\n${body.toString('utf8')}`);
    });
  });
});
