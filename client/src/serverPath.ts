// Where the client finds the language server's entry point.
//   Packaged extension (.vsix): the client runs from the esbuild bundle dist/client.js and starts
//     the bundled server dist/server.js (the .vsix holds no out/ and no node_modules).
//   Development (F5, extensionDevelopmentPath, `npm run build`): the client runs from the tsc
//     output out/client/src/ and starts out/server/src/lsp/main.js.
// The choice follows where this code itself runs from, so a stale dist/ left in a development tree
// never shadows fresh tsc output (and vice versa); when the preferred file is missing the other is
// used. Usage in extension.ts:
//   const serverModule = serverModulePath(context.extensionPath);
import * as fs from 'fs';
import * as path from 'path';

export const BUNDLED_SERVER = path.join('dist', 'server.js');
export const COMPILED_SERVER = path.join('out', 'server', 'src', 'lsp', 'main.js');

/**
 * The absolute path of the server module to start.
 * @param extensionPath `context.extensionPath`
 * @param runningFrom the directory this client code runs from (default: this module's own)
 * @param exists injectable for tests
 */
export function serverModulePath(
  extensionPath: string,
  runningFrom: string = __dirname,
  exists: (p: string) => boolean = fs.existsSync,
): string {
  const bundled = path.join(extensionPath, BUNDLED_SERVER);
  const compiled = path.join(extensionPath, COMPILED_SERVER);
  const fromBundle = path.resolve(runningFrom) === path.resolve(extensionPath, 'dist');
  const order = fromBundle ? [bundled, compiled] : [compiled, bundled];
  return order.find((p) => exists(p)) ?? order[0];
}
