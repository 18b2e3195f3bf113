// Reported speech and quotation rules for US newspaper and wire copy: "according to" phrases, joined
// and second subjects, asked questions, labelled headlines, verbs of judging, and the cases these
// rules must leave alone. Every fixture is written for this file; none comes from a published article.
import * as assert from 'node:assert/strict';
import { find, none, seenIn, statementsOf } from './support/seenStatements';

describe('statements: reported speech', () => {
  describe('a statement reported by another source', () => {
    it('is attributed to both: the speaker and, by “according to”, the account', () => {
      const seen = statementsOf('Ellen Park told the pilots the pier was not safe, according to an account by Mara Quist.');
      const told = seen.filter((s) => s.cue === 'told');
      const account = seen.filter((s) => s.cue === 'according to');
      assert.equal(told.length, 1);
      assert.equal(told[0].speaker, 'Ellen Park');
      assert.equal(account.length, 1);
      assert.ok(account[0].content.includes('pier was not safe'), account[0].content);
      assert.ok(account[0].source?.includes('account'), account[0].source);
    });
  });

  describe('a reporter closing the sentence', () => {
    it('is not the content, and reports the sentence’s statement too', () => {
      const seen = statementsOf('Ellen Park said the pier was not safe, the Harbour Times reported.');
      const said = seen.filter((s) => s.cue === 'said');
      assert.equal(said.length, 1);
      assert.equal(said[0].content, 'the pier was not safe');
      const reported = seen.filter((s) => s.cue === 'reported');
      assert.equal(reported.length, 1);
      assert.deepEqual([reported[0].source, reported[0].content], ['Harbour Times', 'Ellen Park said the pier was not safe']);
    });
  });

  describe('an opening “according to” phrase', () => {
    it('runs to the comma after the source’s own words', () => {
      const s = find(statementsOf('According to the Harbour Board average of surveys, the quay lost a third of its traffic.'), 'quay lost a third');
      assert.deepEqual([s.kind, s.cue, s.content], ['indirect', 'According to', 'the quay lost a third of its traffic']);
      assert.ok(s.source?.includes('Harbour Board'), s.source);
    });
    it('keeps the clause before a later “according to”, not the words that describe the source', () => {
      const s = find(statementsOf('The ferry carried 900 passengers last year, according to Mara Quist, who runs the booking office.'), 'ferry carried');
      assert.deepEqual([s.source, s.content], ['Mara Quist', 'The ferry carried 900 passengers last year']);
      none(statementsOf('The ferry carried 900 passengers last year, according to Mara Quist, who runs the booking office.'), 'runs the booking office');
    });
    it('takes what follows after a lead-in phrase or as “that …”', () => {
      const s = find(statementsOf('Over the long term, according to the budget office, the deficit will widen.'), 'deficit will widen');
      assert.equal(s.content, 'the deficit will widen');
      const t = find(statementsOf('The pilots said, according to Mara Quist, that the runway was too short.'), 'runway was too short');
      assert.equal(t.content, 'that the runway was too short');
    });
  });

  describe('a verb joined by “but”', () => {
    it('shares the sentence’s subject', () => {
      const s = find(statementsOf('Harbourline Ferries keeps its accounts private but says its bookings have doubled since May.'), 'bookings have doubled');
      assert.deepEqual([s.source, s.cue, s.content], ['Harbourline Ferries', 'says', 'its bookings have doubled since May']);
    });
    it('is no subject’s own when a speech verb came first', () => {
      const seen = statementsOf('Her aides say it is too early to talk about a Senate run but noted that Quist won two close races.');
      const s = find(seen, 'too early');
      assert.equal(s.source, 'Her aides');
      for (const x of seen) assert.notEqual(x.source, 'Senate');
    });
  });

  describe('a quotation after the writer’s colon', () => {
    it('is said alone, as a direct statement', () => {
      const seen = statementsOf('The mayor Ellen Park was blunt about the delay: “We cannot wait another winter,” she said.');
      const s = find(seen, 'another winter');
      assert.deepEqual([s.kind, s.content, s.source], ['direct', 'We cannot wait another winter', 'she']);
    });
  });

  describe('a second subject in the same sentence', () => {
    it('ends the first statement and makes one of its own', () => {
      const seen = statementsOf('Most residents said the quay was too loud, and one in four said they would move away.');
      const first = find(seen, 'quay was too loud');
      assert.deepEqual([first.source, first.content], ['Most residents', 'the quay was too loud']);
      const second = find(seen, 'would move away');
      assert.deepEqual([second.source, second.cue, second.content], ['one in four', 'said', 'they would move away']);
    });
    it('after a semicolon too', () => {
      const seen = statementsOf('Some 20 percent said the ferry was late; 30 percent said it was too dear.');
      assert.equal(find(seen, 'ferry was late').content, 'the ferry was late');
      assert.equal(find(seen, 'too dear').source, '30 percent');
    });
    it('leaves “and” between a clause’s own words alone', () => {
      const seen = statementsOf('Ellen Park said she was impressed by the pier and liked the way the crew responded to the storm.');
      const s = find(seen, 'impressed by the pier');
      assert.ok(s.content.includes('liked the way'), s.content);
    });
  });

  describe('a passive participle', () => {
    it('is no cue: the subject is spoken to or about', () => {
      none(statementsOf('Mara Quist was asked to name a single pier that had been repaired.'), 'name a single pier');
      none(statementsOf('Ellen Park was announced the winner of the harbour prize.'), 'winner of the harbour prize');
    });
  });

  describe('a lead-in phrase before the comma', () => {
    it('is never the content', () => {
      const seen = statementsOf('In a long interview with the Harbour Times, Ellen Park joked about the weather.');
      none(seen, 'In a long interview');
    });
    it('but a clause before the comma still is', () => {
      const s = find(statementsOf('In 2008 the quay was flooded, Ellen Park said.'), 'quay was flooded');
      assert.equal(s.source, 'Ellen Park');
    });
  });

  describe('a verb that also takes an object', () => {
    it('reports no clause when an object follows', () => {
      const seen = statementsOf('Ellen Park continued her tour of the harbour. Mara Quist found herself at the centre of the row.');
      none(seen, 'her tour of the harbour');
      none(seen, 'herself at the centre');
    });
    it('still reports a clause', () => {
      const s = find(statementsOf('Mara Quist found the quay was safe.'), 'quay was safe');
      assert.equal(s.source, 'Mara Quist');
    });
  });

  describe('an asked question', () => {
    it('reports the question and whom it was put to', () => {
      const s = find(statementsOf('The host Mara Quist asked Ellen Park whether the pier would open by May.'), 'pier would open');
      assert.deepEqual([s.source, s.cue, s.content], ['Mara Quist', 'asked', 'Ellen Park whether the pier would open by May']);
    });
    it('leaves the answer to the one asked, not the asker', () => {
      const seen = statementsOf('Ellen Park said the pier was nearly done. The host Mara Quist asked Park whether it would open by May. “It will open in April,” she said.');
      assert.equal(find(seen, 'open in April').speaker, 'Ellen Park');
    });
  });

  describe('a headline opened by a speaker and a colon', () => {
    it('gives that speaker’s statement', () => {
      const seen = seenIn('Quist: Harbour Plan Is ‘A Waste of Money’ and Should Be Dropped\n\nMara Quist spoke on Monday about the harbour plan.\n');
      const s = find(seen, 'Harbour Plan Is');
      assert.deepEqual([s.speaker, s.source, s.cue, s.kind], ['Mara Quist', 'Quist', ':', 'partial']);
    });
    it('takes a poll as the source but no exclamation', () => {
      assert.equal(find(seenIn('Poll: Ferry Fares Top Voters’ Worries\n\nA survey was published on Monday.\n'), 'Ferry Fares').source, 'Poll');
      none(seenIn('Breaking: Ferry Fares Rise Again This Winter\n\nThe company spoke on Monday.\n'), 'Ferry Fares');
    });
    it('leaves a quotation alone after the label to the colon rule', () => {
      const s = find(seenIn('Park: ‘We Will Not Wait Another Winter’\n\nEllen Park spoke on Monday about the harbour.\n'), 'Another Winter');
      assert.equal(s.kind, 'direct');
    });
  });

  describe('a verb the lexicon lacks before a quotation', () => {
    it('takes a past or present tense verb', () => {
      const s = find(statementsOf('Ellen Park branded the plan “a waste of money” at the meeting.'), 'waste of money');
      assert.equal(s.speaker, 'Ellen Park');
    });
    it('not an irregular past that reports no speech', () => {
      none(statementsOf('Ellen Park held up a sign that read “No more delays” at the meeting.'), 'No more delays');
    });
  });

  describe('a role set off before the name', () => {
    it('is not the content: what follows the cue is', () => {
      const s = find(statementsOf('The harbour’s longest-serving pilot, Mara Quist, said the new pier was too short.'), 'pier was too short');
      assert.deepEqual([s.source, s.content], ['Mara Quist', 'the new pier was too short']);
      none(statementsOf('The harbour’s longest-serving pilot, Mara Quist, said the new pier was too short.'), 'longest-serving pilot');
    });
    it('but a parenthetical attribution still splits a clause', () => {
      const s = find(statementsOf('The ferry, Mara Quist said, was late again on Monday.'), 'was late again');
      assert.equal(s.source, 'Mara Quist');
    });
  });

  describe('someone speaking for someone else', () => {
    it('is the spokeswoman or the aide, not the person named after “for” or “to”', () => {
      const seen = statementsOf('Ellen Park opened the pier. A spokeswoman for Park said the pier would stay open. An aide to Mara Quist said the vote would wait.');
      const s = find(seen, 'stay open');
      assert.deepEqual([s.speaker, s.source], ['A spokeswoman for Park', 'A spokeswoman for Park']);
      assert.equal(find(seen, 'vote would wait').speaker, 'An aide to Mara Quist');
    });
    it('keeps “a source close to the talks” whole', () => {
      assert.equal(find(statementsOf('A source close to the talks said the vote would slip.'), 'vote would slip').source, 'A source close to the talks');
    });
  });

  describe('a short sentence after an attributed quotation', () => {
    it('is not joined to it as its attribution', () => {
      const seen = statementsOf('Asked whether the pier would open, Ellen Park said, “Probably.” Mara Quist agreed.');
      const s = find(seen, 'Probably');
      assert.equal(s.speaker, 'Ellen Park');
      assert.ok(!s.content.includes('Quist'), s.content);
    });
    it('still is after a quotation alone', () => {
      const s = find(statementsOf('Ellen Park looked at the pier.\n\n“Why should the river wait?” Park asked.'), 'river wait');
      assert.deepEqual([s.speaker, s.kind], ['Ellen Park', 'direct']);
    });
  });

  describe('a cue in an opening subordinate clause', () => {
    it('reports that clause only, not the main clause after its comma', () => {
      const s = find(statementsOf('While Ellen Park said the pier was safe, she looked worried on Monday.'), 'pier was safe');
      assert.deepEqual([s.source, s.content], ['Ellen Park', 'the pier was safe']);
    });
    it('keeps a comma inside the reported clause', () => {
      const s = find(statementsOf('Although Ellen Park said the pier, built in 1990, was safe, the board closed it.'), 'pier, built in 1990');
      assert.equal(s.content, 'the pier, built in 1990, was safe');
    });
  });

  describe('a day right after the cue', () => {
    it('is followed by the reported clause', () => {
      const s = find(statementsOf('Ellen Park said Thursday she would leave the harbour board in May.'), 'leave the harbour board');
      assert.deepEqual([s.source, s.content], ['Ellen Park', 'she would leave the harbour board in May']);
    });
    it('alone is a tail, not content', () => {
      none(statementsOf('The pier will reopen, Ellen Park said Thursday.'), 'Thursday');
    });
  });

  describe('a verb of judging with its grounds', () => {
    it('reports “accused X of …” and “criticized X for …” with no quotation', () => {
      const seen = statementsOf('Mara Quist accused the ferry company of hiding its losses. Ellen Park criticized the board for raising fares.');
      assert.deepEqual([find(seen, 'hiding its losses').source, find(seen, 'hiding its losses').cue], ['Mara Quist', 'accused']);
      assert.equal(find(seen, 'raising fares').source, 'Ellen Park');
    });
    it('not without the grounds', () => {
      none(statementsOf('Ellen Park criticized the board on Monday.'), 'the board on Monday');
    });
  });
});
