// The server's connection over stdio (server/src/lsp/transport.ts) keeps what vscode-languageserver
// does for --stdio: console output reaches the client as log messages instead of corrupting the
// protocol on stdout, and the process ends when its stdin does.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const TRANSPORT = path.resolve(__dirname, '../../server/src/lsp/transport.js');

describe('the stdio connection', function () {
  this.timeout(30000);

  it('sends console output to the client as log messages, and ends with stdin', async () => {
    const script = `const c = require(${JSON.stringify(TRANSPORT)}).createServerConnection([process.argv[0], 'server', '--stdio']);
c.listen();
console.log('hello %d', 5);
console.warn({ a: 1 });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const logs: Array<{ type: number; message: string }> = [];
    const twoLogs = new Promise<void>((resolve) =>
      client.onNotification('window/logMessage', (p: { type: number; message: string }) => {
        logs.push(p);
        if (logs.length === 2) resolve();
      }),
    );
    client.listen();
    await twoLogs;
    assert.deepStrictEqual(logs, [
      { type: 4, message: 'hello 5' },
      { type: 2, message: '{ a: 1 }' },
    ]);
    child.stdin.end();
    assert.strictEqual(await exited, 1, 'ended, without a shutdown request first');
    client.dispose();
  });
});
