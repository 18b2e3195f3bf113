import * as assert from 'node:assert/strict';
import { foldName, isUpperInitial, isWordChar, lowerCased, tokenize, tokenizeWithoutWordlessSpans } from '../../server/src/analysis/tokens';

const texts = (text: string) => tokenize(text).map((t) => t.text);

describe('tokens', () => {
  describe('tokenize', () => {
    it('keeps a hyphenated word whole', () => {
      assert.deepEqual(texts('the Secretary-General said'), ['the', 'Secretary-General', 'said']);
    });

    it('keeps a curly apostrophe inside a word and folds it to a straight one in the lower-case form', () => {
      const [token] = tokenize('Russia\u2019s');
      assert.deepEqual([token.text, token.lower], ['Russia\u2019s', "russia's"]);
    });

    it('keeps the inner full stops of "U.S" but not the final one', () => {
      assert.deepEqual(texts('U.S. plan'), ['U.S', '.', 'plan']);
    });

    it('makes each punctuation mark a token of its own', () => {
      assert.deepEqual(texts('said: \u201cno,\u201d'), ['said', ':', '\u201c', 'no', ',', '\u201d']);
    });

    it('does not join a trailing hyphen to the word before it', () => {
      assert.deepEqual(texts('pro- and anti-'), ['pro', '-', 'and', 'anti', '-']);
    });

    it('skips spaces, non-breaking spaces and line ends', () => {
      assert.deepEqual(texts('a\u00a0b\r\nc\td'), ['a', 'b', 'c', 'd']);
    });

    it('gives UTF-16 offsets into the text', () => {
      const tokens = tokenize('\u201cGrushk\u00f3\u201d said');
      assert.deepEqual(tokens.map((t) => [t.start, t.end]), [[0, 1], [1, 8], [8, 9], [10, 14]]);
    });

    it('tokenizes only the range asked for', () => {
      assert.deepEqual(tokenize('xx Hello world yy', 3, 14).map((t) => [t.text, t.start]), [['Hello', 3], ['world', 9]]);
    });

    it('lower-cases capitals and accented letters, and leaves lower-case words as they are', () => {
      assert.deepEqual(tokenize('Said \u00c9MILE the envoy 1990').map((t) => t.lower), ['said', '\u00e9mile', 'the', 'envoy', '1990']);
    });

    it('gives every mark of a long run of marks its own token with the mark as its text', () => {
      const tokens = tokenize('\u201c\u201d'.repeat(1000));
      assert.equal(tokens.length, 2000);
      assert.deepEqual([tokens[0].text, tokens[1999].text, tokens[1999].lower, tokens[1999].start], ['\u201c', '\u201d', '\u201d', 1999]);
    });

    it('leaves out the tokens of a span with no word in it, and only those', () => {
      const text = 'He said.\n\u201c\u201d\u201c\u201d\n\u201cYes.\u201d';
      const spans = [{ start: 0, end: 8 }, { start: 9, end: 13 }, { start: 14, end: 20 }];
      const kept = tokenizeWithoutWordlessSpans(text, 0, text.length, spans);
      assert.deepEqual(kept.map((t) => t.text), ['He', 'said', '.', '\u201c', 'Yes', '.', '\u201d']);
      assert.deepEqual(kept, tokenize(text).filter((t) => t.start < 9 || t.start >= 13));
    });

    it('reads every ASCII character between two letters as a letter, a joiner, a space or a mark', () => {
      for (let c = 32; c < 127; c++) {
        const ch = String.fromCharCode(c);
        const expected = /[A-Za-z0-9]/.test(ch) || ch === '-' || ch === "'" || ch === '.' ? [`a${ch}b`] : ch === ' ' ? ['a', 'b'] : ['a', ch, 'b'];
        assert.deepEqual(texts(`a${ch}b`), expected, `code ${c}`);
      }
    });

    it('keeps letters outside ASCII inside a word and lower-cases the word', () => {
      assert.deepEqual(tokenize('naïve Zürich’s café').map((t) => [t.text, t.lower]), [['naïve', 'naïve'], ['Zürich’s', "zürich's"], ['café', 'café']]);
    });

    it('marks words and punctuation', () => {
      assert.deepEqual(tokenize('No, sir').map((t) => t.isWord), [true, false, true]);
    });
  });

  describe('characters', () => {
    it('counts accented letters and digits as word characters', () => {
      assert.deepEqual(['\u00e9', '\u0416', '7', 'a'].map(isWordChar), [true, true, true, true]);
    });

    it('does not count quotation marks and dashes as word characters', () => {
      assert.deepEqual(['\u201c', '\u2019', '\u00ab', '\u2014', '-', ' '].map(isWordChar), [false, false, false, false, false, false]);
    });

    it('tells a capitalised word, accents included, from a lower-case word or a number', () => {
      assert.deepEqual(['\u00c9mile', '\u00e9lan', '1990'].map(isUpperInitial), [true, false, false]);
    });
  });

  describe('foldName', () => {
    it('drops diacritics', () => {
      assert.equal(foldName('Grushk\u00f3'), foldName('Grushko'));
    });

    it('folds y to i so that transliterations meet', () => {
      assert.equal(foldName('Verbytskyi'), 'verbitskii');
    });

    it('drops a possessive ending', () => {
      assert.equal(foldName('Grushko\u2019s'), 'grushko');
    });

    it('reads hyphens and runs of spaces as one space', () => {
      assert.equal(foldName('Jean-Luc  Morel'), 'jean luc morel');
    });

    it('drops an inner apostrophe', () => {
      assert.equal(foldName("O'Neill"), 'oneill');
    });

    it('folds Latin letters that carry no combining mark', () => {
      assert.deepEqual(['\u0141ukasz Wa\u0142\u0119sa', 'S\u00f8ren', 'Strau\u00df'].map(foldName), ['lukasz walesa', 'soren', 'strauss']);
    });

    it('keeps the letters of a name in another script', () => {
      assert.equal(foldName('\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u041f\u0435\u0442\u0440\u043e\u0432'), '\u0432\u043b\u0430\u0434\u0438\u043c\u0438\u0440 \u043f\u0435\u0442\u0440\u043e\u0432');
    });
  });
});

describe('lowerCased: toLowerCase without the call for words already in small ASCII letters', () => {
  it('gives what toLowerCase gives, on one-byte and two-byte strings', () => {
    const alphabet = ['a', 'z', 'A', 'Z', 'm', 'Q', '@', '[', '`', '{', "'", '’', 'É', 'é', 'İ', 'ß', 'Σ', '\u212a', '1', ' ', '.'];
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const length = Math.floor(random() * 8);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(lowerCased(s), s.toLowerCase(), JSON.stringify(s));
    }
    const sliced = '“Monday’s talks”, said the minister'.slice(1, 7);
    assert.equal(lowerCased(sliced), 'monday');
    assert.equal(lowerCased('said'), 'said');
  });
});
