// Packed people and statements left in the persistent index's file until needed. A warm start
// reads only the summaries' plain fields (and the cross-article index) and answers; the packed
// bytes lie in the file in blocks of consecutive articles, each with its own checksum. The check
// after the start reads every block once to verify it and keeps nothing; a block is read (and
// checked) again whenever something needs one of its articles, and only the last few blocks so
// read are kept — the file, not the heap, holds the rest. Before a save replaces the file, every
// block some summary still reads is read and kept (`loadAll`); once the new file is in place, the
// summaries it holds read their bytes from its blocks instead (`PackedSummary.moveTo`), and an old
// block none reads any more lets its bytes go (`release`). A block that cannot be read or fails
// its check, at any read, is never used: its articles read as naming nobody until the server has
// analysed them again from their files (`onLost`). Pure: the reading and the check are the caller's
// `read`.

/** One block as the cache's header lists it: how many articles, how many bytes, its checksum. */
export interface BlockInfo {
  articles: number;
  bytes: number;
  hash: string;
}

/**
 * Reads a block's bytes (`offset` counts from the first block) and checks them; undefined when it
 * cannot. With `keep` false only the check matters: the bytes returned may be a view of space the
 * reader reuses at its next call. With `keep`, `room` may be the space of a block no longer kept,
 * to read into if it is big enough rather than take new space.
 */
export type BlockReader = (block: BlockInfo, offset: number, keep: boolean, room?: Uint8Array) => Uint8Array | undefined;

/** Blocks read on need and kept (about 256 KB each): a request's articles, or an edit's, are mostly a few blocks. */
const HELD_BLOCKS = 16;

/** The blocks of one cache file. */
export class StoredDetails {
  private readonly blocks: StoredBlock[] = [];
  private next = 0;
  private lostListener: ((uris: readonly string[]) => void) | undefined;
  private lostEarly: string[] = [];
  /** Blocks whose bytes are kept, least recently used first. */
  private readonly held = new Set<StoredBlock>();
  /** Set once every block is to be kept (the file is about to be replaced). */
  private keepingAll = false;
  /**
   * The space of the block dropped last, for the next block read: a busy speaker's statements
   * read most blocks in turn, and new space for each cost more than reading it (page faults).
   */
  private spare: Uint8Array | undefined;

  constructor(private readonly read: BlockReader, private readonly heldBlocks = HELD_BLOCKS) {}

  /** Adds the next block (as the header lists them); its articles are added with `add` as they are decoded. */
  block(info: BlockInfo, offset: number): StoredBlock {
    const block = new StoredBlock(this, (keep) => this.read(info, offset, keep, keep ? this.takeSpare() : undefined));
    this.blocks.push(block);
    return block;
  }

  /** Whether every block has been checked (or given up). */
  get done(): boolean {
    while (this.next < this.blocks.length && this.blocks[this.next].settled) this.next++;
    return this.next === this.blocks.length;
  }

  /** Checks the first block not checked yet, keeping none of it; false when there was none. */
  loadNext(): boolean {
    if (this.done) return false;
    this.blocks[this.next++].check();
    return true;
  }

  /**
   * Reads every block some summary still reads and keeps them: what is still in the file is at
   * hand when it is replaced (a block whose summaries all moved to a newer file is not read).
   */
  loadAll(): void {
    this.keepingAll = true;
    this.held.clear();
    for (const block of this.blocks) if (block.readers > 0) block.bytes();
    this.next = this.blocks.length;
  }

  /** How many blocks' bytes are kept now. */
  get heldCount(): number {
    return this.keepingAll ? this.blocks.filter((b) => b.held).length : this.held.size;
  }

  /** Calls `listener` with the articles of every block that fails, including those that failed before. */
  onLost(listener: (uris: readonly string[]) => void): void {
    this.lostListener = listener;
    const early = this.lostEarly;
    this.lostEarly = [];
    if (early.length) listener(early);
  }

  /** @internal A block lost its articles. */
  lost(uris: readonly string[]): void {
    if (this.lostListener) this.lostListener(uris);
    else this.lostEarly.push(...uris);
  }

  /** @internal A block's bytes were used: kept, the least recently used one dropped beyond the limit. */
  used(block: StoredBlock): void {
    if (this.keepingAll) return;
    this.held.delete(block);
    this.held.add(block);
    if (this.held.size > this.heldBlocks) {
      const oldest = this.held.values().next().value!;
      this.held.delete(oldest);
      this.spare = oldest.drop();
    }
  }

  /** @internal A block let its bytes go for good (`release`). */
  forget(block: StoredBlock): void {
    this.held.delete(block);
  }

  private takeSpare(): Uint8Array | undefined {
    const spare = this.spare;
    this.spare = undefined;
    return spare;
  }
}

/** Consecutive articles' packed bytes in the cache file, read whole when needed. */
export class StoredBlock {
  private kept: Uint8Array | undefined;
  private state: 'stored' | 'checked' | 'lost' = 'stored';
  /** The articles in it, for `onLost` (dropped once lost). */
  private uris: string[] | undefined = [];
  /** How many summaries read their bytes here (`add`, less those moved to a newer file: `release`). */
  readers = 0;

  constructor(
    private readonly owner: StoredDetails,
    private read: ((keep: boolean) => Uint8Array | undefined) | undefined,
  ) {}

  /** An article whose summary reads its bytes here. */
  add(uri: string): void {
    this.uris?.push(uri);
    this.readers++;
  }

  /**
   * A summary reads its bytes from a newer file now: once none reads them here, they are let go
   * (never read again: the file they were in has been replaced).
   */
  release(): void {
    if (--this.readers > 0) return;
    this.kept = undefined;
    this.owner.forget(this);
  }

  /** Whether it has been checked (or lost). */
  get settled(): boolean {
    return this.state !== 'stored';
  }

  get held(): boolean {
    return this.kept !== undefined;
  }

  /** Whether it failed a read or a check (without reading it). */
  get lost(): boolean {
    return this.state === 'lost';
  }

  /** Whether its bytes can be had: checked now if never yet (nothing is kept). */
  check(): boolean {
    if (this.state === 'stored' && this.attempt(false)) this.state = 'checked';
    return this.state !== 'lost';
  }

  /** Its bytes, read and checked again unless kept; undefined once lost. */
  bytes(): Uint8Array | undefined {
    if (!this.kept && this.state !== 'lost') {
      const bytes = this.attempt(true);
      if (bytes) {
        this.kept = bytes;
        this.state = 'checked';
      }
    }
    if (this.kept) this.owner.used(this);
    return this.kept;
  }

  /** Lets its bytes go (returned, for their space to be reused): they are read from the file again when next needed. */
  drop(): Uint8Array | undefined {
    const bytes = this.kept;
    this.kept = undefined;
    return bytes;
  }

  /**
   * An article's bytes, undefined when the block is lost: a view, to be read at once (as every
   * reader does: decoded, or tested), since the space of a block no longer kept is reused by the
   * next block read — except while every block is kept (`loadAll`), for a save that writes them.
   */
  slice(at: number, length: number): Uint8Array | undefined {
    return this.bytes()?.subarray(at, at + length);
  }

  private attempt(keep: boolean): Uint8Array | undefined {
    let bytes: Uint8Array | undefined;
    try {
      bytes = this.read?.(keep);
    } catch {
      bytes = undefined;
    }
    if (bytes) return bytes;
    // Never trusted again, even if a later read would succeed: its articles are analysed afresh.
    this.state = 'lost';
    this.read = undefined;
    this.kept = undefined;
    const uris = this.uris ?? [];
    this.uris = undefined;
    this.owner.lost(uris);
    return undefined;
  }
}
