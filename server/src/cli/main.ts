// The `attribution-lens` command line: `scan` a folder of articles, or run the language server.
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { collectArticleFiles, readArticle } from '../node/readArticle';
import { WorkspaceModel } from '../workspace/workspaceModel';
import { scanJson } from './scanJson';
import { scanSummary } from './scanSummary';

const USAGE = `usage: attribution-lens <command> [options]

commands:
  scan [--json] PATH...   analyse articles (.txt, .md) in files and folders as one workspace
  lsp --stdio             run the language server over standard input/output
  help                    show this help`;

export async function loadWorkspace(paths: readonly string[], stderr: (line: string) => void): Promise<WorkspaceModel> {
  const model = new WorkspaceModel();
  const files = await collectArticleFiles(paths, (file, reason) => stderr(`attribution-lens: skipped ${file}: ${reason}`));
  for (const file of files) {
    const read = await readArticle(file);
    if (!read.ok) {
      stderr(`attribution-lens: skipped ${file}: ${read.reason}`);
      continue;
    }
    if (read.truncated) stderr(`attribution-lens: ${file}: only the first ${read.text.length} characters of ${read.size} bytes were read`);
    model.setArticle(pathToFileURL(path.resolve(file)).href, read.text);
  }
  model.settle();
  return model;
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const stderr = (line: string) => process.stderr.write(line + '\n');
  switch (command) {
    case 'scan': {
      const json = rest.includes('--json');
      const paths = rest.filter((a) => !a.startsWith('--'));
      if (paths.length === 0) paths.push('.');
      const model = await loadWorkspace(paths, stderr);
      const out = json ? JSON.stringify(scanJson(model, (uri) => fileURLToPath(uri)), null, 1) : scanSummary(model, (uri) => path.relative(process.cwd(), fileURLToPath(uri)));
      process.stdout.write(out + '\n');
      return;
    }
    case 'lsp': {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../lsp/server').startServer();
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return;
    default:
      stderr(`attribution-lens: unknown command '${command}'\n${USAGE}`);
      process.exitCode = 2;
  }
}
