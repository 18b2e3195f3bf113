import * as assert from 'assert';
import { baselineSample } from '../../scripts/bench/baseline';

describe('the bench baseline sample', () => {
  const files = Array.from({ length: 10 }, (_, i) => `a${i}.txt`);
  it('takes every (files / articles)-th file, and keeps the rest for warming up', () => {
    const { sample, others } = baselineSample(files, 3);
    assert.deepStrictEqual(sample, ['a0.txt', 'a3.txt', 'a6.txt']);
    assert.deepStrictEqual(others, ['a1.txt', 'a2.txt', 'a4.txt', 'a5.txt', 'a7.txt', 'a8.txt', 'a9.txt']);
  });
  it('takes every file when more are asked for than there are, leaving none to warm up on', () => {
    const { sample, others } = baselineSample(files, 50);
    assert.deepStrictEqual(sample, files);
    assert.deepStrictEqual(others, []);
  });
});
