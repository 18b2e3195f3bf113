// Packed people and statements left in the persistent index's file until needed. A warm start
// reads only the summaries' plain fields (and the cross-article index) and answers; the packed
// bytes lie in the file in blocks of consecutive articles, each with its own checksum, and a block
// is read whole — in the background after the start, or at once when something reads one of its
// articles first. A block that cannot be read or fails its check is never used: its articles read
// as naming nobody until the server has analysed them again from their files (`onLost`). Pure:
// the reading and the check are the caller's `read`.

/** One block as the cache's header lists it: how many articles, how many bytes, its checksum. */
export interface BlockInfo {
  articles: number;
  bytes: number;
  hash: string;
}

/** Reads a block's bytes (`offset` counts from the first block) and checks them; undefined when it cannot. */
export type BlockReader = (block: BlockInfo, offset: number) => Uint8Array | undefined;

/** The blocks of one cache file. */
export class StoredDetails {
  private readonly blocks: StoredBlock[] = [];
  private next = 0;
  private lostListener: ((uris: readonly string[]) => void) | undefined;
  private lostEarly: string[] = [];

  constructor(private readonly read: BlockReader) {}

  /** Adds the next block (as the header lists them); its articles are added with `add` as they are decoded. */
  block(info: BlockInfo, offset: number): StoredBlock {
    const block = new StoredBlock(() => this.read(info, offset), (uris) => this.lost(uris));
    this.blocks.push(block);
    return block;
  }

  /** Whether every block has been read (or given up). */
  get done(): boolean {
    while (this.next < this.blocks.length && this.blocks[this.next].settled) this.next++;
    return this.next === this.blocks.length;
  }

  /** Reads the first block not read yet; false when there was none. */
  loadNext(): boolean {
    if (this.done) return false;
    this.blocks[this.next++].load();
    return true;
  }

  loadAll(): void {
    while (this.loadNext());
  }

  /** Calls `listener` with the articles of every block that fails, including those that failed before. */
  onLost(listener: (uris: readonly string[]) => void): void {
    this.lostListener = listener;
    const early = this.lostEarly;
    this.lostEarly = [];
    if (early.length) listener(early);
  }

  private lost(uris: readonly string[]): void {
    if (this.lostListener) this.lostListener(uris);
    else this.lostEarly.push(...uris);
  }
}

/** Consecutive articles' packed bytes in the cache file, read all at once when first needed. */
export class StoredBlock {
  private bytes: Uint8Array | undefined;
  private state: 'stored' | 'loaded' | 'lost' = 'stored';
  /** The articles in it, for `onLost` (dropped once read). */
  private uris: string[] | undefined = [];

  constructor(
    private read: (() => Uint8Array | undefined) | undefined,
    private readonly lost: (uris: readonly string[]) => void,
  ) {}

  add(uri: string): void {
    this.uris?.push(uri);
  }

  get settled(): boolean {
    return this.state !== 'stored';
  }

  /** Whether the block's bytes are at hand (reading them if not yet tried). */
  load(): boolean {
    if (this.state === 'stored') {
      let bytes: Uint8Array | undefined;
      try {
        bytes = this.read?.();
      } catch {
        bytes = undefined;
      }
      this.read = undefined;
      const uris = this.uris ?? [];
      this.uris = undefined;
      if (bytes) {
        this.bytes = bytes;
        this.state = 'loaded';
      } else {
        this.state = 'lost';
        this.lost(uris);
      }
    }
    return this.state === 'loaded';
  }

  /** An article's bytes, undefined when the block is lost. */
  slice(at: number, length: number): Uint8Array | undefined {
    return this.load() ? this.bytes!.subarray(at, at + length) : undefined;
  }
}
