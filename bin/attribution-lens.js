#!/usr/bin/env node
'use strict';
// The command-line twin of the language server. The code lives in out/ (built by `npm run build`,
// which `npm install` runs through the `prepare` script).
try {
  require('../out/server/src/cli/main.js').main(process.argv.slice(2));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('cli/main')) {
    console.error('attribution-lens: not built yet; run `npm install` (or `npm run build`) first');
    process.exit(2);
  }
  throw err;
}
