// The speaker registry in the editor: one `attribution-lens.yaml` per workspace folder (path from
// the setting `attributionLens.registry.path`), read from the open buffer when there is one, else
// from disk. Its problems are published as diagnostics on the YAML itself; a registry with
// error-level problems is not applied and the last good one stays in force, so a typo never stops
// analysis. When what applies changes (aliases, notes, cue verbs, ignore globs, default year), the
// `changed` callback re-analyses the workspace.
import * as path from 'path';
import type { Diagnostic, FileEvent } from 'vscode-languageserver/node';
import { DiagnosticSeverity, FileChangeType } from './languageServer';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../analysis/positions';
import { readRegistryFile } from '../node/loadRegistry';
import { parseRegistry, registryHints, type Registry, type RegistryProblem, type RegistrySpeaker } from '../workspace/registry';
import type { WorkspaceModelOptions } from '../workspace/workspaceModel';
import { globToRegExp, relativeToFolders } from './articleFiles';
import { DIAGNOSTIC_SOURCE } from './protocol';
import type { Settings } from './settings';
import { fileUriOf, fsPathOf, isFileUri, normalizeUri } from './uris';

/** The diagnostic code of every problem in the registry file. */
export const REGISTRY_DIAGNOSTIC_CODE = 'registry';

export interface RegistryManagerOptions {
  settingsFor(uri: string | undefined): Promise<Settings>;
  publish(uri: string, diagnostics: Diagnostic[], version: number | null): void;
  /** Called when the registry that applies has changed (not on every keystroke). */
  changed(): void;
  log(message: string): void;
  /** Debounce for edits of an open registry buffer, in milliseconds. */
  delay?(): number | undefined;
}

/** One workspace folder's registry file and what applies from it. */
export interface FolderRegistry {
  folder: string;
  /** Normalised file URI of the registry (it may not exist). */
  uri: string;
  exists: boolean;
  /** The text last read (buffer or disk). */
  text: string;
  /** The registry in force: the last one without errors (undefined: none yet). */
  applied?: Registry;
  problems: RegistryProblem[];
}

export class RegistryManager {
  private folders: string[] = [];
  private readonly byFolder = new Map<string, FolderRegistry>();
  private readonly open = new Map<string, TextDocument>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private ignoreRules: Array<{ folder: string; patterns: RegExp[] }> = [];
  private appliedKey = '';
  private aliasSpellings = new Set<string>();
  private loading: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RegistryManagerOptions) {}

  /** Finds and reads each folder's registry; returns whether what applies changed. Loads run one at a time. */
  load(folders: readonly string[]): Promise<boolean> {
    const run = this.loading.then(() => this.loadNow(folders));
    this.loading = run.catch(() => false);
    return run;
  }

  private async loadNow(folders: readonly string[]): Promise<boolean> {
    this.folders = folders.map(normalizeUri);
    const next = new Map<string, FolderRegistry>();
    for (const folder of this.folders) {
      if (!isFileUri(folder)) continue;
      const settings = await this.options.settingsFor(folder);
      const uri = registryUri(folder, settings.registry.path);
      const previous = this.byFolder.get(folder);
      const state: FolderRegistry = { folder, uri, exists: false, text: '', problems: [], applied: previous?.uri === uri ? previous.applied : undefined };
      next.set(folder, state);
      await this.read(state);
    }
    // A registry no folder uses any more loses its diagnostics.
    for (const old of this.byFolder.values()) if (![...next.values()].some((s) => s.uri === old.uri)) this.options.publish(old.uri, [], null);
    this.byFolder.clear();
    for (const [k, v] of next) this.byFolder.set(k, v);
    for (const state of this.byFolder.values()) this.publish(state);
    return this.recompute();
  }

  /** Whether a URI is the registry of some folder. */
  isRegistry(uri: string): boolean {
    return !!this.stateOf(uri);
  }

  didOpen(doc: TextDocument): void {
    // Every buffer is remembered: the registry path may become known (or change) after it opened.
    this.open.set(normalizeUri(doc.uri), doc);
    const state = this.stateOf(doc.uri);
    if (!state) return;
    this.fromText(state, doc.getText(), true);
  }

  didChange(doc: TextDocument): void {
    this.open.set(normalizeUri(doc.uri), doc);
    const state = this.stateOf(doc.uri);
    if (!state) return;
    const previous = this.pending.get(state.uri);
    if (previous) clearTimeout(previous);
    this.pending.set(
      state.uri,
      setTimeout(() => {
        this.pending.delete(state.uri);
        const current = this.open.get(state.uri);
        if (current) this.fromText(state, current.getText(), true);
      }, this.options.delay?.() ?? 250),
    );
  }

  didClose(doc: TextDocument): void {
    this.open.delete(normalizeUri(doc.uri));
    const state = this.stateOf(doc.uri);
    if (!state) return;
    const previous = this.pending.get(state.uri);
    if (previous) clearTimeout(previous);
    this.pending.delete(state.uri);
    // The file on disk takes over (it may differ from the unsaved buffer, or be gone).
    void this.read(state).then(() => this.settle(state));
  }

  /** File events: a registry created, changed or deleted on disk. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    for (const change of changes) {
      const state = this.stateOf(change.uri);
      if (!state || this.open.has(state.uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        state.exists = false;
        state.text = '';
        state.problems = [];
        state.applied = undefined;
      } else await this.read(state);
      this.settle(state);
    }
  }

  /** Folder `ignore:` globs: whether the registry leaves this article out. */
  isIgnored(uri: string): boolean {
    for (const rule of this.ignoreRules) {
      const rel = relativeToFolders(uri, [rule.folder]);
      if (rel !== undefined && rule.patterns.some((re) => re.test(rel))) return true;
    }
    return false;
  }

  /** What the workspace model takes from the registries in force (all folders joined). */
  modelOptions(): WorkspaceModelOptions {
    const registries = this.appliedRegistries();
    if (registries.length === 0) return {};
    const joined: Registry = {
      speakers: registries.flatMap((r) => r.speakers),
      cueVerbs: [...new Set(registries.flatMap((r) => r.cueVerbs))],
      ignore: [],
      defaultYear: registries.find((r) => r.defaultYear !== undefined)?.defaultYear,
      severity: {},
    };
    const hints = registryHints(joined);
    return {
      analysis: { ...(joined.cueVerbs.length ? { extraCueVerbs: joined.cueVerbs } : {}), ...(joined.defaultYear !== undefined ? { defaultYear: joined.defaultYear } : {}) },
      identity: hints.identity,
      speakerNotes: hints.speakerNotes,
    };
  }

  /** Whether a spelling is a registered name or alias (such spellings are not "inconsistent"). */
  isRegisteredSpelling(spelling: string): boolean {
    return this.aliasSpellings.has(spelling.toLowerCase());
  }

  /** The registry entry (in force) whose name or an alias is this name, case and accents ignored. */
  speakerEntry(name: string): RegistrySpeaker | undefined {
    const wanted = foldName(name);
    for (const registry of this.appliedRegistries()) {
      const found = registry.speakers.find((s) => [s.name, ...s.aliases].some((n) => foldName(n) === wanted));
      if (found) return found;
    }
    return undefined;
  }

  /** The registry of the folder holding a URI (else the first folder's). */
  registryFor(uri: string): FolderRegistry | undefined {
    const key = normalizeUri(uri);
    let best: FolderRegistry | undefined;
    for (const state of this.byFolder.values()) {
      const prefix = state.folder.endsWith('/') ? state.folder : state.folder + '/';
      if (key.startsWith(prefix) && (!best || state.folder.length > best.folder.length)) best = state;
    }
    return best ?? this.byFolder.values().next().value;
  }

  /** The client's spelling of a registry URI, its open version (null: only on disk) and current text. */
  documentOf(state: FolderRegistry): { uri: string; version: number | null; text: string } {
    const doc = this.open.get(state.uri);
    return { uri: doc?.uri ?? state.uri, version: doc?.version ?? null, text: doc?.getText() ?? state.text };
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }

  // ----- internals -----

  private stateOf(uri: string): FolderRegistry | undefined {
    const key = normalizeUri(uri);
    for (const state of this.byFolder.values()) if (state.uri === key) return state;
    return undefined;
  }

  private async read(state: FolderRegistry): Promise<void> {
    const doc = this.open.get(state.uri);
    if (doc) {
      this.parseInto(state, doc.getText(), true);
      return;
    }
    const read = await readRegistryFile(fsPathOf(state.uri));
    if ('text' in read) {
      this.parseInto(state, read.text, true);
      return;
    }
    const missing = 'missing' in read;
    state.exists = !missing;
    state.text = '';
    state.problems = missing ? [] : [read.problem];
    if (missing) state.applied = undefined;
  }

  private fromText(state: FolderRegistry, text: string, exists: boolean): void {
    this.parseInto(state, text, exists);
    this.settle(state);
  }

  private parseInto(state: FolderRegistry, text: string, exists: boolean): void {
    state.exists = exists;
    state.text = text;
    let parsed;
    try {
      parsed = parseRegistry(text);
    } catch (err) {
      // The parser never should throw; if it does, the last good registry stays.
      this.options.log(`registry ${state.uri}: ${String((err as Error)?.stack ?? err)}`);
      parsed = { problems: [{ span: { start: 0, end: 0 }, message: 'The registry could not be read', severity: 'error' as const }] };
    }
    state.problems = parsed.problems;
    if (parsed.registry && !parsed.problems.some((p) => p.severity === 'error')) state.applied = parsed.registry;
  }

  /** Publishes a registry's problems and re-analyses when what applies changed. */
  private settle(state: FolderRegistry): void {
    this.publish(state);
    if (this.recompute()) this.options.changed();
  }

  private publish(state: FolderRegistry): void {
    const lines = new LineIndex(state.text);
    const doc = this.open.get(state.uri);
    const diagnostics: Diagnostic[] = state.problems.map((p) => ({
      range: lines.rangeOf({ start: Math.min(p.span.start, state.text.length), end: Math.min(p.span.end, state.text.length) }),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      code: REGISTRY_DIAGNOSTIC_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: state.applied && p.severity === 'error' ? `${p.message} (the last registry without errors stays in force)` : p.message,
    }));
    this.options.publish(doc?.uri ?? state.uri, diagnostics, doc?.version ?? null);
  }

  private appliedRegistries(): Registry[] {
    return [...this.byFolder.values()].map((s) => s.applied).filter((r): r is Registry => !!r);
  }

  /** Rebuilds the derived lookups; returns whether what applies changed. */
  private recompute(): boolean {
    const states = [...this.byFolder.values()];
    const key = JSON.stringify(states.map((s) => [s.folder, s.applied ?? null]));
    this.ignoreRules = states.filter((s) => s.applied?.ignore.length).map((s) => ({ folder: s.folder, patterns: s.applied!.ignore.map(globToRegExp) }));
    this.aliasSpellings = new Set(this.appliedRegistries().flatMap((r) => r.speakers.flatMap((s) => [s.name, ...s.aliases].map((n) => n.toLowerCase()))));
    if (key === this.appliedKey) return false;
    this.appliedKey = key;
    return true;
  }
}

function foldName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The registry URI of a folder for a configured path (relative to the folder, or absolute). */
export function registryUri(folder: string, configured: string): string {
  const file = path.isAbsolute(configured) ? configured : path.join(fsPathOf(folder), configured);
  return fileUriOf(path.normalize(file));
}
