// The blocks of a cache file read on need (server/src/workspace/storedDetail.ts), with a reader
// written here: only the last few read are kept, and the space of one dropped is offered to the
// next read, which must then read the right bytes into it.
import * as assert from 'assert';
import { StoredDetails, type BlockInfo, type StoredBlock } from '../../../server/src/workspace/storedDetail';

/** Five blocks of 100 bytes; block n's bytes are all n + 1. */
function fiveBlocks(heldBlocks: number) {
  const rooms: Array<Uint8Array | undefined> = [];
  const reads: number[] = [];
  const details = new StoredDetails((info: BlockInfo, offset: number, keep: boolean, room?: Uint8Array) => {
    const n = offset / 100;
    reads.push(n);
    if (keep) rooms.push(room);
    const bytes = keep && room && room.buffer.byteLength >= info.bytes ? new Uint8Array(room.buffer, 0, info.bytes) : new Uint8Array(info.bytes);
    return bytes.fill(n + 1);
  }, heldBlocks);
  const blocks: StoredBlock[] = [];
  for (let n = 0; n < 5; n++) {
    blocks.push(details.block({ articles: 1, bytes: 100, hash: '' }, n * 100));
    blocks[n].add(`file:///ws/${n}.txt`);
  }
  return { details, blocks, rooms, reads };
}

const contents = (bytes: Uint8Array | undefined) => (bytes ? [bytes.length, new Set(bytes).size === 1 ? bytes[0] : -1] : undefined);

describe('stored blocks', () => {
  it('keep only the last few read, and read a dropped one into the space of the one dropped next', () => {
    const { details, blocks, rooms, reads } = fiveBlocks(2);
    const first = blocks[0].slice(0, 100);
    assert.deepStrictEqual(contents(first), [100, 1]);
    blocks[1].slice(0, 100);
    assert.deepStrictEqual(rooms.map((r) => r === undefined), [true, true], 'nothing dropped yet: new space');
    const third = blocks[2].slice(0, 100);
    assert.strictEqual(details.heldCount, 2);
    assert.deepStrictEqual(rooms.map((r) => r === undefined), [true, true, true], 'a third read, still new space');
    assert.deepStrictEqual(contents(third), [100, 3]);
    // The fourth read gets the space of the first block, dropped when the third was kept.
    const fourth = blocks[3].slice(0, 100);
    assert.strictEqual(rooms[3]?.buffer, first!.buffer, 'the dropped block’s space, reused');
    assert.deepStrictEqual(contents(fourth), [100, 4]);
    // Every block read again reads its own bytes, whatever space it lands in.
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 5; n++) assert.deepStrictEqual(contents(blocks[n].slice(10, 50)), [50, n + 1], `block ${n}`);
    }
    assert.strictEqual(details.heldCount, 2);
    assert.ok(reads.length > 5, 'dropped blocks are read again');
  });

  it('offer no space while every block is kept for a save, nor to a check that keeps nothing', () => {
    const { details, blocks, rooms } = fiveBlocks(2);
    while (details.loadNext());
    assert.deepStrictEqual(rooms, [], 'the check keeps nothing');
    blocks[0].slice(0, 1);
    blocks[1].slice(0, 1);
    blocks[2].slice(0, 1);
    details.loadAll();
    const kept = blocks.map((b) => b.slice(0, 100));
    assert.strictEqual(details.heldCount, 5);
    for (let n = 0; n < 5; n++) assert.deepStrictEqual(contents(kept[n]), [100, n + 1], `block ${n} as it was read`);
    assert.strictEqual(new Set(kept.map((b) => b!.buffer)).size, 5, 'each in space of its own');
  });

  it('let a block’s bytes go once no summary reads them there, and read none such for a save', () => {
    const { details, blocks, reads } = fiveBlocks(2);
    blocks[0].add('file:///ws/0b.txt');
    details.loadAll();
    assert.strictEqual(details.heldCount, 5);
    blocks[0].release();
    assert.strictEqual(blocks[0].held, true, 'one of its two summaries still reads it');
    blocks[0].release();
    blocks[1].release();
    assert.deepStrictEqual(blocks.map((b) => b.held), [false, false, true, true, true]);
    assert.strictEqual(details.heldCount, 3);
    const before = reads.length;
    details.loadAll();
    assert.strictEqual(reads.length, before, 'the kept ones are at hand, the released ones not read');
  });
});
