// A file key's hash is of the text analysed; when the file's bytes are that text's UTF-8 exactly,
// it is taken of them (no second encoding), and must be the same hash either way.
import * as assert from 'node:assert/strict';
import { fileKeyOf } from '../../../server/src/node/indexStore';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../../server/src/node/readArticle';

const TEXT = 'GENEVA — “We will not wait,” the envoy said on Tuesday. Café owners — and a naïve résumé 😀 — agreed.\n';

function keyBothWays(bytes: Uint8Array, size = bytes.length) {
  const read = decodeArticle(bytes, size);
  assert.ok(read.ok);
  return { read, withBytes: fileKeyOf(read.text, read.size, 1, read.utf8), fromText: fileKeyOf(read.text, read.size, 1) };
}

describe('fileKeyOf', () => {
  it('hashes a BOM-less UTF-8 file as read, the same as its text', () => {
    const { read, withBytes, fromText } = keyBothWays(Buffer.from(TEXT, 'utf8'));
    assert.ok(read.utf8, 'the bytes are offered');
    assert.deepEqual(withBytes, fromText);
  });

  it('hashes the text when the bytes are not exactly its UTF-8', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    const twoBoms = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const windows1252 = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80]);
    for (const bytes of [bom, twoBoms, utf16, windows1252]) {
      const { read, withBytes, fromText } = keyBothWays(bytes);
      assert.equal(read.utf8, undefined);
      assert.deepEqual(withBytes, fromText);
    }
  });

  it('hashes the text of a file cut at the length limit', () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    const { read } = keyBothWays(bytes, bytes.length + 10);
    assert.equal(read.utf8, undefined);
    const long = Buffer.alloc(MAX_ARTICLE_BYTES + 10, 'a');
    assert.equal(keyBothWays(long).read.utf8, undefined);
  });
});
