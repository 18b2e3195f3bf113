// A workspace index over a temporary folder of articles, for the unit tests of features that read
// it: the folder and the index's storage are made per use and removed by `dispose`.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FeatureContext } from '../../../server/src/lsp/context';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/lsp/settings';
import { fileUriOf } from '../../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../../server/src/lsp/workspaceIndex';

export interface TestWorkspace {
  index: WorkspaceIndex;
  root: string;
  /** The file URI of an article of the folder. */
  uri(name: string): string;
  /** A feature's context over the index, with these settings (default: the defaults). */
  context(settings?: () => Settings, documentChanges?: boolean): FeatureContext;
  dispose(): Promise<void>;
}

/** Writes `articles` (file name → text) into a new folder and indexes it. */
export async function indexedWorkspace(articles: Record<string, string>, settings: () => Settings = () => DEFAULT_SETTINGS): Promise<TestWorkspace> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-unit-ws-'));
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'al-unit-store-'));
  for (const [name, text] of Object.entries(articles)) fs.writeFileSync(path.join(root, name), text);
  const index = new WorkspaceIndex({ settingsFor: async () => settings(), log: () => undefined, storagePath: storage, saveDelay: 1e9, analysisDelay: 0 });
  await index.initialize([fileUriOf(root)], { begin: () => undefined, report: () => undefined, done: () => undefined });
  return {
    index,
    root,
    uri: (name) => fileUriOf(path.join(root, name)),
    context: (own = settings, documentChanges = true) => ({ index, settings: async () => own(), capabilities: { documentChanges, hierarchicalSymbols: true } }),
    async dispose() {
      await index.dispose();
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(storage, { recursive: true, force: true });
    },
  };
}
