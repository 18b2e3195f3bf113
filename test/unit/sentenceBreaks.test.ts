import * as assert from 'node:assert/strict';
import { sentenceBreaks } from '../../server/src/analysis/sentenceBreaks';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const icuBreaks = (text: string): number[] => [...segmenter.segment(text)].map((s) => s.index).filter((i) => i > 0);

describe('sentenceBreaks', () => {
  it('breaks after a full stop, its closing marks and its spaces', () => {
    assert.deepEqual(sentenceBreaks('He left. “It is over.” She stayed.'), [9, 23]);
  });

  it('does not break inside "U.S.", "3.5", "e.g. the" or before a comma', () => {
    assert.deepEqual(sentenceBreaks('The U.S. economy grew 3.5 percent, e.g. the best. Then, it fell.'), [50]);
  });

  it('keeps "?!" and "..." inside one sentence end', () => {
    assert.deepEqual(sentenceBreaks('Really?! Yes... Fine'), [9, 16]);
  });

  it('gives no answer for characters it does not know, so that ICU decides', () => {
    assert.equal(sentenceBreaks('\u4f60\u597d\u3002\u518d\u89c1'), undefined);
    assert.equal(sentenceBreaks('Cafe\u0301. Next'), undefined);
  });

  it('agrees with Intl.Segmenter on random text of news characters', () => {
    const alphabet = [...'aeUSÉéßжЖωΩłŁ19...!? \u00a0\u2009"\'“”‘’„«»()[],;:-–—…•―$%/*€°¿¡\t'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = 1 + random(24); j > 0; j--) text += alphabet[random(alphabet.length)];
      const breaks = sentenceBreaks(text);
      assert.ok(breaks, JSON.stringify(text));
      assert.deepEqual(breaks, icuBreaks(text), JSON.stringify(text));
    }
  });

  it('takes linear time on a megabyte of full stops and spaces', () => {
    const text = '. a'.repeat(350_000);
    const started = process.hrtime.bigint();
    assert.equal(sentenceBreaks(text)?.length, 0);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2000);
  });
});
