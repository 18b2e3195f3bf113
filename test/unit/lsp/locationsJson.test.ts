// Locations written straight out as JSON (server/src/lsp/locationsJson.ts): byte for byte what
// JSON.stringify makes of the Location objects, and line starts decoded only as far as needed
// place every offset up to there as the whole table does.
import * as assert from 'assert';
import { LineIndex, LineTable, lineStartsOf } from '../../../server/src/analysis/positions';
import { LocationsJson } from '../../../server/src/lsp/locationsJson';
import { Serialised } from '../../../server/src/lsp/transport';
import { decodeLineStartsInto, encodeLineStarts } from '../../../server/src/workspace/packedSummary';

const text = 'First line\r\nsecond, “quoted” line\rthird\n\nfifth line, a little longer than the others\n';
const lines = new LineIndex(text);

describe('locations written as JSON', () => {
  it('are what JSON.stringify makes of the Location objects', () => {
    const uris = ['file:///news/a%20b.txt', 'file:///news/é"q\\.txt', 'untitled:Untitled-1', 'file:///news/\ud800lone.txt'];
    const spans: Array<[number, number]> = [[0, 5], [12, 20], [3, 60], [-4, 2], [70, 9999], [text.length, text.length]];
    const json = new LocationsJson();
    const expected = [];
    for (const uri of uris) {
      json.article(uri);
      for (const [start, end] of spans) {
        json.location(lines, start, end);
        expected.push({ uri, range: lines.rangeOf({ start, end }) });
      }
    }
    assert.strictEqual(json.finish().toString('utf8'), JSON.stringify(expected));
    assert.strictEqual(new LocationsJson().finish().toString('utf8'), '[]');
  });

  it('grow past their first room, and each answer has bytes of its own', () => {
    const uri = `file:///news/${'long-name-'.repeat(50)}.txt`;
    const wide = new LineTable([0, 10, 4000000000], 4294967295);
    const expected = [];
    const json = new LocationsJson();
    json.article(uri);
    for (let i = 0; i < 400; i++) {
      json.location(wide, i * 1000, 4294967295);
      expected.push({ uri, range: wide.rangeOf({ start: i * 1000, end: 4294967295 }) });
    }
    const first = json.finish();
    const second = new LocationsJson();
    second.article('file:///x');
    second.location(lines, 0, 1);
    second.finish();
    assert.strictEqual(first.toString('utf8'), JSON.stringify(expected), 'not overwritten by the next answer');
  });

  it('stand for their value wherever else they are turned into JSON', () => {
    const json = new LocationsJson();
    json.article('file:///a.txt');
    json.location(lines, 12, 20);
    const answer = Serialised.ofJson(json.finish());
    const value = [{ uri: 'file:///a.txt', range: lines.rangeOf({ start: 12, end: 20 }) }];
    assert.strictEqual(answer.json.toString('utf8'), JSON.stringify(value));
    assert.deepStrictEqual(answer.value, value);
    assert.strictEqual(JSON.stringify({ result: answer }), JSON.stringify({ result: value }));
  });

  it('place offsets from line starts decoded only up to the last one needed as from them all', () => {
    const encoded = encodeLineStarts(lineStartsOf(text));
    const room = { starts: new Uint32Array(1) };
    for (let upTo = -1; upTo <= text.length + 1; upTo++) {
      const some = new LineTable(decodeLineStartsInto(encoded, room, upTo), text.length);
      assert.ok(some.lineCount >= 1, 'the first line always');
      for (let offset = -1; offset <= Math.max(upTo, 0); offset++) assert.deepStrictEqual(some.positionAt(offset), lines.positionAt(offset), `offset ${offset} of up to ${upTo}`);
    }
    assert.strictEqual(decodeLineStartsInto(encoded, room, 11).length, 1, 'no further than asked');
    assert.deepStrictEqual(Array.from(decodeLineStartsInto(encoded, room)), lineStartsOf(text), 'all of them unless told');
  });
});
