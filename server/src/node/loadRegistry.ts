// Finding and reading the speaker registry from disk (CLI side; the server follows open buffers).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MAX_REGISTRY_BYTES, parseRegistry, REGISTRY_FILE, type RegistryParse } from '../workspace/registry';

export interface LoadedRegistry extends RegistryParse {
  file?: string;
  text?: string;
}

/** The registry named by --config, or the nearest attribution-lens.yaml above the first path. */
export async function loadRegistry(paths: readonly string[], explicit?: string): Promise<LoadedRegistry> {
  const file = explicit ?? (await findUp(paths[0] ?? '.'));
  if (!file) return { problems: [], registry: undefined };
  let text: string;
  try {
    // Refused before it is read: a registry is a page of names, not megabytes.
    const { size } = await fs.stat(file);
    if (size > MAX_REGISTRY_BYTES) {
      return { file, problems: [{ span: { start: 0, end: 0 }, message: `The registry is larger than ${MAX_REGISTRY_BYTES} bytes (${size}) and was not read`, severity: 'error' }] };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return { file, problems: [{ span: { start: 0, end: 0 }, message: `cannot read the registry: ${(err as NodeJS.ErrnoException).code ?? err}`, severity: 'error' }] };
  }
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
