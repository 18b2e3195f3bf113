// Session 18's attribution rules for US newspaper and wire copy: where a reported clause ends, and
// forms of reported speech the earlier rules missed. Every fixture is written for this file; none
// comes from a published article.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis';
import { find, HEAD, seenIn, statementsOf } from './support/seenStatements';

describe('statements: reported speech, round 2', () => {
  describe('a clause the writer hangs on the report’s last noun', () => {
    it('ends the reported clause: ", which …" running to the sentence’s end', () => {
      const s = find(statementsOf('Ellen Park said she backs the harbour plan, which the council passed in May.'), 'harbour plan');
      assert.equal(s.content, 'she backs the harbour plan');
    });
    it('ends it at ", compared with …"', () => {
      const s = find(statementsOf('Forty percent of members say they trust the board, compared with 30 percent last year.'), 'trust the board');
      assert.equal(s.content, 'they trust the board');
    });
    it('not when a comma closes the aside inside the report', () => {
      const s = find(statementsOf('Ellen Park said the harbour plan, which the council passed in May, is too costly.'), 'harbour plan');
      assert.equal(s.content, 'the harbour plan, which the council passed in May, is too costly');
    });
  });
});

describe('statements: commitments', () => {
  it('reports the infinitive after vowed, pledged, promised, threatened', () => {
    const seen = statementsOf('Ellen Park vowed to reopen the pier by May. The council has pledged not to raise fares. Mara Quist threatened to sue the council.');
    assert.deepEqual([find(seen, 'reopen the pier').cue, find(seen, 'reopen the pier').content], ['vowed', 'to reopen the pier by May']);
    assert.deepEqual([find(seen, 'raise fares').cue, find(seen, 'raise fares').content], ['pledged', 'not to raise fares']);
    assert.equal(find(seen, 'sue the council').source, 'Mara Quist');
  });
  it('not a forecast (“promised to be”) nor an object', () => {
    const seen = statementsOf('The regatta promised to be a close race. Ellen Park promised the sailors a new quay.');
    assert.deepEqual(seen.filter((s) => s.cue === 'promised'), []);
  });
});

describe('statements: a subject after an opening conjunction', () => {
  it('is the whole noun phrase after “But”', () => {
    const s = find(statementsOf('But most harbour pilots in the region say the quay is too short.'), 'quay is too short');
    assert.deepEqual([s.source, s.cue], ['most harbour pilots in the region', 'say']);
  });
});

describe('statements: a surname spelled like a cue verb', () => {
  it('is the speaker’s name, not the cue', () => {
    const seen = statementsOf('Sen. Marjorie Tell said the bill would pass. Later, Tell said the vote would be close.');
    assert.deepEqual([find(seen, 'bill would pass').speaker, find(seen, 'bill would pass').cue], ['Marjorie Tell', 'said']);
    assert.deepEqual([find(seen, 'vote would be close').speaker, find(seen, 'vote would be close').source], ['Marjorie Tell', 'Tell']);
  });
  it('after the cue too', () => {
    const s = find(statementsOf('“The bill will pass,” said Rep. Ann Say.'), 'bill will pass');
    assert.equal(s.speaker, 'Ann Say');
  });
  it('not in a headline’s “Lee Says He …”', () => {
    const s = find(seenIn('Ellen Park Says She Will Run\n\nLONDON (AP) — The council met on Monday.\n'), 'Will Run');
    assert.deepEqual([s.speaker, s.cue], ['Ellen Park', 'Says']);
  });
});

describe('statements: a quotation after where it was posted', () => {
  it('is said directly: "posted on Instagram: “…”", "wrote in a letter to members, “…”"', () => {
    const seen = statementsOf('The harbour master posted on Instagram: “We are ready for the storm.” Ellen Park wrote in a letter to members, “The quay stays shut.”');
    assert.deepEqual([find(seen, 'ready for the storm').kind, find(seen, 'ready for the storm').content, find(seen, 'ready for the storm').cue], ['direct', 'We are ready for the storm', 'posted']);
    assert.deepEqual([find(seen, 'quay stays shut').kind, find(seen, 'quay stays shut').speaker], ['direct', 'Ellen Park']);
  });
  it('not “posted” with an object', () => {
    assert.deepEqual(statementsOf('The ferry company posted a loss on Monday.'), []);
  });
});

describe('statements: a relative clause’s report', () => {
  it('is spoken by “who”, labelled by the group before it, and ends at its comma', () => {
    const seen = statementsOf('Among those who said they trust the harbour board, most voted yes. The plan won among the pilots who say the quay is too short.');
    const those = find(seen, 'trust the harbour board');
    assert.deepEqual([those.source, those.speaker, those.content], ['who', 'those', 'they trust the harbour board']);
    assert.deepEqual([find(seen, 'quay is too short').source, find(seen, 'quay is too short').speaker], ['who', 'the pilots']);
  });
  it('not a question word after a verb', () => {
    const seen = statementsOf('Reporters asked who said it first.');
    assert.equal(seen.filter((s) => s.source === 'who').length, 0);
  });
});

describe('statements: a subject the rules cannot name, before a verb and “that”', () => {
  it('is the whole noun phrase before any cue verb followed by “that”', () => {
    const seen = statementsOf('Harbour pilot unions note that the quay flooded twice. Ferry company defenders today argue that the fares were fair.');
    assert.deepEqual([find(seen, 'quay flooded').source, find(seen, 'quay flooded').cue], ['Harbour pilot unions', 'note']);
    assert.equal(find(seen, 'fares were fair').source, 'Ferry company defenders');
  });
});

describe('statements: a cue word used as a noun after an adjective', () => {
  it('heads the subject (“an earlier report in …”) and is no cue', () => {
    const seen = statementsOf('An earlier report in a local paper said that the quay had flooded.');
    const s = find(seen, 'quay had flooded');
    assert.equal(s.cue, 'said');
    assert.ok(s.source?.includes('report in a local paper'), s.source);
    assert.equal(seen.filter((x) => x.cue === 'report').length, 0);
  });
});

describe('statements: more speech verbs', () => {
  it('asserted, stating, disclosed, lamented report their clause', () => {
    const seen = statementsOf('Ellen Park asserted that the quay was safe. The board disclosed that it had lost money. Mara Quist lamented that the ferry was late.');
    assert.deepEqual([find(seen, 'quay was safe').cue, find(seen, 'lost money').cue, find(seen, 'ferry was late').cue], ['asserted', 'disclosed', 'lamented']);
  });
});

describe('statements: a clause opened by a question word', () => {
  it('is reported after explained, revealed, wondered, questioned', () => {
    const seen = statementsOf('Ellen Park explained how the quay would be rebuilt. Mara Quist wondered whether the ferry would run.');
    assert.deepEqual([find(seen, 'quay would be rebuilt').content, find(seen, 'quay would be rebuilt').cue], ['how the quay would be rebuilt', 'explained']);
    assert.deepEqual([find(seen, 'ferry would run').content, find(seen, 'ferry would run').source], ['whether the ferry would run', 'Mara Quist']);
  });
});

describe('statements: a long opening “According to …” phrase', () => {
  it('runs to its comma, and may open with “early results”', () => {
    const s = find(statementsOf('According to early results of a survey conducted for the Harbour Board and two ferry companies by Nordvik Research, most pilots want a longer quay.'), 'longer quay');
    assert.deepEqual([s.cue, s.content], ['According to', 'most pilots want a longer quay']);
    assert.ok(s.source?.includes('survey'), s.source);
  });
});

describe('statements: a lead-in before the subject', () => {
  it('is not the content when a clause with its own subject follows the verb', () => {
    const seen = statementsOf('Moments earlier, in her opening remarks, Ellen Park said she would rebuild the quay. One of the authors of that 2019 report, Mara Quist, said the harbour needs dredging.');
    assert.equal(find(seen, 'rebuild the quay').content, 'she would rebuild the quay');
    assert.equal(find(seen, 'needs dredging').content, 'the harbour needs dredging');
    assert.equal(seen.filter((s) => s.content.startsWith('Moments earlier') || s.content.startsWith('One of the authors')).length, 0);
  });
  it('but a statement before the subject stays the content when only a listener follows “told”', () => {
    const s = find(statementsOf('The quay will reopen in May, a harbour spokesman told The Harbour Times.'), 'quay will reopen');
    assert.equal(s.content, 'The quay will reopen in May');
  });
});

describe('statements: a capitalised cue word opening a sentence', () => {
  it('is no surname: “Reports said …” names no person', () => {
    const people = analyzeArticle(HEAD + 'Reports said the quay had flooded.').people;
    assert.deepEqual(people.map((p) => p.name), []);
  });
});

describe('statements: the main verb after a relative clause’s report', () => {
  it('is the named person’s own statement: “X, who said A, said B”', () => {
    const seen = statementsOf('Ellen Park, who said she sails every day, said the quay is too short.');
    assert.deepEqual([find(seen, 'sails every day').source, find(seen, 'sails every day').speaker], ['who', 'Ellen Park']);
    assert.deepEqual([find(seen, 'quay is too short').source, find(seen, 'quay is too short').content], ['Ellen Park', 'the quay is too short']);
  });
});

describe('statements: a refusal to speak', () => {
  it('reports the infinitive after declined and refused, as a commitment’s', () => {
    const seen = statementsOf('Mara Quist declined to comment on the ferry. The harbour board refused to answer questions about the quay.');
    assert.deepEqual([find(seen, 'comment on the ferry').cue, find(seen, 'comment on the ferry').content, find(seen, 'comment on the ferry').source], ['declined', 'to comment on the ferry', 'Mara Quist']);
    assert.deepEqual([find(seen, 'answer questions').cue, find(seen, 'answer questions').source], ['refused', 'The harbour board']);
  });
  it('with a subject the rules cannot name: “A spokesman for the board declined to comment”', () => {
    const s = find(statementsOf('A spokesman for the harbour board declined to comment.'), 'to comment');
    assert.deepEqual([s.source, s.cue], ['A spokesman for the harbour board', 'declined']);
  });
  it('not a fall in numbers: “fares declined to their lowest level”', () => {
    assert.deepEqual(statementsOf('Ferry fares declined in May. Prices declined to their lowest level in years.'), []);
  });
});

describe('statements: a question put to the speaker', () => {
  it('is reported with no speaker named: “Asked whether …,”, “when asked about …”', () => {
    const seen = statementsOf('Asked whether the quay would reopen, Ellen Park said, “Not this year.” Mara Quist laughed when asked if she would run again.');
    const asked = find(seen, 'quay would reopen');
    assert.deepEqual([asked.content, asked.cue, asked.source, asked.speaker], ['whether the quay would reopen', 'Asked', undefined, undefined]);
    assert.equal(find(seen, 'Not this year').speaker, 'Ellen Park');
    assert.deepEqual([find(seen, 'run again').content, find(seen, 'run again').cue], ['if she would run again', 'asked']);
  });
  it('past “about”, and by the asker when named', () => {
    const seen = statementsOf('When asked about the ferry, Park said she had no plans. Asked by Mara Quist whether the pier was safe, Park said yes.');
    assert.deepEqual([find(seen, 'the ferry').content, find(seen, 'the ferry').cue], ['the ferry', 'asked about']);
    assert.deepEqual([find(seen, 'pier was safe').speaker, find(seen, 'pier was safe').source], ['Mara Quist', 'Mara Quist']);
  });
  it('keeps a quotation inside the question out of the answer', () => {
    const seen = statementsOf('Asked if the plan is “realistic enough,” 72 percent of pilots said yes.');
    assert.equal(find(seen, 'realistic enough').cue, 'Asked');
    const answer = find(seen, 'yes');
    assert.deepEqual([answer.source, answer.content], ['72 percent of pilots', 'yes']);
  });
  it('not a passive “was asked”, nor a subject’s own “asked whether”', () => {
    const seen = statementsOf('Park was asked whether the pier was safe. Mara Quist asked whether the quay was open.');
    assert.equal(seen.filter((s) => s.source === undefined).length, 0);
    assert.equal(find(seen, 'quay was open').source, 'Mara Quist');
  });
});

describe('statements: a second subject set against the first', () => {
  it('after ", while", ", though": each clause is its subject’s', () => {
    const seen = statementsOf('Some pilots say the quay is too short, while others say it is fine. The board is trusted, though 32 percent said they had no opinion of it.');
    assert.deepEqual([find(seen, 'too short').content, find(seen, 'too short').source], ['the quay is too short', 'Some pilots']);
    assert.deepEqual([find(seen, 'it is fine').source, find(seen, 'no opinion').source], ['others', '32 percent']);
  });
  it('after a lead-in that names a group or place: “Among ferry pilots, 74 percent said …”', () => {
    const seen = statementsOf('Among ferry pilots, 74 percent said they back Park, while 22 percent said they might change their minds. Around that time, forty percent said they would vote for Ellen Park.');
    assert.deepEqual([find(seen, 'back Park').content, find(seen, 'back Park').source], ['they back Park', '74 percent']);
    assert.equal(find(seen, 'change their minds').source, '22 percent');
    assert.equal(find(seen, 'vote for Ellen Park').source, 'forty percent');
  });
  it('still reads “In May, the quay, she said, was safe” as one statement around its cue', () => {
    const s = find(statementsOf('Ellen Park toured the pier. In May, the quay, she said, was safe.'), 'was safe');
    assert.equal(s.content, 'In May, the quay, she said, was safe');
  });
});

describe('statements: naming someone something', () => {
  it('reports the object and the name given, with no quotation: “called him a political opportunist”', () => {
    const seen = statementsOf('Ellen Park called him a political opportunist. Mara Quist calls Ellen Park the best mayor in years.');
    assert.deepEqual([find(seen, 'opportunist').cue, find(seen, 'opportunist').content, find(seen, 'opportunist').source], ['called', 'him a political opportunist', 'Ellen Park']);
    assert.deepEqual([find(seen, 'best mayor').content, find(seen, 'best mayor').source], ['Ellen Park the best mayor in years', 'Mara Quist']);
  });
  it('not a phone call, a particle, a name given to a thing, or calling someone in', () => {
    assert.deepEqual(statementsOf('Park called him yesterday. Park called it off. A group called the Harbour Friends met. Park called the police.'), []);
  });
});

describe('statements: taking a stand on something', () => {
  it('reports the object of criticized, cited, defended, expressed, with no quotation', () => {
    const seen = statementsOf('Ellen Park criticized the harbour board on Monday. The harbour union expressed concern about the pier. Mara Quist toured the quay, citing a new survey of pilots.');
    assert.deepEqual([find(seen, 'harbour board').cue, find(seen, 'harbour board').content, find(seen, 'harbour board').source], ['criticized', 'the harbour board', 'Ellen Park']);
    assert.deepEqual([find(seen, 'concern').content, find(seen, 'concern').source], ['concern about the pier', 'The harbour union']);
    assert.deepEqual([find(seen, 'new survey').cue, find(seen, 'new survey').content, find(seen, 'new survey').source], ['citing', 'a new survey of pilots', 'Mara Quist']);
  });
  it('ends the object before where and when it was said, and keeps “Tulsa, Okla.,” whole', () => {
    const seen = statementsOf('Park rejected the argument in a ruling released Thursday. Quist criticized Tulsa, Okla., harbour officials for the delays.');
    assert.equal(find(seen, 'argument').content, 'the argument');
    assert.equal(find(seen, 'Tulsa').content, 'Tulsa, Okla., harbour officials for the delays');
  });
  it('not a passive, an object before the verb, or a gerund with no comma', () => {
    const seen = statementsOf('The pier was criticized by pilots. The four “loopholes” he cited are small. Park avoids criticizing the board.');
    assert.deepEqual(seen.filter((s) => s.cue === 'criticized' || s.cue === 'cited' || s.cue === 'criticizing'), []);
  });
});

describe('statements: a plural’s possessive in a subject the rules cannot name', () => {
  it('keeps “The pilots’ union” whole before its verb', () => {
    const seen = statementsOf('The pilots’ union expressed concern about the pier. The pilots\' union said the pier was unsafe.');
    assert.equal(find(seen, 'concern').source, 'The pilots’ union');
    assert.equal(find(seen, 'pier was unsafe').source, "The pilots' union");
  });
});
