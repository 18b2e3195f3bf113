// The `attribution-lens` command line: scan, check (a CI gate for copy), export, and the language server.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globToRegExp } from '../lsp/articleFiles';
import { loadRegistry } from '../node/loadRegistry';
import { collectArticleFiles, readArticle } from '../node/readArticle';
import { truncationNotice } from '../workspace/articleLimit';
import { registryHints, RULE_SEVERITIES, type Registry, type RuleSeverity } from '../workspace/registry';
import { WorkspaceModel } from '../workspace/workspaceModel';
import { checkReport, registryCheckProblems, type CheckProblem } from './check';
import { exportStatements } from './exportStatements';
import { scanJson } from './scanJson';
import { scanSummary } from './scanSummary';

const USAGE = `usage: attribution-lens <command> [options] PATH...

commands:
  scan [--json] PATH...                 analyse articles (.txt, .md) as one workspace and summarise
  check [--format text|json] PATH...    list problems like a compiler; exit 1 on any error-level problem
        [--severity RULE=LEVEL]...      e.g. --severity unattributed-quote=error (levels: ${RULE_SEVERITIES.join(', ')})
  export --format csv|json [--speaker NAME] PATH...
                                        every statement: speaker, role, kind, cue, text, date, file, line
  lsp --stdio                           run the language server over standard input/output
  help                                  show this help

options for scan, check and export:
  --config FILE   the speaker registry (default: the nearest attribution-lens.yaml above the first PATH)`;

export interface ParsedArgs {
  command?: string;
  paths: string[];
  flags: Map<string, string[]>;
}

const VALUE_FLAGS = new Set(['--format', '--config', '--speaker', '--severity']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string[]>();
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      const value = VALUE_FLAGS.has(name) ? inline ?? rest[++i] ?? '' : inline ?? 'true';
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else paths.push(arg);
  }
  return { command, paths, flags };
}

export interface LoadedWorkspace {
  model: WorkspaceModel;
  registry?: Registry;
  registryFile?: string;
  /** Problems in the registry file, located. */
  registryProblems: CheckProblem[];
}

/** Reads every article under the paths into one workspace model, with the registry applied. */
export async function loadWorkspace(
  paths: readonly string[],
  stderr: (line: string) => void,
  configFile?: string,
  options: { reportRegistryProblems?: boolean } = {},
): Promise<LoadedWorkspace> {
  const loaded = await loadRegistry(paths, configFile);
  const registryProblems = registryCheckProblems(path.relative(process.cwd(), loaded.file ?? 'attribution-lens.yaml') || (loaded.file ?? ''), loaded.text, loaded.problems);
  if (options.reportRegistryProblems !== false) {
    for (const p of registryProblems) stderr(`attribution-lens: ${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`);
  }
  const registry = loaded.registry;
  const hints = registry ? registryHints(registry) : undefined;
  const model = new WorkspaceModel({
    analysis: { extraCueVerbs: registry?.cueVerbs, defaultYear: registry?.defaultYear },
    identity: hints?.identity,
    speakerNotes: hints?.speakerNotes,
  });
  const ignore = (registry?.ignore ?? []).map(globToRegExp);
  const files = await collectArticleFiles(paths, (file, reason) => stderr(`attribution-lens: skipped ${file}: ${reason}`));
  for (const file of files) {
    // `ignore:` globs are relative to the registry's folder (else to the current directory).
    const relative = path.relative(loaded.file ? path.dirname(path.resolve(loaded.file)) : process.cwd(), path.resolve(file)).split(path.sep).join('/');
    if (ignore.some((re) => re.test(relative) || re.test(file))) continue;
    const read = await readArticle(file);
    if (!read.ok) {
      stderr(`attribution-lens: skipped ${file}: ${read.reason}`);
      continue;
    }
    if (read.truncated) stderr(`attribution-lens: ${file}: ${truncationNotice(read.text.length, `the file (${read.size.toLocaleString('en-US')} bytes)`)}`);
    model.setArticle(pathToFileURL(path.resolve(file)).href, read.text);
  }
  model.settle();
  return { model, registry, registryFile: loaded.file, registryProblems };
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const stderr = (line: string) => process.stderr.write(line + '\n');
  const flag = (name: string) => args.flags.get(name)?.[args.flags.get(name)!.length - 1];
  const paths = args.paths.length > 0 ? args.paths : ['.'];
  const relative = (uri: string) => path.relative(process.cwd(), fileURLToPath(uri));
  switch (args.command) {
    case 'scan': {
      const { model } = await loadWorkspace(paths, stderr, flag('--config'));
      const out = args.flags.has('--json') ? JSON.stringify(scanJson(model, (uri) => fileURLToPath(uri)), null, 1) : scanSummary(model, relative);
      process.stdout.write(out + '\n');
      return;
    }
    case 'check': {
      const severities: Record<string, RuleSeverity> = {};
      for (const spec of args.flags.get('--severity') ?? []) {
        const [rule, level] = spec.split('=');
        if (!level || !(RULE_SEVERITIES as readonly string[]).includes(level)) {
          stderr(`attribution-lens: --severity takes RULE=LEVEL with LEVEL one of ${RULE_SEVERITIES.join(', ')}`);
          process.exitCode = 2;
          return;
        }
        severities[rule] = level as RuleSeverity;
      }
      // Registry problems are part of the report: a broken registry fails the gate like an article would.
      const { model, registry, registryProblems } = await loadWorkspace(paths, stderr, flag('--config'), { reportRegistryProblems: false });
      const report = checkReport(model, { ...registry?.severity, ...severities }, relative, registryProblems);
      process.stdout.write(flag('--format') === 'json' ? JSON.stringify(report.json, null, 1) + '\n' : report.text);
      process.exitCode = report.errors > 0 ? 1 : 0;
      return;
    }
    case 'export': {
      const format = flag('--format') ?? 'csv';
      if (format !== 'csv' && format !== 'json') {
        stderr(`attribution-lens: export --format takes csv or json, not '${format}'`);
        process.exitCode = 2;
        return;
      }
      const { model } = await loadWorkspace(paths, stderr, flag('--config'));
      process.stdout.write(exportStatements(model, { format, speaker: flag('--speaker'), fileOf: relative }));
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
      stderr(`attribution-lens: unknown command '${args.command}'\n${USAGE}`);
      process.exitCode = 2;
  }
}
