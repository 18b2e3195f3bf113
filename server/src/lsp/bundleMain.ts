// Entry point of the packaged language server (dist/server.js, what the VS Code client launches):
// runs the bundled server, dist/serverMain.js (main.ts), with V8's code cache
// (server/src/node/codeCache.ts). Without a usable cache, one is made a few seconds in — by then the
// start has compiled what a start runs — or when the process ends, if that comes first (a server
// stopped by a signal has no 'exit' event, hence the timer).
import * as path from 'path';
import { runBundle } from '../node/codeCache';

const CODE_CACHE_AFTER_MS = 5000;

const loaded = runBundle(path.join(__dirname, 'serverMain.js'));
setTimeout(() => loaded.save(), CODE_CACHE_AFTER_MS).unref();
process.once('exit', () => loaded.save());
