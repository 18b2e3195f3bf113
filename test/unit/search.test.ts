import * as assert from 'assert';
import { lowerBound } from '../../server/src/analysis/search';

describe('lowerBound', () => {
  const starts = [2, 5, 5, 9];
  it('counts the leading items that come before the place sought', () => {
    assert.strictEqual(lowerBound(starts, (s) => s < 5), 1);
    assert.strictEqual(lowerBound(starts, (s) => s <= 5), 3);
  });
  it('is 0 when no item comes before and the length when all do', () => {
    assert.strictEqual(lowerBound(starts, (s) => s < 1), 0);
    assert.strictEqual(lowerBound(starts, (s) => s < 100), 4);
    assert.strictEqual(lowerBound([], () => true), 0);
  });
});
