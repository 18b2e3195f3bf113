// Finding and reading the speaker registry from disk: the CLI's lookup, and the one file read
// that the CLI and the server (which prefers an open buffer) share.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_REGISTRY_BYTES, parseRegistry, REGISTRY_FILE, type RegistryParse, type RegistryProblem } from '../workspace/registry';

export interface LoadedRegistry extends RegistryParse {
  file?: string;
  text?: string;
}

/** The registry named by --config, or the nearest attribution-lens.yaml above the first path. */
export async function loadRegistry(paths: readonly string[], explicit?: string): Promise<LoadedRegistry> {
  const file = explicit ?? (await findUp(paths[0] ?? '.'));
  if (!file) return { problems: [], registry: undefined };
  const read = await readRegistryFile(file);
  if ('missing' in read) return { file, problems: [fileProblem('Cannot read the registry (ENOENT)')] };
  if ('problem' in read) return { file, problems: [read.problem] };
  const { text } = read;
  return { file, text, ...parseRegistry(text) };
}

async function findUp(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  try {
    if (!(await fs.stat(dir)).isDirectory()) dir = path.dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = path.join(dir, REGISTRY_FILE);
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      /* keep walking up */
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export type RegistryFileRead = { text: string } | { missing: true } | { problem: RegistryProblem };

const fileProblem = (message: string): RegistryProblem => ({ span: { start: 0, end: 0 }, message, severity: 'error' });

/** Reads a registry file, BOM dropped; an oversize file is refused before it is read. */
export async function readRegistryFile(file: string): Promise<RegistryFileRead> {
  try {
    const { size } = await fs.stat(file);
    // A registry is a page of names, not megabytes.
    if (size > MAX_REGISTRY_BYTES) return { problem: fileProblem(`The registry is larger than ${MAX_REGISTRY_BYTES} bytes (${size}) and was not read`) };
    return { text: (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { missing: true } : { problem: fileProblem(`Cannot read the registry (${code ?? String(err)})`) };
  }
}
