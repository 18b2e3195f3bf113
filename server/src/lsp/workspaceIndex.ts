// The server's view of the workspace: every article under the workspace folders read from disk,
// then kept current from open-document edits and file-system events. Open buffers win over disk.
// Analysis itself is the WorkspaceModel's business; this file only decides which text it gets
// and when, and says when the model has caught up (`onDidUpdate`).
import { promises as fs, statSync } from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from './languageServer';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../analysis/types';
import { AnalysisPool, indexWorkerCount } from '../node/analysisPool';
import { codeFingerprint, fileKeyOf, IndexStore } from '../node/indexStore';
import { summariseFile } from '../node/summariseFile';
import { collectGarbage, tightenHeapGrowth } from '../node/heapGrowth';
import { nextTurn, Yielder } from '../node/eventLoop';
import { cachedArticle, CACHE_FORMAT, entryServes, keyServesUnread, UNSAVED_BUFFER_KEY, type CachedArticle, type CacheHeader, type FileKey } from '../workspace/analysisCache';
import { readArticle, readArticleSync } from '../node/readArticle';
import { clipArticle, truncationNotice } from '../workspace/articleLimit';
import { summarizes, yearGuessed, type ArticleSummary } from '../workspace/articleSummary';
import { PackedSummary } from '../workspace/packedSummary';
import type { StoredDetails } from '../workspace/storedDetail';
import { LineTable, type Lines } from '../analysis/positions';
import type { AnalysedEntry, ArticleEntry } from '../workspace/types';
import { WorkspaceModel, type PackedIndex, type WorkspaceModelOptions } from '../workspace/workspaceModel';
import { ARTICLE_LANGUAGES, ArticleMatcher, relativeToFolders } from './articleFiles';
import type { Settings } from './settings';
import { childUri, fileUriOf, fsPathOf, isFileUri, normalizeUri } from './uris';

const READ_CONCURRENCY = 16;
/** How long the check of restored files stats them before it lets a turn of the event loop by, in milliseconds. */
const CHECK_SLICE_MS = 4;
/** Restored speakers made per turn of the event loop after a warm start's first `indexed` (a few milliseconds' work). */
const SPEAKERS_PER_TURN = 1000;
/** The initial index lets other work in (requests, progress) at least this often, in milliseconds. */
const YIELD_EVERY_MS = 20;
/** Closed articles whose full analysis a request needed, kept in case the next one needs it too. */
const DETAILED_CLOSED_ARTICLES = 4;
/** Articles a persistent-index write gathers per turn of the event loop. */
const ENTRIES_PER_TURN = 1000;

export interface ProgressSink {
  begin(title: string, percentage?: number, message?: string): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface WorkspaceIndexOptions {
  /** Delay before an edited document is re-analysed, in milliseconds. */
  analysisDelay?: number;
  /** Settings for a workspace folder or document URI. */
  settingsFor(uri: string | undefined): Promise<Settings>;
  log(message: string): void;
  /** Model options from outside the settings (the speaker registry); the settings' default year wins. */
  modelOptions?(): WorkspaceModelOptions;
  /** Articles left out by something other than the globs (the registry's `ignore:`). */
  isExcluded?(uri: string): boolean;
  /** Folder for the persistent index (the extension's storage); none: no persistent index. */
  storagePath?: string;
  /** Delay before the persistent index is written after a change, in milliseconds. */
  saveDelay?: number;
}

export class WorkspaceIndex {
  private modelValue: WorkspaceModel;
  private folders: string[] = [];
  private readonly matchers = new Map<string, ArticleMatcher>();
  private readonly matcherKeys = new Map<string, string>();
  /** Open documents by normalised URI. */
  private readonly open = new Map<string, TextDocument>();
  /** Debounced edits not yet analysed: how to cancel each. */
  private readonly pendingEdits = new Map<string, () => void>();
  /** Bumped on every disk read or removal of a URI; a read applies only if it is still the latest. */
  private readonly diskGeneration = new Map<string, number>();
  private readonly skippedFiles = new Map<string, string>();
  /** Articles analysed only up to the length limit: characters analysed, and what the whole was. */
  private readonly truncatedFiles = new Map<string, { analysed: number; whole: string }>();
  /** Closed articles analysed in full for a request (most recent last); the model keeps their analyses. */
  private readonly detailed: string[] = [];
  /** The model keeps full analyses of open documents (and a few closed ones a request needed). */
  private readonly keepAnalysis = (uri: string): boolean => this.open.has(uri) || this.detailed.includes(uri);
  private queue: Promise<void> = Promise.resolve();
  private initialDone = false;
  /**
   * Until the persistent index's entries are restored, an opened document waits rather than being
   * analysed: an editor reopens the last session's documents as it starts, and a text that is
   * one of those entries is restored with the rest (the cross-article index made from it stays
   * as saved), not analysed before the first `indexed` with an analyser still cold.
   */
  private awaitingRestore = true;
  private emitScheduled = false;
  private readonly listeners: Array<() => void> = [];
  /** undefined until the first settings are read, so that the first read builds the model. */
  private defaultYear: number | null | undefined = undefined;
  /** The `index.workers` setting (of the first folder): worker threads for the initial index, null for automatic. */
  private indexWorkers: number | null = null;
  /** The key of each file whose disk text is what the model holds (what the persistent index may keep). */
  private readonly diskKeys = new Map<string, FileKey>();
  private store: IndexStore | undefined;
  /** The persistent index's entries while the initial read uses them. */
  private cached: Map<string, CachedArticle> | undefined;
  /** The cross-article index kept with them, until the initial read has seen whether it serves. */
  private cachedIndex: PackedIndex | undefined;
  /** Where the restored summaries' people and statements still lie in the cache file (read after the start). */
  private storedDetails: StoredDetails | undefined;
  /** Restored articles whose stored people and statements failed their check, to analyse again. */
  private readonly lostDetails = new Set<string>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly changed = new Set<string>();
  /** Open or closed since the last `takeTouched()` (their language may count differently). */
  private readonly openedOrClosed = new Set<string>();
  /** Bumped when a document is opened or closed under a spelling of its URI other than the model's. */
  private clientUrisRevision = 0;
  /** Bumped whenever a new model replaces the old (whose revisions start again). */
  private modelGeneration = 0;
  private dirty = false;
  /** A cold index's first save collects the garbage of the cross-article index's build first (`collectGarbage`). */
  private collectAfterBuild = false;
  /** Bumped when the workspace folders or the article globs change (`isArticleDocument`). */
  private selectionRevision = 0;
  /** Each open document's URI, and whether it lies under the folders and matches the article globs, as of `revision`. */
  private readonly documentSelection = new WeakMap<TextDocument, { revision: number; uri: string; file: boolean; matched: boolean }>();
  /** The last text found to be the one a summary was made of (`isCurrent`). */
  private lastSummarised: { summary: ArticleSummary; text: string } | undefined;
  /** Shutting down: the last write need not let requests in. */
  private disposing = false;
  /** How the initial index was made: counts of articles restored from the persistent index and analysed. */
  readonly startup = { restored: 0, analysed: 0, settled: 0, cache: 'none' as 'none' | 'loaded' | 'discarded', index: 'built' as 'built' | 'restored', checked: false };
  /** The `startup` last reported: none yet, before the restored files were checked, or after. */
  private startupReported: 'none' | 'unchecked' | 'checked' = 'none';

  constructor(private readonly options: WorkspaceIndexOptions) {
    this.modelValue = new WorkspaceModel({ keepAnalysis: this.keepAnalysis });
  }

  get model(): WorkspaceModel {
    return this.modelValue;
  }

  /** Whether the first full read of the workspace has finished. */
  get ready(): boolean {
    return this.initialDone;
  }

  /** Registers a listener called (coalesced) whenever the model has caught up with a change. */
  onDidUpdate(listener: () => void): void {
    this.listeners.push(listener);
  }

  skipped(): string[] {
    return [...this.skippedFiles].map(([uri, why]) => `${uri}: ${why}`);
  }

  /** Articles analysed only up to the length limit, each as `uri: notice`. */
  truncated(): string[] {
    return [...this.truncatedFiles.keys()].filter((uri) => this.model.getArticle(uri)).map((uri) => `${uri}: ${this.truncationOf(uri)!.notice}`);
  }

  /** Whether (and where) an article was cut at the length limit. */
  truncationOf(uri: string): { analysed: number; notice: string } | undefined {
    const key = normalizeUri(uri);
    const t = this.model.getArticle(key) ? this.truncatedFiles.get(key) : undefined;
    return t && { analysed: t.analysed, notice: truncationNotice(t.analysed, t.whole) };
  }

  /** Reads every article under the folders, reporting progress; resolves when they are in the model. */
  initialize(folders: string[], progress: ProgressSink): Promise<void> {
    this.folders = folders.map(normalizeUri);
    this.selectionRevision++;
    return this.enqueue(async () => {
      await this.applySettings();
      progress.begin('Attribution Lens: indexing articles', 0, 'finding articles');
      let restored: string[] = [];
      // The model's revision and the cache's size once the restored summaries were in (see below).
      let restoredRevision = -1;
      let restoredFrom = -1;
      // Index workers, when there are many files to analyse; they settle guessed dateline years too (below) before they end.
      let pool: AnalysisPool | undefined;
      // A tight old generation while many articles are analysed, until the first save is written (heapGrowth.ts).
      let looseHeap: (() => void) | undefined;
      try {
        try {
          // The folder is listed while the persistent index is read and decoded (each waits on the disk in turns).
          const listing = this.listArticles();
          await this.loadStore();
          const files = await listing;
          // A file the persistent index has an entry for is restored at once, neither read nor
          // stat'ed: whether it changed since is checked after the first `indexed` (`checkRestored`).
          restored = files.filter((uri) => this.restoreCached(uri));
          restoredRevision = this.model.revision;
          restoredFrom = this.cached?.size ?? -1;
          this.takeWaitingBuffers();
          let done = restored.length;
          let reported = -1;
          const countDone = () => {
            done++;
            // Every tenth article, at most once per percent: each report is a message to the client
            // (two writes, costly in the server thread when there are thousands of articles).
            const percentage = Math.round((done / Math.max(1, files.length)) * 100);
            if ((done % 10 === 0 && percentage !== reported) || done === files.length) {
              reported = percentage;
              progress.report(percentage, `${done}/${files.length} articles`);
            }
          };
          // The rest is read, analysed and summarised (in index workers when there are many).
          const unknown = files.filter((uri) => !this.model.getArticle(uri));
          pool = this.startPool(unknown.length);
          if (pool) {
            looseHeap = tightenHeapGrowth();
            this.collectAfterBuild = true;
          }
          const failed = await this.summariseUnknown(unknown, pool, countDone);
          // Unreadable files, or analysis failures: read as any change would be, for the reason in the log.
          const yielder = new Yielder(YIELD_EVERY_MS);
          for (const uri of failed) {
            await this.readFromDisk(uri, true);
            countDone();
            await yielder.now();
          }
        } finally {
          progress.done();
        }
        // Buffers opened before the article globs were known were not analysed yet.
        for (const [uri, doc] of this.open) {
          if (this.isArticleDocument(doc) && !this.isCurrent(uri, doc.getText())) this.setArticle(uri, doc.getText());
        }
        // The cross-article index kept with the cache serves when it was made of the very articles
        // the model holds (the model checks that); an article whose summary is not the one it was
        // made from (an open buffer, analysed instead of restored) is brought up to date in it as
        // an edit would be, instead of the whole index being built again before the first answer.
        const cachedIndex = this.cachedIndex;
        this.cachedIndex = undefined;
        if (cachedIndex) {
          // Nothing set or removed since, and no entry dropped from the cache (`detailsLost`): no need to compare 10,000 summaries.
          const unchanged = this.model.revision === restoredRevision && (this.cached?.size ?? -1) === restoredFrom;
          let madeFrom: Map<string, ArticleSummary> | undefined;
          if (!unchanged) {
            madeFrom = new Map();
            for (const entry of this.model.articles()) {
              const cached = this.cached?.get(entry.uri);
              if (cached && cached.summary !== entry.summary) madeFrom.set(entry.uri, cached.summary);
            }
          }
          if (this.model.restoreIndex(cachedIndex, madeFrom)) this.startup.index = 'restored';
        }
        // Guessed dateline years are worked out again with every dated article known: by the index
        // workers while there are any (the analyser is loaded and warm there, not yet in this thread).
        this.startup.settled = pool?.size ? await this.settleInPool(pool) : this.model.settleStale((uri) => this.diskText(uri));
      } catch (err) {
        looseHeap?.();
        this.takeWaitingBuffers();
        throw err;
      } finally {
        // Not waited for: the workers end on their own threads while this one goes on.
        void pool?.close();
      }
      if (this.startup.settled > 0) this.dirty = true;
      if (this.cached && this.cached.size !== this.diskKeys.size) this.dirty = true; // files gone since
      this.cached = undefined;
      this.initialDone = true;
      if (this.dirty) void this.save().finally(looseHeap);
      else looseHeap?.();
      if (restored.length) this.checkRestored(restored);
      else this.startup.checked = true;
    });
  }

  /**
   * Articles whose people and statements could not be read back from the cache file (damaged or
   * replaced there): until they are analysed again from their files they name nobody. That is
   * done by the check of restored files (`checkRestored`, which reads every block before it ends),
   * or at once should a block somehow fail after it.
   */
  private detailsLost(uris: readonly string[]): void {
    this.options.log(`persistent index: the people and statements of ${uris.length} articles did not read back; analysing them again`);
    for (const uri of uris) {
      this.cached?.delete(uri);
      this.lostDetails.add(uri);
    }
    if (!this.startup.checked) return;
    void this.enqueue(async () => {
      const again = [...this.lostDetails];
      this.lostDetails.clear();
      await forEachLimited(again, READ_CONCURRENCY, (uri) => this.readFromDisk(uri, false, true));
    });
  }

  /**
   * After a warm start has answered: the files restored unread are stat'ed (a few milliseconds'
   * worth per turn of the event loop, so requests are served in between), and those whose size or time
   * differ from their entry's are read and, if their text changed, analysed — as the initial index
   * would have done before answering — then guessed dateline years are settled again. Until then a
   * request on a closed article reads its file anyway (`article`), and cross-article answers are
   * those of the cache, as they are for any file changed on disk until its event arrives.
   */
  private checkRestored(uris: readonly string[]): void {
    void this.enqueue(async () => {
      const stale: string[] = [];
      // Stat'ing slows down with the machine's load: slices of time, not of a count of files,
      // keep a request that arrives meanwhile from waiting long.
      await nextTurn();
      // A restored cross-article index's speakers, left packed for the first `indexed`, made a
      // slice per turn (a request that reads the index meanwhile makes the rest itself).
      while (!this.model.unpackRestored(SPEAKERS_PER_TURN)) await nextTurn();
      const slice = new Yielder(CHECK_SLICE_MS);
      for (let i = 0; i < uris.length; i++) {
        await slice.now();
        const uri = uris[i];
        if (this.open.has(uri) || !this.model.getArticle(uri)) continue; // the buffer wins; gone since
        const key = this.diskKeys.get(uri);
        const stat = key && statOrUndefined(fsPathOf(uri));
        if (!key || !stat?.isFile() || !keyServesUnread(key, stat)) stale.push(uri);
      }
      // Their people and statements, left in the cache file by the start, are checked too (a
      // block per turn, kept in the file: read again when needed), and any whose block failed its
      // check is analysed again, as a changed file would be.
      const details = this.storedDetails;
      while (details && !details.done) {
        await nextTurn();
        details.loadNext();
      }
      const again = new Set(this.lostDetails);
      this.lostDetails.clear();
      const staleAlready = new Set(stale);
      for (const uri of again) if (!staleAlready.has(uri) && !this.open.has(uri) && this.model.getArticle(uri)) stale.push(uri);
      await forEachLimited(stale, READ_CONCURRENCY, async (uri) => {
        const before = this.model.getArticle(uri)?.summary;
        await this.readFromDisk(uri, false, again.has(uri));
        const after = this.model.getArticle(uri)?.summary;
        if (after === before) return; // touched, not changed
        this.startup.restored--;
        if (after) this.startup.analysed++;
      });
      if (stale.length) {
        const settled = this.model.settleStale((uri) => this.diskText(uri));
        this.startup.settled += settled;
        if (settled > 0) this.scheduleSave();
      }
      this.startup.checked = true;
    });
  }

  /**
   * How the initial index was made, when there is something new to say: on the first `indexed`,
   * and again once the restored files have been checked (with `checked` true).
   */
  takeStartupReport(): WorkspaceIndex['startup'] | undefined {
    if (!this.initialDone) return undefined;
    const now = this.startup.checked ? 'checked' : 'unchecked';
    if (this.startupReported === now) return undefined;
    this.startupReported = now;
    return { ...this.startup };
  }

  /** Re-reads settings: article globs and the default year; re-indexes when they changed. */
  settingsChanged(): Promise<void> {
    return this.enqueue(async () => {
      const changed = await this.applySettings();
      if (changed && this.initialDone) await this.reconcile();
    });
  }

  /** Workspace folders were added or removed. */
  foldersChanged(folders: string[]): Promise<void> {
    return this.enqueue(async () => {
      this.folders = folders.map(normalizeUri);
      this.selectionRevision++;
      await this.applySettings();
      if (this.initialDone) await this.reconcile();
    });
  }

  /** Brings the model in line with the files the current folders and globs select. */
  private async reconcile(): Promise<void> {
    const wanted = new Set(await this.listArticles());
    for (const entry of this.model.articles()) {
      if (!wanted.has(entry.uri) && !this.open.has(entry.uri)) this.removeArticle(entry.uri);
    }
    for (const [uri, doc] of this.open) {
      if (!this.isArticleDocument(doc)) this.removeArticle(uri);
      else if (!this.isCurrent(uri, doc.getText())) this.setArticle(uri, doc.getText());
    }
    await forEachLimited([...wanted], READ_CONCURRENCY, (uri) => (this.model.getArticle(uri) ? Promise.resolve() : this.readFromDisk(uri)));
  }

  // ----- open documents -----

  didOpen(doc: TextDocument): void {
    const uri = normalizeUri(doc.uri);
    this.open.set(uri, doc);
    this.openedOrClosed.add(uri);
    if (doc.uri !== uri) this.clientUrisRevision++;
    // A text the model already summarised is analysed in full when publishing or a request first
    // needs it (`article`), so that opening many documents at once holds no request up.
    if (!this.awaitingRestore && this.isArticleDocument(doc) && !this.isCurrent(uri, doc.getText())) this.setArticle(uri, doc.getText());
    this.scheduleEmit();
  }

  /** The documents opened while the persistent index was read: those it did not restore are analysed now. */
  private takeWaitingBuffers(): void {
    if (!this.awaitingRestore) return;
    this.awaitingRestore = false;
    for (const [uri, doc] of this.open) {
      if (this.isArticleDocument(doc) && !this.isCurrent(uri, doc.getText())) this.setArticle(uri, doc.getText());
    }
  }

  didChange(doc: TextDocument): void {
    const uri = normalizeUri(doc.uri);
    this.open.set(uri, doc);
    if (!this.isArticleDocument(doc)) return;
    if (this.isCurrent(uri, doc.getText())) return;
    this.pendingEdits.get(uri)?.();
    this.pendingEdits.set(
      uri,
      later(() => {
        this.pendingEdits.delete(uri);
        this.applyOpen(uri);
        this.scheduleEmit();
      }, this.options.analysisDelay ?? 250),
    );
  }

  didClose(doc: TextDocument): void {
    const uri = normalizeUri(doc.uri);
    this.open.delete(uri);
    this.openedOrClosed.add(uri);
    if (doc.uri !== uri) this.clientUrisRevision++;
    this.pendingEdits.get(uri)?.();
    this.pendingEdits.delete(uri);
    // The disk copy takes over again (or the article goes, for untitled buffers and deleted files).
    void this.enqueue(async () => {
      if (this.open.has(uri)) return;
      if (isFileUri(uri) && this.isArticleUri(uri)) await this.readFromDisk(uri);
      else this.removeArticle(uri);
    });
  }

  /** Applies a pending debounced edit now, so a request sees what the user sees. */
  flush(uri: string): void {
    const key = normalizeUri(uri);
    const cancel = this.pendingEdits.get(key);
    if (!cancel) return;
    cancel();
    this.pendingEdits.delete(key);
    this.applyOpen(key);
    this.scheduleEmit();
  }

  // ----- file-system events -----

  didChangeWatchedFiles(changes: FileEvent[]): Promise<void> {
    return this.enqueue(async () => {
      await forEachLimited(changes, READ_CONCURRENCY, async (change) => {
        const uri = normalizeUri(change.uri);
        if (!isFileUri(uri)) return;
        if (change.type === FileChangeType.Deleted) {
          this.forgetDisk(uri);
          // A deleted folder takes its articles with it.
          const prefix = uri.endsWith('/') ? uri : uri + '/';
          for (const entry of this.model.articles()) {
            if (entry.uri.startsWith(prefix)) this.forgetDisk(entry.uri);
          }
          return;
        }
        if (this.open.has(uri)) return; // the buffer wins
        if (change.type === FileChangeType.Created && (await isDirectory(uri))) {
          const found = await this.listUnder(fsPathOf(uri));
          await forEachLimited(found, READ_CONCURRENCY, (u) => this.readFromDisk(u));
          return;
        }
        if (this.isArticleUri(uri)) await this.readFromDisk(uri);
      });
    });
  }

  // ----- lookups for the features -----

  /**
   * The analysed article for a URI as the client names it (after applying any pending edit), with
   * its full analysis: a closed article, of which the model keeps only a summary, is read and
   * analysed again (and kept for the next few requests).
   */
  article(uri: string): AnalysedEntry | undefined {
    this.flush(uri);
    const key = normalizeUri(uri);
    const entry = this.model.getArticle(key);
    if (!entry || entry.analysis) return entry as AnalysedEntry | undefined;
    const text = this.open.get(key)?.getText() ?? this.diskText(key);
    if (text === undefined) return undefined;
    if (!this.open.has(key)) this.keepDetailed(key);
    const clipped = clipArticle(text).text;
    // The text summarised: its analysis is the summary's, in full. Another text: the file changed
    // since (its event is on the way), and the model follows it as it would then.
    if (this.isCurrent(key, clipped) ? !this.analyseInFull(key, clipped) : !this.setArticle(key, text)) return undefined;
    const detailed = this.model.getArticle(key);
    return detailed?.analysis ? (detailed as AnalysedEntry) : undefined;
  }

  /**
   * Changes whenever what the speakers said, or where, may have (`placesRevision`: not when an
   * article is analysed again from the same text, as an opened document is), or a document is
   * opened or closed under another spelling of its URI (answers carry the open documents' own):
   * what an answer cached across requests is valid for.
   */
  get answersRevision(): string {
    return `${this.modelGeneration}:${this.model.placesRevision}:${this.clientUrisRevision}`;
  }

  /** The model key of a client URI. */
  keyOf(uri: string): string {
    return normalizeUri(uri);
  }

  /** The URI to hand back to the client for a model key (its own spelling when the file is open). */
  clientUri(key: string): string {
    return this.open.get(key)?.uri ?? key;
  }

  /** The open document's version, or null for a file that is only on disk. */
  version(key: string): number | null {
    return this.open.get(normalizeUri(key))?.version ?? null;
  }

  /** Open documents that are articles. */
  openArticles(): TextDocument[] {
    return [...this.open.values()].filter((d) => this.isArticleDocument(d));
  }

  /** The open document of a client URI when it is an article, as typed so far: no pending edit is analysed for it. */
  openArticle(uri: string): TextDocument | undefined {
    const doc = this.open.get(normalizeUri(uri));
    return doc && this.isArticleDocument(doc) ? doc : undefined;
  }

  /** The open article documents of these model keys (an edit's, without looking at every open document). */
  openArticlesAmong(keys: ReadonlySet<string>): TextDocument[] {
    const docs: TextDocument[] = [];
    for (const key of keys) {
      const doc = this.open.get(key);
      if (doc && this.isArticleDocument(doc)) docs.push(doc);
    }
    return docs;
  }

  languageOf(key: string): string | undefined {
    return this.open.get(key)?.languageId;
  }

  /**
   * Lines of an entry's analysed text, from its summary's line starts: the summary of an analysis
   * the model holds was made from that very text, so it is not scanned again per edit; a closed
   * article's summary keeps them decoded (a table over them costs less than a cache entry would,
   * and references place statements in a thousand such articles at once).
   */
  lineIndex(entry: ArticleEntry): Lines {
    return new LineTable(entry.summary.lineStarts, entry.summary.length);
  }

  /** Resolves when everything queued so far has been applied. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  /** Writes the persistent index now if it is behind the model. */
  save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // One write at a time; a shutdown waits for the one under way.
    this.saving = this.saving.then(() => this.write());
    return this.saving;
  }

  private async write(): Promise<void> {
    if (!this.store || !this.dirty || !this.initialDone) return;
    this.dirty = false;
    // What is written is the model at one moment: the articles' entries (summaries are never
    // changed, only replaced) and the cross-article index are gathered a slice per turn of the
    // event loop, and an article set or removed meanwhile calls the write off for a later one.
    // A shutdown's write, with nothing left to answer, gathers them at once.
    const model = this.model;
    const revision = model.revision;
    const header = this.cacheHeader();
    const unchanged = () => this.model === model && model.revision === revision;
    // Whatever still lies in the old file is read, and kept, before the new one replaces it (and
    // let go once the new one is in place and its summaries read from it: `IndexStore.save`).
    this.storedDetails?.loadAll();
    this.storedDetails = undefined;
    const entries = new Map<string, CachedArticle>();
    let gathered = 0;
    for (const [uri, key] of this.diskKeys) {
      const entry = model.getArticle(uri);
      if (entry && savable(entry)) entries.set(uri, cachedArticle(entry.summary, key, model.contextKey(uri), this.truncatedFiles.has(uri)));
      if (++gathered % ENTRIES_PER_TURN === 0 && !this.disposing) {
        await nextTurn();
        if (!unchanged()) return this.scheduleSave();
      }
    }
    // Open buffers that may differ from their files (edited, or opened before the files were read)
    // go in too, under a key no file matches: a start restores them, so that the cross-article
    // index kept with them serves, and its check of restored files reads the files again.
    for (const uri of this.open.keys()) {
      const entry = model.getArticle(uri);
      if (entry && savable(entry) && !this.diskKeys.has(uri) && isFileUri(uri) && !this.truncatedFiles.has(uri)) entries.set(uri, cachedArticle(entry.summary, UNSAVED_BUFFER_KEY, model.contextKey(uri)));
    }
    // The cross-article index goes with the articles when it is made of exactly those; a change
    // during its export leaves it out of this write, and another write follows.
    let index: PackedIndex | undefined;
    if (entries.size === model.size) {
      const steps = model.exportIndexInSteps();
      for (let step = steps.next(), first = true; ; step = steps.next(), first = false) {
        // The index is built by the first step (if nothing asked for it before).
        if (first && this.collectAfterBuild) {
          this.collectAfterBuild = false;
          collectGarbage();
        }
        if (step.done) {
          index = step.value;
          break;
        }
        if (!this.disposing) await nextTurn();
      }
      if (!index) this.scheduleSave();
    }
    try {
      // Only the summaries the model still holds move to the new file; one replaced during the
      // save (an edit) keeps what it had.
      const details = await this.store.save(header, entries, index, undefined, (uri, summary) => this.model.getArticle(uri)?.summary === summary);
      this.storedDetails = details;
      details.onLost((uris) => this.detailsLost(uris));
    } catch (err) {
      this.options.log(`persistent index: not written (${String((err as Error)?.message ?? err)})`);
    }
  }

  /** Stops timers and writes the persistent index if it is behind. */
  async dispose(): Promise<void> {
    this.disposing = true;
    for (const cancel of this.pendingEdits.values()) cancel();
    this.pendingEdits.clear();
    await this.save();
  }

  // ----- internals -----

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((err: unknown) => this.options.log(`index: ${String((err as Error)?.stack ?? err)}`));
    this.queue = run.then(() => this.scheduleEmit());
    return this.queue;
  }

  private scheduleSave(delay = this.options.saveDelay ?? 5000): void {
    if (!this.store) return;
    this.dirty = true;
    if (!this.initialDone || this.disposing) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delay);
    this.saveTimer.unref?.();
  }

  private cacheHeader(): CacheHeader {
    return { format: CACHE_FORMAT, code: codeFingerprint(), options: this.model.optionsKey() };
  }

  /** Opens the persistent index of these folders, if the client gave a storage folder. */
  private async loadStore(): Promise<void> {
    const folders = this.folders.filter(isFileUri);
    if (!this.options.storagePath || folders.length === 0) return;
    this.store = new IndexStore(this.options.storagePath, folders);
    const loaded = await this.store.load(this.cacheHeader());
    this.cached = loaded.entries;
    this.cachedIndex = loaded.index;
    this.storedDetails = loaded.details;
    loaded.details?.onLost((uris) => this.detailsLost(uris));
    this.startup.cache = loaded.entries ? 'loaded' : loaded.problem ? 'discarded' : 'none';
    if (loaded.problem) this.options.log(`persistent index ${this.store.file}: ${loaded.problem}`);
  }

  private scheduleEmit(): void {
    if (!this.initialDone || this.emitScheduled) return;
    this.emitScheduled = true;
    setImmediate(() => {
      this.emitScheduled = false;
      for (const listener of this.listeners) listener();
    });
  }

  private applyOpen(uri: string): void {
    const doc = this.open.get(uri);
    if (doc && this.isArticleDocument(doc)) {
      this.setArticle(uri, doc.getText());
      this.changed.add(uri);
    }
  }

  /** Articles set, removed, opened or closed since the last call (model keys); undefined: every article (the model's first call). */
  takeTouched(): Set<string> | undefined {
    const touched = this.model.takeTouched();
    for (const uri of this.openedOrClosed) touched?.add(uri);
    this.openedOrClosed.clear();
    return touched;
  }

  /** The open documents analysed again since the last call (their diagnostics go out first). */
  takeChanged(): Set<string> {
    const changed = new Set(this.changed);
    this.changed.clear();
    return changed;
  }

  /** Whether the model holds this text for the URI (up to the length limit), analysed or summarised. */
  private isCurrent(uri: string, text: string): boolean {
    const known = this.model.getArticle(uri);
    if (!known) return false;
    const clipped = clipArticle(text).text;
    if (known.analysis) return known.analysis.text === clipped;
    // Opening a document asks this of its text and the summary twice (on opening, then when its
    // diagnostics need the analysis): the second time without hashing the text again.
    const verified = this.lastSummarised;
    if (verified?.summary === known.summary && verified.text === clipped) return true;
    if (!summarizes(known.summary, clipped)) return false;
    this.lastSummarised = { summary: known.summary, text: clipped };
    return true;
  }

  /** An open document's text, when it is what the model summarised. */
  private summarisedBuffer(uri: string): string | undefined {
    const text = this.open.get(uri)?.getText();
    return text !== undefined && this.isCurrent(uri, text) ? text : undefined;
  }

  /** Whether this document is open (the very one, not a later document under the same URI). */
  isOpen(doc: TextDocument): boolean {
    return this.open.get(normalizeUri(doc.uri)) === doc;
  }

  /** A closed article's text as it is on disk now (for a request or a re-analysis), read at once. */
  private diskText(uri: string): string | undefined {
    if (!isFileUri(uri)) return undefined;
    const read = readArticleSync(fsPathOf(uri));
    return read.ok ? read.text : undefined;
  }

  /** Analyses the very text the model summarised, to hold its full analysis; false when analysis failed. */
  private analyseInFull(uri: string, text: string): boolean {
    try {
      this.model.setArticle(uri, text);
      return true;
    } catch (err) {
      this.options.log(`analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`);
      return false;
    }
  }

  /** Keeps a closed article's full analysis for a while; the oldest such goes back to its summary. */
  private keepDetailed(uri: string): void {
    const at = this.detailed.indexOf(uri);
    if (at >= 0) this.detailed.splice(at, 1);
    this.detailed.push(uri);
    while (this.detailed.length > DETAILED_CLOSED_ARTICLES) {
      const old = this.detailed.shift()!;
      if (!this.open.has(old)) this.model.release(old);
    }
  }

  /**
   * Analyses one article (up to the length limit), or restores it from the persistent index when
   * `diskKey` says the cached analysis is of this very file; a failure of the core costs that
   * article, not the server. `fileSize` is given for a file read from disk that was cut.
   */
  private setArticle(uri: string, text: string, diskKey?: FileKey, fileSize?: number): boolean {
    if (diskKey) this.diskKeys.set(uri, diskKey);
    // A buffer that differs from its file leaves the cache at the next write (no write per keystroke).
    else if (this.diskKeys.delete(uri)) this.dirty = true;
    const clipped = clipArticle(text);
    const wasTruncated = this.truncatedFiles.get(uri);
    // A file read from disk arrives already cut (readArticle); its size says what the whole was.
    if (clipped.truncated || fileSize !== undefined) {
      const whole = fileSize !== undefined ? `the file (${fileSize.toLocaleString('en-US')} bytes)` : `the text (${clipped.fullLength.toLocaleString('en-US')} characters)`;
      this.truncatedFiles.set(uri, { analysed: clipped.text.length, whole });
      if (!wasTruncated) this.options.log(`${uri}: ${truncationNotice(clipped.text.length, whole)}`);
    } else this.truncatedFiles.delete(uri);
    try {
      const cached = diskKey && !this.keepAnalysis(uri) ? this.cached?.get(uri) : undefined;
      if (cached && entryServes(cached, diskKey!)) {
        this.model.restoreArticle(uri, cached.summary, cached.context);
        this.startup.restored++;
      } else {
        this.model.setArticle(uri, clipped.text);
        if (diskKey) this.scheduleSave();
        if (!this.initialDone) this.startup.analysed++;
      }
      this.skippedFiles.delete(uri);
      return true;
    } catch (err) {
      this.truncatedFiles.delete(uri);
      this.removeArticle(uri);
      this.skippedFiles.set(uri, `analysis failed (${String((err as Error)?.message ?? err)})`);
      this.options.log(`analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`);
      return false;
    }
  }

  /** Loads settings that shape the index; returns whether they changed. */
  private async applySettings(): Promise<boolean> {
    let changed = false;
    const scopes = this.folders.length ? this.folders : [''];
    for (const folder of scopes) {
      const s = await this.options.settingsFor(folder || undefined);
      const key = JSON.stringify(s.articles);
      if (this.matcherKeys.get(folder) !== key) {
        this.matcherKeys.set(folder, key);
        this.matchers.set(folder, new ArticleMatcher(s.articles));
        this.selectionRevision++;
        changed = true;
      }
      if (folder === scopes[0]) this.indexWorkers = s.index.workers;
      if (folder === scopes[0] && s.defaultYear !== this.defaultYear) {
        this.defaultYear = s.defaultYear;
        // The year option is the model's; a new model re-analyses every article with it.
        await this.rebuildModel();
        changed = true;
      }
    }
    return changed;
  }

  /** The registry (or other model options) changed: re-analyse every article and re-select files. */
  reconfigure(): Promise<void> {
    return this.enqueue(async () => {
      await this.rebuildModel();
      if (this.initialDone) await this.reconcile();
    });
  }

  /**
   * A new model with the current options, holding the same articles analysed again: those whose
   * text the model holds (open documents) from it, the others read from disk again.
   */
  private async rebuildModel(): Promise<void> {
    // The texts the model holds: analysed ones, and open documents it summarised (not analysed yet).
    const previous = this.modelValue.articles().map((e) => ({ uri: e.uri, text: e.analysis?.text ?? this.summarisedBuffer(e.uri) }));
    const extra = this.options.modelOptions?.() ?? {};
    const analysis = { ...extra.analysis, ...(this.defaultYear == null ? {} : { defaultYear: this.defaultYear }) };
    this.modelValue = new WorkspaceModel({ ...extra, analysis, keepAnalysis: this.keepAnalysis });
    this.modelGeneration++;
    const unread: string[] = [];
    for (const e of previous) {
      if (e.text !== undefined) this.setArticle(e.uri, e.text, this.diskKeys.get(e.uri));
      else unread.push(e.uri);
    }
    await forEachLimited(unread, READ_CONCURRENCY, (uri) => this.readFromDisk(uri));
  }

  private matcherFor(uri: string): ArticleMatcher | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      const prefix = folder.endsWith('/') ? folder : folder + '/';
      if (uri.startsWith(prefix) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return this.matchers.get(best ?? this.folders[0] ?? '') ?? this.matchers.values().next().value;
  }

  private isArticleUri(uri: string): boolean {
    const rel = relativeToFolders(uri, this.folders);
    if (rel === undefined) return false;
    const m = this.matcherFor(uri);
    return m ? m.matches(rel) && !this.options.isExcluded?.(uri) : false;
  }

  private isArticleDocument(doc: TextDocument): boolean {
    // Asked of every open document after each edit: its URI's place under the folders and globs
    // (path arithmetic) is kept per document until the folders or globs change.
    let known = this.documentSelection.get(doc);
    if (known?.revision !== this.selectionRevision) {
      const uri = normalizeUri(doc.uri);
      const file = isFileUri(uri);
      const rel = file ? relativeToFolders(uri, this.folders) : undefined;
      const m = rel === undefined ? undefined : this.matcherFor(uri);
      known = { revision: this.selectionRevision, uri, file, matched: !!m && m.matches(rel!) };
      this.documentSelection.set(doc, known);
    }
    if (known.file) return known.matched && !this.options.isExcluded?.(known.uri);
    return ARTICLE_LANGUAGES.has(doc.languageId);
  }

  private async listArticles(): Promise<string[]> {
    const folders = this.folders.filter(isFileUri);
    // One folder's walk lists each URI once (`listUnder`): no set of 10,000 URIs to make them distinct.
    if (folders.length === 1) return this.listUnder(fsPathOf(folders[0]));
    const all: string[] = [];
    for (const folder of folders) all.push(...(await this.listUnder(fsPathOf(folder))));
    return [...new Set(all)];
  }

  /** The articles under a folder, each once. */
  private async listUnder(root: string): Promise<string[]> {
    const found: string[] = [];
    // A name with a backslash is made a URI from its path, where the backslash becomes a separator: it may repeat another's.
    let mayRepeat = false;
    // With one workspace folder (the usual case) a file's URI and path in the folder are its
    // directory's and its name, not made again from its whole path (10,000 times on a start).
    const folder = this.folders.length === 1 && isFileUri(this.folders[0]) ? this.folders[0] : undefined;
    const rootRel = folder === undefined ? undefined : pathInFolder(fsPathOf(folder), root);
    const matcher = folder === undefined ? undefined : this.matcherFor(folder);
    const walk = async (dir: string, dirUri: string, dirRel: string | undefined): Promise<void> => {
      let entries: import('fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const plain = dirRel !== undefined && !e.name.includes('\\');
        if (!plain) mayRepeat = true;
        // The path itself only where it is needed: a folder to walk, or a name a URI cannot just be appended to.
        const full = plain && !e.isDirectory() ? undefined : path.join(dir, e.name);
        const uri = plain ? childUri(dirUri, e.name) : fileUriOf(full!);
        const rel = plain ? (dirRel ? `${dirRel}/${e.name}` : e.name) : undefined;
        if (e.isDirectory()) {
          const r = rel ?? relativeToFolders(uri, this.folders);
          const m = rel !== undefined ? matcher : this.matcherFor(uri);
          if (r !== undefined && m?.prunes(r)) continue;
          await walk(full!, uri, rel);
        } else if (e.isFile() || e.isSymbolicLink()) {
          const article = rel !== undefined ? !!matcher?.matches(rel) && !this.options.isExcluded?.(uri) : this.isArticleUri(uri);
          if (article) found.push(uri);
        }
      }
    };
    await walk(root, fileUriOf(root), rootRel);
    return mayRepeat ? [...new Set(found)] : found;
  }

  /**
   * Reads an article file and puts it in the model. `now`: read synchronously (the initial index,
   * where the promise API's round trips cost three times the CPU of the read itself).
   */
  private async readFromDisk(uri: string, now = false, again = false): Promise<void> {
    const generation = (this.diskGeneration.get(uri) ?? 0) + 1;
    this.diskGeneration.set(uri, generation);
    const read = now ? readArticleSync(fsPathOf(uri)) : await readArticle(fsPathOf(uri));
    if (this.diskGeneration.get(uri) !== generation || this.open.has(uri)) return;
    if (!read.ok) {
      if (read.code === 'ENOENT') {
        this.removeArticle(uri);
        this.skippedFiles.delete(uri);
        this.truncatedFiles.delete(uri);
        return;
      }
      const problem = read.code ? `unreadable (${read.code})` : read.reason;
      // One line in the log per file and reason, not one per re-read.
      if (this.skippedFiles.get(uri) !== problem) this.options.log(`skipped ${uri}: ${problem}`);
      this.skippedFiles.set(uri, problem);
      this.truncatedFiles.delete(uri);
      this.removeArticle(uri);
      return;
    }
    // The persistent index keys a file by its size, time and what is analysed of it: the decoded (and cut) text.
    const key = fileKeyOf(read.text, read.size, read.mtimeMs ?? 0, read.utf8);
    if (!again && this.isCurrent(uri, read.text) && !read.truncated === !this.truncatedFiles.has(uri)) {
      const known = this.diskKeys.get(uri);
      if (!known || known.mtimeMs !== key.mtimeMs || known.size !== key.size) {
        this.diskKeys.set(uri, key);
        this.scheduleSave();
      }
      // A document closed with the text of its file: its summary is enough from now on.
      if (!this.keepAnalysis(uri)) this.model.release(uri);
      return;
    }
    this.setArticle(uri, read.text, key, read.truncated ? read.size : undefined);
  }

  /** Restores a file's summary from its cache entry without reading the file; false when there is none to use. */
  private restoreCached(uri: string): boolean {
    const cached = this.cached?.get(uri);
    if (!cached || this.model.getArticle(uri) || (this.keepAnalysis(uri) && !this.bufferIsEntry(uri, cached))) return false;
    // A read of the file under way is made void; with none ever started there is nothing to void
    // (a warm start would otherwise fill this map with 10,000 entries for nothing).
    const generation = this.diskGeneration.get(uri);
    if (generation !== undefined) this.diskGeneration.set(uri, generation + 1);
    this.restoreUnread(uri, cached);
    return true;
  }

  /**
   * Reads, analyses and summarises files the persistent index knows nothing of, in two passes
   * whose results do not depend on the order the files come in: every article with the workspace
   * dates known before (none on a cold start); then, all at once, the articles whose dateline year
   * was guessed, with every article's date (settleStale does what that changes). In worker threads
   * when the `index.workers` setting and the number of files say so, else (and whatever the
   * workers hand back) here. Returns the files that could not be summarised.
   */
  private async summariseUnknown(uris: string[], pool: AnalysisPool | undefined, countDone: () => void): Promise<string[]> {
    const failed: string[] = [];
    const options = this.model.analysisOptions('');
    // The first pass analyses an article whose year is guessed only up to its dates (all it needs of it).
    await this.summariseFiles(uris, pool, options, failed, (uri, entry) => {
      this.restoreUnread(uri, entry, 'analysed');
      countDone();
    }, true);
    const guessed = uris.filter((uri) => !this.open.has(uri) && yearGuessed(this.model.getArticle(uri)?.summary));
    // Put in the model only once every guess is made: each is made with the same dates, and put in
    // as made with them (`putAnalysed`), so that settling redoes it only if they change meanwhile.
    const again: Array<[string, CachedArticle]> = [];
    const failedAgain: string[] = [];
    const madeWith = new Map<string, readonly string[]>();
    await this.summariseFiles(guessed, pool, this.optionsNoting(madeWith), failedAgain, (uri, entry) => again.push([uri, entry]));
    for (const [uri, entry] of again) if (!this.open.has(uri)) this.restoreUnread(uri, entry, 'again', madeWith.get(uri));
    // Read again from scratch (the summary in the model would pass for current).
    for (const uri of failedAgain) this.model.removeArticle(uri);
    failed.push(...failedAgain);
    return failed;
  }

  /** Each article's analysis options as they are now, noting the workspace dates they go with (for `putAnalysed`). */
  private optionsNoting(madeWith: Map<string, readonly string[]>): (uri: string) => AnalysisOptions {
    return (uri) => {
      madeWith.set(uri, this.model.workspaceDates());
      return this.model.analysisOptions(uri);
    };
  }

  /** Index workers for `files` files to analyse, as the `index.workers` setting and the count say; none for few. */
  private startPool(files: number): AnalysisPool | undefined {
    const workers = indexWorkerCount(this.indexWorkers, files);
    if (workers === 0) return undefined;
    const pool = new AnalysisPool(workers, this.model.analysisOptions(''));
    if (pool.size < workers) this.options.log(`index workers: ${pool.size} of ${workers} started`);
    return pool;
  }

  /**
   * `settleStale` with each closed article analysed again in the index workers, one at a time, in
   * the same order and against the same dates as `settleStale` would (`staleArticles`); an article
   * held with its analysis (its text a buffer's) is redone here. Returns how many were redone.
   */
  private async settleInPool(pool: AnalysisPool): Promise<number> {
    let redone = 0;
    const stale = this.model.staleArticles();
    for (let next = stale.next(); !next.done; ) {
      const { uri, analysis } = next.value;
      let done = false;
      if (analysis) {
        this.model.setArticle(uri, analysis.text);
        done = true;
      } else {
        const madeWith = new Map<string, readonly string[]>();
        await this.summariseFiles([uri], pool, this.optionsNoting(madeWith), [], (u, entry) => {
          this.restoreUnread(u, entry, 'again', madeWith.get(u));
          done = true;
        });
      }
      if (done) redone++;
      next = stale.next(done);
    }
    return redone;
  }

  /**
   * Summarises files in the pool's workers, or here; `options` are the pool's, or a function giving
   * each article's (the pool is sent its workspace dates). `put` gets each summary, `failed` the
   * files that could not be read or analysed.
   */
  private async summariseFiles(
    uris: readonly string[],
    pool: AnalysisPool | undefined,
    options: AnalysisOptions | ((uri: string) => AnalysisOptions),
    failed: string[],
    put: (uri: string, entry: CachedArticle) => void,
    firstPass = false,
  ): Promise<void> {
    const optionsOf = typeof options === 'function' ? options : () => options;
    const take = (uri: string, entry: CachedArticle) => {
      if (!this.open.has(uri)) put(uri, entry); // the buffer wins
    };
    let here = uris;
    if (pool?.size) {
      const handedBack: string[] = [];
      let why: string | undefined;
      const fallback = (uri: string, reason: string) => {
        handedBack.push(uri);
        why ??= reason;
      };
      const datesOf = typeof options === 'function' ? (uri: string) => options(uri).workspaceDates ?? [] : undefined;
      await pool.run(uris.map((uri) => ({ uri, file: fsPathOf(uri) })), { entry: take, fallback }, datesOf, firstPass);
      if (handedBack.length) this.options.log(`index workers: ${handedBack.length} of ${uris.length} articles summarised here instead (${why})`);
      here = handedBack;
    }
    const yielder = new Yielder(YIELD_EVERY_MS);
    for (const uri of here) {
      if (this.open.has(uri)) continue;
      const done = summariseFile(uri, fsPathOf(uri), optionsOf(uri), firstPass);
      if ('entry' in done) take(uri, done.entry);
      else failed.push(uri);
      await yielder.now();
    }
  }

  /**
   * Puts a cache entry's summary in the model for a file not read here: one whose size and time are
   * unchanged, or one an index worker just read and summarised (`analysed`, or `again` with the
   * other articles' dates).
   */
  /**
   * Whether an open document's text is the one a persistent index entry summarised (whole: a
   * clipped file's entry says what the file held, not the buffer): it is then restored as a closed
   * article would be, and analysed in full when publishing or a request first needs it.
   */
  private bufferIsEntry(uri: string, cached: CachedArticle): boolean {
    const doc = this.open.get(uri);
    if (!doc || cached.truncated || this.detailed.includes(uri) || !this.isArticleDocument(doc)) return false;
    const text = doc.getText();
    return !clipArticle(text).truncated && summarizes(cached.summary, text);
  }

  private restoreUnread(uri: string, cached: CachedArticle, how: 'unchanged' | 'analysed' | 'again' = 'unchanged', madeWith?: readonly string[]): void {
    this.diskKeys.set(uri, cached.key);
    if (cached.truncated) {
      const whole = `the file (${cached.key.size.toLocaleString('en-US')} bytes)`;
      if (!this.truncatedFiles.has(uri)) this.options.log(`${uri}: ${truncationNotice(cached.summary.length, whole)}`);
      this.truncatedFiles.set(uri, { analysed: cached.summary.length, whole });
    } else this.truncatedFiles.delete(uri);
    if (madeWith) this.model.putAnalysed(uri, cached.summary, madeWith);
    else this.model.restoreArticle(uri, cached.summary, cached.context);
    this.skippedFiles.delete(uri);
    if (how === 'unchanged') this.startup.restored++;
    else this.scheduleSave();
    if (how === 'analysed') this.startup.analysed++;
  }

  private removeArticle(uri: string): void {
    if (this.diskKeys.delete(uri)) this.scheduleSave();
    this.model.removeArticle(uri);
  }

  private forgetDisk(uri: string): void {
    this.diskGeneration.set(uri, (this.diskGeneration.get(uri) ?? 0) + 1);
    this.skippedFiles.delete(uri);
    if (!this.open.has(uri)) {
      this.truncatedFiles.delete(uri);
      this.removeArticle(uri);
    }
  }
}

/** A directory's path inside a folder, '/'-separated ('' for the folder itself), or undefined when it is not inside. */
function pathInFolder(folder: string, dir: string): string | undefined {
  const rel = path.relative(folder, dir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Runs `fn` after `delay` ms and returns how to cancel it. No delay means the next turn of the
 * event loop (coalescing the changes already received), not a timer's minimum of a millisecond.
 */
function later(fn: () => void, delay: number): () => void {
  if (delay > 0) {
    const timer = setTimeout(fn, delay);
    return () => clearTimeout(timer);
  }
  const immediate = setImmediate(fn);
  return () => clearImmediate(immediate);
}

/** A file's stat, or undefined when it cannot be had (gone, or not readable): then it is read as usual. */
function statOrUndefined(file: string): import('fs').Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

async function isDirectory(uri: string): Promise<boolean> {
  try {
    return (await fs.stat(fsPathOf(uri))).isDirectory();
  } catch {
    return false;
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Whether an article's summary can be saved: not one whose stored people and statements were lost (being analysed again, `detailsLost`). */
function savable(entry: ArticleEntry): boolean {
  return !(entry.summary instanceof PackedSummary && entry.summary.detailLost);
}
