// Uncaught exceptions and unhandled rejections in the server are logged, not fatal: a real Node
// process installs the guards, throws and rejects, and must still be alive to say so.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const GUARDS = path.resolve(__dirname, '../../../server/src/lsp/crashGuards.js');

describe('server crash guards', () => {
  it('log an uncaught exception and an unhandled rejection, and the process goes on', () => {
    const script = `
      const logged = [];
      require(${JSON.stringify(GUARDS)}).installCrashGuards(process, (m) => logged.push(m.split('\\n')[0]));
      setTimeout(() => { throw new Error('boom in a timer'); });
      Promise.reject(new Error('rejected and forgotten'));
      setTimeout(() => setTimeout(() => { console.log(JSON.stringify(logged)); process.exitCode = 0; }), 20);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const logged = JSON.parse(run.stdout) as string[];
    assert.deepEqual(logged.sort(), [
      'uncaught exception (the server goes on): Error: boom in a timer',
      'unhandled promise rejection (the server goes on): Error: rejected and forgotten',
    ]);
    assert.match(run.stderr, /attribution-lens: uncaught exception \(the server goes on\): Error: boom in a timer/);
  });
});
