import * as assert from 'assert';
import * as path from 'path';
import { serverModulePath } from '../../client/src/serverPath';

describe('client serverModulePath', () => {
  const ext = path.resolve('/ext');
  const bundled = path.join(ext, 'dist', 'server.js');
  const compiled = path.join(ext, 'out', 'server', 'src', 'lsp', 'main.js');
  const both = () => true;

  it('starts the bundled server when the client runs from the bundle (packaged .vsix)', () => {
    assert.strictEqual(serverModulePath(ext, path.join(ext, 'dist'), both), bundled);
  });
  it('starts the tsc output when the client runs from out/ (development), even with a stale dist/', () => {
    assert.strictEqual(serverModulePath(ext, path.join(ext, 'out', 'client', 'src'), both), compiled);
  });
  it('falls back to whichever exists', () => {
    assert.strictEqual(serverModulePath(ext, path.join(ext, 'dist'), (p) => p === compiled), compiled);
    assert.strictEqual(serverModulePath(ext, path.join(ext, 'out', 'client', 'src'), (p) => p === bundled), bundled);
  });
});
