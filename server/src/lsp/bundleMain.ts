// Entry point of the packaged language server (dist/server.js, what the VS Code client launches):
// runs the bundled server, dist/serverMain.js (main.ts), with V8's code cache
// (server/src/node/codeCache.ts), made when the process ends if there was none.
import * as path from 'path';
import { runBundle } from '../node/codeCache';

const loaded = runBundle(path.join(__dirname, 'serverMain.js'));
process.once('exit', () => loaded.save());
