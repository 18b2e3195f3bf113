import * as assert from 'node:assert/strict';
import type { ArticleAnalysis, Statement } from '../../server/src/analysis';
import { article, spanText, statementWith, summary } from './support/article';

const HEADLINE = 'Harbour talks resume';
const DATELINE = 'VARNOS, May 9. /NORTHWIRE/.';

/** A headline, the dateline opening the first line, then the other lines. */
function body(...lines: string[]): ArticleAnalysis {
  return article([HEADLINE, `${DATELINE} ${lines[0]}`, ...lines.slice(1)]);
}

function statement(a: ArticleAnalysis, words: string): Statement {
  const s = statementWith(a, words);
  assert.ok(s, `no statement with "${words}" among ${JSON.stringify(a.statements.map((x) => x.text))}`);
  return s;
}

const GRUBIN = 'Kastorian Deputy Foreign Minister Alexei Grubin arrived in Varnos on Friday.';

describe('statements', () => {
  describe('direct quotations', () => {
    it('attributes a quotation followed by "X said" to X', () => {
      const a = body('"The harbour must stay open to all ships," Deputy Minister Ivo Brandl said.');
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Ivo Brandl', kind: 'direct', cue: 'said', text: 'The harbour must stay open to all ships', source: 'Ivo Brandl', cueText: 'said',
      });
    });

    it('points a quotation\'s statement at its quotation, though the words leave out the punctuation before the closing mark', () => {
      const a = body('"The harbour must stay open to all ships," Deputy Minister Ivo Brandl said.', '"Not this winter!" Brandl added.');
      for (const words of ['The harbour must stay open', 'Not this winter']) {
        const s = statement(a, words);
        assert.ok(s.quotation !== undefined, words);
        const q = a.quotations[s.quotation].span;
        assert.equal(a.text.slice(q.start + 1, q.start + 1 + s.text.length), s.text);
      }
    });

    it('takes a workspace\'s extra cue verb, capitalised or not, beside the built-in ones', () => {
      const lines = ['"The harbour must stay open to all ships," Deputy Minister Ivo Brandl harrumphs.', '"We will see," Marta Lind said.'];
      assert.notEqual(body(...lines).statements.find((s) => s.text.includes('harbour'))?.cue, 'harrumphs');
      const a = article([HEADLINE, `${DATELINE} ${lines[0]}`, lines[1]], { extraCueVerbs: ['Harrumphs'] });
      assert.deepEqual(summary(a, statement(a, 'harbour')), {
        speaker: 'Ivo Brandl', kind: 'direct', cue: 'harrumphs', text: 'The harbour must stay open to all ships', source: 'Ivo Brandl', cueText: 'harrumphs',
      });
      assert.equal(statement(a, 'We will see').speaker, 'Marta Lind');
    });

    it('attributes a quotation followed by "said X" to X', () => {
      const a = body(GRUBIN, '"We have no other choice," said Grubin.');
      assert.deepEqual(summary(a, statement(a, 'no other choice')), {
        speaker: 'Alexei Grubin', kind: 'direct', cue: 'said', text: 'We have no other choice', source: 'Grubin', cueText: 'said',
      });
    });

    it('attributes a quotation after "X said:" to X', () => {
      const a = body('Port director Nadia Kerr said: "The cranes are idle and the crews are waiting."');
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Nadia Kerr', kind: 'direct', cue: 'said', text: 'The cranes are idle and the crews are waiting', source: 'Nadia Kerr', cueText: 'said',
      });
    });

    it('attributes a quotation after "X <verb> him:" to X with the verb phrase as the cue', () => {
      const a = body('Sen. Jane Roe scolded him: "You have wasted a year."');
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Jane Roe', kind: 'direct', cue: 'scolded him', text: 'You have wasted a year', source: 'Jane Roe', cueText: 'scolded him',
      });
    });

    it('attributes a quotation of several sentences as one statement', () => {
      const a = body(GRUBIN, '"It is cold. It is late. We go home," Grubin said.');
      assert.equal(statement(a, 'It is cold').text, 'It is cold. It is late. We go home');
    });

    it('attributes a quotation to the pronoun’s person with the pronoun as the source', () => {
      const a = body(GRUBIN, '"The door is still open," he told reporters.');
      assert.deepEqual(summary(a, statement(a, 'door')), {
        speaker: 'Alexei Grubin', kind: 'direct', cue: 'told', text: 'The door is still open', source: 'he', cueText: 'told',
      });
    });

    it('attributes a quotation followed by a dash and a name to that person', () => {
      const a = body('The crane operators gathered at dawn.', '"Everyone here knows how this ends." \u2015 Rosa Lind, a crane operator');
      assert.deepEqual(summary(a, statement(a, 'Everyone here')), {
        speaker: 'Rosa Lind', kind: 'direct', cue: '\u2015', text: 'Everyone here knows how this ends.', source: 'Rosa Lind', cueText: '\u2015',
      });
    });
  });

  describe('reported speech', () => {
    it('reads "X said that …" as indirect speech without the "that"', () => {
      const a = body('Port director Nadia Kerr said that the port had lost a month of trade.');
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Nadia Kerr', kind: 'indirect', cue: 'said', text: 'the port had lost a month of trade', source: 'Nadia Kerr', cueText: 'said',
      });
    });

    it('reads "X said …" without "that" as indirect speech', () => {
      const a = body('Port director Nadia Kerr said the losses would reach ten million.');
      assert.equal(statement(a, 'losses').text, 'the losses would reach ten million');
      assert.equal(statement(a, 'losses').kind, 'indirect');
    });

    it('reads "X said Tuesday they …" as indirect speech after the day, without "that"', () => {
      for (const [line, text] of [
        ['Port director Nadia Kerr said Tuesday they would reopen the quay.', 'they would reopen the quay'],
        ['Port director Nadia Kerr said on Monday the quay would reopen in June.', 'the quay would reopen in June'],
        ['Port director Nadia Kerr said late Friday night the quay would reopen.', 'the quay would reopen'],
        ['Port director Nadia Kerr said this week Varnos would pay for the repairs.', 'Varnos would pay for the repairs'],
      ]) {
        const a = body(line);
        assert.deepEqual([a.statements.length, a.statements[0]?.speaker, a.statements[0]?.kind, a.statements[0]?.text], [1, 'Nadia Kerr', 'indirect', text], line);
      }
    });

    it('reads "said Tuesday in …" with no clause after it as no statement', () => {
      assert.deepEqual(body('Port director Nadia Kerr said Tuesday in Varnos.').statements, []);
    });

    it('takes the noun before a named place or agent as the head of the source: "officials in Varnos", "economists polled by …"', () => {
      const a = body('City officials in Varnos said the quay would reopen.', 'Economists polled by Northwire said the port would recover.', 'Ann Lee of Varnos said the fees were too high.');
      assert.deepEqual([statement(a, 'quay').speaker, statement(a, 'quay').kind], ['City officials in Varnos', 'indirect']);
      assert.equal(statement(a, 'recover').speaker, 'Economists polled by Northwire');
      assert.equal(statement(a, 'fees').speaker, 'Ann Lee');
    });

    it('keeps "familiar with …" and "close to …" in a source after "according to"', () => {
      const a = body('The port will be sold this year, according to people familiar with the matter.', 'Talks will resume, according to a source close to the negotiations.');
      assert.equal(statement(a, 'port will be sold').speaker, 'people familiar with the matter');
      assert.equal(statement(a, 'Talks will resume').speaker, 'a source close to the negotiations');
    });

    it('gives "…, saying …" to a noun phrase that opens the sentence with its verb', () => {
      const a = body('The harbour board rejected the plan on Tuesday, saying it would drive ships away.');
      assert.deepEqual([statement(a, 'drive ships away').speaker, statement(a, 'drive ships away').cue], ['The harbour board', 'saying']);
    });

    it('reads a kin or job appositive before a name as the role: "His daughter, Mira, says …"', () => {
      const a = body('His daughter, Mira Sandor, says he talks about retiring every winter.', 'The doctor said the ferryman was in good health.');
      assert.deepEqual([statement(a, 'retiring').speaker, statement(a, 'retiring').text], ['Mira Sandor', 'he talks about retiring every winter']);
      assert.equal(statement(a, 'good health').speaker, 'The doctor');
    });

    it('resolves "according to him" and "in his words" to the person last talked about', () => {
      const a = body(GRUBIN, 'According to him, the talks will resume in June.', 'In his words, the harbour must stay open.', 'According to her lawyer, the fees were too high.');
      assert.deepEqual([statement(a, 'resume in June').speaker, spanText(a, statement(a, 'resume in June').sourceSpan)], ['Alexei Grubin', 'him']);
      assert.deepEqual([statement(a, 'stay open').speaker, statement(a, 'stay open').text], ['Alexei Grubin', 'the harbour must stay open']);
      assert.equal(statement(a, 'fees').speaker, 'her lawyer');
    });

    it('gives "X quoted Y as saying …" to Y and "Y was quoted by X as saying …" to Y', () => {
      const a = body('The Northwire agency quoted port director Nadia Kerr as saying the quay would reopen.', 'Kerr was quoted by Harbour Radio as saying the fees would stay.');
      assert.deepEqual([statement(a, 'quay would reopen').speaker, statement(a, 'quay would reopen').text], ['Nadia Kerr', 'the quay would reopen']);
      assert.equal(statement(a, 'fees would stay').speaker, 'Nadia Kerr');
    });

    it('reads "said by phone that …" as reported speech after "that"', () => {
      assert.equal(statement(body('Port director Nadia Kerr said by phone that the quay would reopen.'), 'quay').text, 'the quay would reopen');
    });

    it('gives "they" the unnamed speaker just quoted: "A port spokesperson said … “…,” they added"', () => {
      const a = body('A port spokesperson said the quay would reopen. "We know there is more to do," they added.');
      assert.equal(statement(a, 'more to do').speaker, 'A port spokesperson');
    });

    it('resolves "the senator from …" to the senator named before', () => {
      const a = body('Senator Mara Voss arrived in Varnos.', 'The senator from Ostland said the fees were too high.');
      assert.equal(statement(a, 'fees').speaker, 'Mara Voss');
    });

    it('reads "…, X said, …" in the middle of a sentence as X’s, around the attribution', () => {
      const a = body(GRUBIN, 'The talks, Grubin said, would resume in June.');
      const s = statement(a, 'resume in June');
      assert.deepEqual([s.speaker, s.kind, s.cue, spanText(a, s.sourceSpan)], ['Alexei Grubin', 'indirect', 'said', 'Grubin']);
      assert.ok(s.text.startsWith('The talks') && s.text.endsWith('would resume in June'), s.text);
    });

    it('reads "According to X, …" as X’s, with "According to" as the cue', () => {
      const a = body('Port director Nadia Kerr met the crews.', 'According to Kerr, three ships left the port on Thursday.');
      assert.deepEqual(summary(a, statement(a, 'three ships')), {
        speaker: 'Nadia Kerr', kind: 'indirect', cue: 'According to', text: 'three ships left the port on Thursday', source: 'Kerr', cueText: 'According to',
      });
    });

    it('reads "…, X explained" after the content as X’s', () => {
      const a = body('Port director Nadia Kerr met the crews.', 'Grain exports fell sharply, Kerr explained.');
      assert.deepEqual([statement(a, 'Grain').text, statement(a, 'Grain').speaker, statement(a, 'Grain').cue], ['Grain exports fell sharply', 'Nadia Kerr', 'explained']);
    });

    it('reads the multi-word cue "went on to say"', () => {
      const a = body(GRUBIN, 'Grubin went on to say that the quotas were final.');
      assert.deepEqual([statement(a, 'quotas').text, statement(a, 'quotas').cue], ['the quotas were final', 'went on to say']);
    });

    it('adds a second statement by the same speaker after ", adding that"', () => {
      const a = body('Port director Nadia Kerr met the crews.', '"The cranes are idle," Kerr said, adding that the crews had not been paid.');
      assert.deepEqual(summary(a, statement(a, 'crews had not')), {
        speaker: 'Nadia Kerr', kind: 'indirect', cue: 'adding', text: 'the crews had not been paid', source: 'Kerr', cueText: 'adding',
      });
    });

    it('keeps an unnamed speaking body as the speaker’s label', () => {
      const a = body('The port authority said in a statement that it would appeal.');
      assert.deepEqual([a.statements[0].speaker, a.statements[0].personKey, a.statements[0].text], ['The port authority', undefined, 'it would appeal']);
    });

    it('attributes a statement by a named organisation to the organisation', () => {
      const a = body('The Kastorian Foreign Ministry said in a statement that it regretted the closure.');
      assert.deepEqual([a.statements[0].speaker, a.statements[0].text], ['Kastorian Foreign Ministry', 'it regretted the closure']);
    });
  });

  describe('partial quotations', () => {
    it('reads a quoted fragment in the writer’s sentence as partial', () => {
      const a = body(GRUBIN, 'Grubin stressed the offer was "fair but final".');
      assert.deepEqual(summary(a, statement(a, 'fair but final')), {
        speaker: 'Alexei Grubin', kind: 'partial', cue: 'stressed', text: 'the offer was "fair but final"', source: 'Grubin', cueText: 'stressed',
      });
    });

    it('reads "X called the plan “…”" as a partial quotation by X', () => {
      const a = body('Port director Nadia Kerr called the plan "a disaster for the fishermen".');
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Nadia Kerr', kind: 'partial', cue: 'called', text: 'the plan "a disaster for the fishermen"', source: 'Nadia Kerr', cueText: 'called',
      });
    });
  });

  describe('headlines and standfirsts', () => {
    const lead = 'VARNOS, May 9. /NORTHWIRE/. Kastorian Deputy Foreign Minister Alexei Grubin said the talks were at a turning point.';

    it('attributes a headline ending "- diplomat" to the diplomat of the article', () => {
      const a = article(['Harbour talks "at a turning point" - diplomat', lead]);
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Alexei Grubin', kind: 'partial', cue: '- diplomat', text: 'Harbour talks "at a turning point"', source: 'diplomat', cueText: '- diplomat',
      });
    });

    it('attributes a headline ending "\u2014 Kastorian envoy" to the envoy of the article', () => {
      const a = article(['Harbour talks collapse \u2014 Kastorian envoy', 'VARNOS, May 9. /NORTHWIRE/. Kastorian envoy Alexei Grubin said the talks had collapsed.']);
      assert.deepEqual(summary(a, a.statements[0]), {
        speaker: 'Alexei Grubin', kind: 'indirect', cue: '\u2014 Kastorian envoy', text: 'Harbour talks collapse', source: 'Kastorian envoy', cueText: '\u2014 Kastorian envoy',
      });
    });

    it('reads a headline ending ", says KPA DG" as a statement with the cue and the source after the comma', () => {
      const a = article(['Harbour will stay closed, says KPA DG', 'VARNOS, May 9. /NORTHWIRE/. The port will stay closed until June.']);
      const s = a.statements[0];
      assert.deepEqual([s.kind, s.cue, s.text, spanText(a, s.sourceSpan)], ['indirect', 'says KPA DG', 'Harbour will stay closed', 'KPA DG']);
    });

    it('attributes a standfirst ending ", Grubin noted" to the Grubin of the article', () => {
      const a = article(['Harbour talks resume', 'The port will reopen in June, Grubin noted', lead]);
      assert.deepEqual(summary(a, statement(a, 'reopen in June')), {
        speaker: 'Alexei Grubin', kind: 'indirect', cue: 'noted', text: 'The port will reopen in June', source: 'Grubin', cueText: 'noted',
      });
    });
  });

  describe('continuations', () => {
    it('joins a quotation split by a short attribution into one statement', () => {
      const a = body('Port director Nadia Kerr met the crews.', '"We will not close it," Kerr said. "Not this year."');
      const s = statement(a, 'We will not close it');
      assert.deepEqual([s.speaker, s.kind, s.text], ['Nadia Kerr', 'direct', 'We will not close it \u2026 Not this year.']);
      assert.equal(spanText(a, s.contentSpan), 'We will not close it," Kerr said. "Not this year.');
    });

    it('gives an unattributed quotation in the next paragraph to the speaker of the quotation before', () => {
      const a = body(
        '"The harbour must stay open to all ships," Deputy Minister Ivo Brandl told reporters after a long meeting with the port authority and the unions in the old customs house on Friday.',
        '"We will not close it while I hold this office."',
      );
      assert.deepEqual(summary(a, statement(a, 'while I hold')), {
        speaker: 'Ivo Brandl', kind: 'direct', cue: 'continuation', text: 'We will not close it while I hold this office.', source: 'Ivo Brandl', cueText: undefined,
      });
    });

    it('does not continue a speaker past a sentence that names someone else', () => {
      const a = body(
        '"We will not close it," Port director Nadia Kerr said.',
        'Deputy Minister Ivo Brandl met the crews on Friday.',
        '"It will not stand."',
      );
      assert.equal(statementWith(a, 'It will not stand'), undefined);
    });

    it('continues a speaker past a sentence that names only that speaker again', () => {
      const a = body(
        '"We will not close it," Port director Nadia Kerr said.',
        'Deputy Minister Ivo Brandl met the crews on Thursday.',
        '"We will not close it," Kerr said on Friday. Kerr then left the office. "It will not stand while the crews are out there."',
      );
      assert.equal(statement(a, 'It will not stand').speaker, 'Nadia Kerr');
    });
  });

  describe('dates', () => {
    it('dates a statement by the day its sentence names', () => {
      // 9 May 2026 is a Saturday: "on Monday" is the 4th.
      const a = article(['Harbour talks resume', 'VARNOS, May 9, 2026 (Reuters) - Deputy Minister Ivo Brandl said on Monday that the port would reopen.']);
      assert.equal(statement(a, 'the port would reopen').date, '2026-05-04');
    });

    it('dates a statement without a day of its own by the article', () => {
      const a = article(['Harbour talks resume', 'VARNOS, May 9, 2025 (Reuters) - Deputy Minister Ivo Brandl said the port would reopen.']);
      assert.equal(statement(a, 'the port would reopen').date, '2025-05-09');
    });

    it('does not date a statement by a day inside what was said', () => {
      const a = article(['Harbour talks resume', 'VARNOS, May 9, 2025 (Reuters) - Deputy Minister Ivo Brandl said the port would reopen on Tuesday.']);
      assert.equal(statement(a, 'the port would reopen').date, '2025-05-09');
    });
  });

  describe('spans', () => {
    it('points the content, source and cue spans at their words in the text', () => {
      const a = body('"The cranes are idle," Port director Nadia Kerr said.');
      const s = a.statements[0];
      assert.deepEqual([spanText(a, s.contentSpan), spanText(a, s.sourceSpan), spanText(a, s.cueSpan)], ['The cranes are idle', 'Nadia Kerr', 'said']);
    });

    it('finds no statement in a sentence without a cue or a quotation', () => {
      assert.deepEqual(body('Three ships left the port on Thursday.').statements, []);
    });
  });
});
