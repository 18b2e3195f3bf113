// Attribution rules tuned for accuracy on wire and newspaper copy. Every fixture is written for
// this file in wire style; none comes from a published article.
import * as assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/analysis';
import { find, HEAD, statementsOf } from './support/seenStatements';

function diagnosticsOf(body: string): string[] {
  return analyzeArticle(HEAD + body).diagnostics.map((d) => d.code);
}

describe('statements: accuracy rules', () => {
  describe('a quotation that ends its own sentence, then a bare attribution', () => {
    it('joins “…?” Name said. into one direct statement', () => {
      const seen = statementsOf('Mayor Ellen Park spoke first.\n\n“Why should the river wait another year?” Park said.');
      const s = find(seen, 'river wait');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.source, s.content], ['Ellen Park', 'direct', 'said', 'Park', 'Why should the river wait another year?']);
    });

    it('joins “….” he told reporters on Monday.', () => {
      const seen = statementsOf('Mayor Ellen Park spoke first.\n\n“We have waited long enough.” She told reporters on Monday.');
      const s = find(seen, 'waited long enough');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.source], ['Ellen Park', 'direct', 'told', 'She']);
      assert.deepEqual(diagnosticsOf('Mayor Ellen Park spoke first.\n\n“We have waited long enough.” She told reporters on Monday.'), []);
    });

    it('leaves a following sentence with its own content alone', () => {
      const seen = statementsOf('“The bridge will open in May.” Park said the budget was tight.');
      const s = find(seen, 'budget was tight');
      assert.deepEqual([s.speaker, s.kind], ['Park', 'indirect']);
    });
  });

  describe('the reported clause ends where the next verb of the same subject starts', () => {
    it('cuts “…” and said …, and reports the second verb as its own statement', () => {
      const seen = statementsOf('Councillor Tom Reyes called the budget “a fantasy” and said the vote should wait.');
      const first = find(seen, 'fantasy');
      assert.deepEqual([first.speaker, first.kind, first.cue, first.content], ['Tom Reyes', 'partial', 'called', 'the budget “a fantasy”']);
      const second = find(seen, 'vote should wait');
      assert.deepEqual([second.speaker, second.kind, second.cue, second.source, second.content], ['Tom Reyes', 'indirect', 'said', 'Tom Reyes', 'the vote should wait']);
    });

    it('cuts a partial quote before “, adding …” and reports the participle', () => {
      const seen = statementsOf('Reyes said the plan was “a gamble,” adding that he would vote against it.');
      assert.equal(find(seen, 'gamble').content, 'the plan was “a gamble,”');
      assert.deepEqual([find(seen, 'vote against').cue, find(seen, 'vote against').speaker], ['adding', 'Reyes']);
    });

    it('cuts a clause hung on the closing mark: “…” before …', () => {
      const seen = statementsOf('Reyes told residents that the council “does not listen” before leaving the hall.');
      const s = find(seen, 'does not listen');
      assert.deepEqual([s.kind, s.content], ['partial', 'the council “does not listen”']);
    });

    it('keeps a clause that goes on after the quoted words', () => {
      const seen = statementsOf('Reyes said the plan was “a gamble” for a town of this size.');
      assert.equal(find(seen, 'gamble').content, 'the plan was “a gamble” for a town of this size');
    });
  });

  describe('sources', () => {
    it('reads the name before a parenthesis and a comma: Sen. Ann Ruiz (D-Ore.), said …', () => {
      const s = find(statementsOf('Sen. Ann Ruiz (D-Ore.), said after a lunch on Tuesday that the bill was “dead on arrival.”'), 'dead on arrival');
      assert.deepEqual([s.speaker, s.source, s.kind], ['Ann Ruiz', 'Ann Ruiz', 'partial']);
    });

    it('never takes a prepositional tail after the cue for the speaker', () => {
      const seen = statementsOf('The plan is “a disaster,” said after the meeting on Monday.');
      assert.ok(seen.every((s) => !/after the meeting/.test(s.speaker ?? '')), JSON.stringify(seen));
    });

    it('skips a time phrase between the subject and the cue', () => {
      const s = find(statementsOf('The Transport Ministry less than two weeks ago said for the first time that the tunnel was “unsafe.”'), 'unsafe');
      assert.deepEqual([s.speaker, s.source, s.content], ['Transport Ministry', 'Transport Ministry', 'the tunnel was “unsafe.”']);
    });

    it('does not read a place after “of” as the name: Sen. Ann Ruiz of Oregon', () => {
      const s = find(statementsOf('Sen. Ann Ruiz of Oregon, the ranking member, declined to comment, saying only that the bill was “not ready.”'), 'not ready');
      assert.deepEqual([s.speaker, s.cue], ['Ann Ruiz', 'saying']);
    });

    it('finds the subject after a lead-in phrase', () => {
      const seen = statementsOf('Mayor Tom Reyes spoke last.\n\nSpeaking to the crowd at the pier, he read a letter, saying: “We will rebuild the harbour.”');
      const s = find(seen, 'rebuild the harbour');
      assert.deepEqual([s.speaker, s.source, s.kind], ['Tom Reyes', 'he', 'direct']);
    });
  });

  describe('attributions after an opening quotation', () => {
    it('inverts any speech verb right after the closing mark: “…,” declares Ann Lee', () => {
      const s = find(statementsOf('“I am a voter,” declares Ann Lee, 31, a nurse from Leeds.'), 'I am a voter');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.source], ['Ann Lee', 'direct', 'declares', 'Ann Lee']);
    });

    it('takes an unknown past-tense verb after the quotation: “…!” Ann Lee of Leeds, Yorkshire, beamed.', () => {
      const s = find(statementsOf('“What a day for the town!” Ann Lee of Leeds, Yorkshire, beamed.'), 'What a day');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.source], ['Ann Lee', 'direct', 'beamed', 'Ann Lee']);
    });

    it('takes an unknown verb before the speaker: “…,” snapped the mayor', () => {
      const seen = statementsOf('Mayor Tom Reyes arrived late.\n\n“Not today,” snapped the mayor.');
      const s = find(seen, 'Not today');
      assert.deepEqual([s.speaker, s.kind, s.cue], ['Tom Reyes', 'direct', 'snapped']);
    });

    it('attributes a first-person quotation to the writer: “…,” I said.', () => {
      const s = find(statementsOf('“We will not be moved,” I said.'), 'not be moved');
      assert.deepEqual([s.speaker, s.kind, s.source], ['I', 'direct', 'I']);
      assert.deepEqual(diagnosticsOf('“We will not be moved,” I said.'), []);
    });
  });

  describe('relative and progressive attributions', () => {
    it('resolves “who” to the name before it: …, who declared, “…”', () => {
      const s = find(statementsOf('The plan won support from Ann Lee, who declared at the hearing, “The harbour needs this.”'), 'harbour needs');
      assert.deepEqual([s.speaker, s.source, s.cue], ['Ann Lee', 'who', 'declared']);
      assert.ok(!s.content.includes('won support'), s.content);
    });

    it('skips the listener of “is telling … that”', () => {
      const s = find(statementsOf('Ann Lee is telling voters at a diner in Leeds that “the harbour comes first.”'), 'harbour comes first');
      assert.deepEqual([s.speaker, s.cue, s.kind, s.content], ['Ann Lee', 'telling', 'direct', 'the harbour comes first']);
    });
  });

  describe('appositives and openers', () => {
    it('reads past a party-state abbreviation: Sen. Ann Ruiz, D-Ore., said', () => {
      const s = find(statementsOf('“The bill is dead,” Sen. Ann Ruiz, D-Ore., said Tuesday.'), 'bill is dead');
      assert.deepEqual([s.speaker, s.source, s.kind], ['Ann Ruiz', 'Ann Ruiz', 'direct']);
    });

    it('reads past two appositives: Name, the role, one of …, said', () => {
      const s = find(statementsOf('“It is an overreach,” Ann Ruiz, the attorney general of Oregon, one of the states suing the agency, said.'), 'overreach');
      assert.deepEqual([s.speaker, s.source], ['Ann Ruiz', 'Ann Ruiz']);
    });

    it('takes the speaker after a sentence-initial cue: Said Ruiz: “…”', () => {
      const s = find(statementsOf('Said Ruiz: “Nobody here wants the tunnel.”'), 'Nobody here');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.source], ['Ruiz', 'direct', 'Said', 'Ruiz']);
    });

    it('gives “it said” to the body that spoke last', () => {
      const seen = statementsOf('The Harbour Authority said the pier would close. “We regret the delay,” it said.');
      const s = find(seen, 'regret the delay');
      assert.deepEqual([s.speaker, s.source, s.kind], ['Harbour Authority', 'it', 'direct']);
    });
  });

  describe('quoted titles', () => {
    it('does not take a show title before the speaker for speech', () => {
      const seen = statementsOf('In an interview on Channel 4’s “Morning Report,” Ann Ruiz said the harbour needs “more dredging.”');
      assert.equal(seen.length, 1, JSON.stringify(seen));
      assert.deepEqual([seen[0].speaker, seen[0].kind, seen[0].content], ['Ann Ruiz', 'partial', 'the harbour needs “more dredging.”']);
    });

    it('still reads a title-case quotation that closes the sentence before the cue', () => {
      const s = find(statementsOf('“It Is A Disaster,” Ann Ruiz said.'), 'Disaster');
      assert.deepEqual([s.speaker, s.kind], ['Ann Ruiz', 'direct']);
    });
  });

  describe('partial quotations with adjuncts after the closing mark', () => {
    it('ends the content before a day or a relative clause hung on the quotation', () => {
      const day = find(statementsOf('Ann Ruiz blasted the plan as a “giveaway” Wednesday on a radio show.'), 'giveaway');
      assert.deepEqual([day.speaker, day.kind, day.content], ['Ann Ruiz', 'partial', 'the plan as a “giveaway”']);
      const which = find(statementsOf('Ann Ruiz praised the “harbour levy”, which would pay for the dredging.'), 'harbour levy');
      assert.equal(which.content, 'the “harbour levy”');
    });

    it('takes a quotation after “Name verbed,” as a direct statement', () => {
      const s = find(statementsOf('Asked about the vote, Ann Ruiz shrugged, “We will try again next year.”'), 'try again');
      assert.deepEqual([s.speaker, s.kind, s.cue, s.content], ['Ann Ruiz', 'direct', 'shrugged', 'We will try again next year']);
    });
  });

  describe('subjects separated from the cue', () => {
    it('reads the name that opens the sentence past an aside: Ruiz, during a visit to Leeds, Yorkshire, said', () => {
      const s = find(statementsOf('Ruiz, during a visit to Leeds, Yorkshire, said the harbour was “in a terrible state.”'), 'terrible state');
      assert.deepEqual([s.speaker, s.source, s.content], ['Ruiz', 'Ruiz', 'the harbour was “in a terrible state.”']);
    });

    it('skips “however” between the subject and the cue', () => {
      const s = find(statementsOf('Ann Ruiz however said the vote was “a mistake.”'), 'mistake');
      assert.deepEqual([s.speaker, s.cue], ['Ann Ruiz', 'said']);
    });

    it('takes the name after a possessive in an inverted attribution: said the council’s chief, Ann Ruiz', () => {
      const s = find(statementsOf('“We have a plan,” said the Harbour Board’s chief engineer, Ann Ruiz, who joined in May.'), 'We have a plan');
      assert.deepEqual([s.speaker, s.source], ['Ann Ruiz', 'Ann Ruiz']);
      const t = find(statementsOf('“We have a plan,” said Yorkshire’s Ann Ruiz.'), 'We have a plan');
      assert.equal(t.speaker, 'Ann Ruiz');
    });

    it('reads what follows “— in fact, she said”', () => {
      const seen = statementsOf('Ann Ruiz is not worried about the polls — in fact, she said they “keep me honest.”');
      const s = find(seen, 'keep me honest');
      assert.deepEqual([s.source, s.content], ['she', 'they “keep me honest.”']);
    });
  });

  describe('asides between the speaker and the cue', () => {
    it('reads the name before a dashed aside: Ruiz — named as a favourite — told …', () => {
      const s = find(statementsOf('On Friday, Ruiz — named last week as the favourite for the post — told a radio host that “the harbour comes first.”'), 'harbour comes first');
      assert.deepEqual([s.speaker, s.source, s.cue, s.kind], ['Ruiz', 'Ruiz', 'told', 'direct']);
    });

    it('takes the person, not the place, in “Ann Lee of Leeds, Yorkshire says”', () => {
      const s = find(statementsOf('Ann Lee of Leeds, Yorkshire says she thinks the harbour plan is “doing fine.”'), 'doing fine');
      assert.deepEqual([s.speaker, s.source], ['Ann Lee', 'Ann Lee']);
    });

    it('takes the person, not the place or body they are of or at, before the cue, after it, and before an aside', () => {
      for (const [text, words, speaker] of [
        ['Bram Ostler of the Harbour Policy Institute said the tolls were too high.', 'tolls were too high', 'Bram Ostler'],
        ['Nadia Ferrand at the Coastal Ledger reports the ferry will be sold.', 'ferry will be sold', 'Nadia Ferrand'],
        ['“We will not back down,” said Representative Ivo Marsh of Delmont, who chairs the panel.', 'not back down', 'Ivo Marsh'],
        ['“The bill is dead,” Representative Lena Quist, Democrat of Delmont, told reporters.', 'bill is dead', 'Lena Quist'],
        ['Councillor Rui Santos of Marbury, a critic of the plan, said the vote was rushed.', 'vote was rushed', 'Rui Santos'],
      ] as const) {
        const s = find(statementsOf(text), words);
        assert.equal(s.speaker, speaker, text);
      }
    });

    it('leaves a title with its complement, and a share of a group, as they are', () => {
      assert.equal(find(statementsOf('County Supervisor of Elections Vera Holm said the count was over.'), 'count was over').speaker, 'Vera Holm');
      assert.equal(find(statementsOf('Half of Delmont Democrats said they would vote.'), 'would vote').speaker, 'Delmont Democrats');
    });
  });

  describe('the listener of “told”', () => {
    it('leaves the listener out of the content', () => {
      const a = find(statementsOf('Ruiz told reporters on Monday the plan was “a disaster.”'), 'disaster');
      assert.deepEqual([a.kind, a.content], ['partial', 'the plan was “a disaster.”']);
      const b = find(statementsOf('Ruiz told The Yorkshire Post: “We will win the seat.”'), 'win the seat');
      assert.deepEqual([b.kind, b.content], ['direct', 'We will win the seat']);
    });
  });
  describe('the cue that opens the quotation', () => {
    it('takes “he warned” after a clause with another verb and subject', () => {
      const s = find(statementsOf('Tom Reed spoke in Dayton. After Mary Olsen accused him of waffling, he warned, “This is the only plan we have.”'), 'only plan');
      assert.deepEqual([s.kind, s.cue, s.source, s.content], ['direct', 'warned', 'he', 'This is the only plan we have']);
    });

    it('takes “said” in “he laughed and said, “…””', () => {
      const s = find(statementsOf('Tom Reed was asked about a news conference, and he laughed and said, “We will see about that.”'), 'see about that');
      assert.deepEqual([s.kind, s.cue, s.source, s.content], ['direct', 'said', 'he', 'We will see about that']);
    });
  });

  describe('he and she', () => {
    it('skip a speaker the text has called Ms. or Mr. the other way', () => {
      const seen = statementsOf('Ms. Olsen said the vote would wait. Governor Tom Reed met the press. “We will not back down,” he said.');
      assert.equal(find(seen, 'back down').speaker, 'Tom Reed');
    });
  });
  describe('“calling it …” after the main verb', () => {
    it('attributes the quoted name-calling to the subject of the sentence', () => {
      const s = find(statementsOf('Tom Reed attacked the harbour plan on Monday, calling it “a total disaster.”'), 'total disaster');
      assert.deepEqual([s.kind, s.cue, s.source, s.content], ['partial', 'calling', 'Tom Reed', 'it “a total disaster.”']);
    });
  });
  describe('a speech verb joined by “and” or “but”', () => {
    it('gives “… and said” the subject of the sentence', () => {
      const s = find(statementsOf('Tom Reed, her Republican opponent, toured the plant and said he thought the plan was “a very big mistake” for the town.'), 'big mistake');
      assert.deepEqual([s.cue, s.source, s.content], ['said', 'Tom Reed', 'he thought the plan was “a very big mistake” for the town']);
    });

    it('takes the pronoun of “but she said” as that statement’s source', () => {
      const s = find(statementsOf('Chief Ann Lee said the video was unclear, but she said that the footage “supports what we have heard.”'), 'footage');
      assert.deepEqual([s.speaker, s.source], ['Ann Lee', 'she']);
    });
  });
  describe('a quotation, then a bare attribution with a speech verb that does not invert', () => {
    it('joins ““…?” Reed demanded.” into one statement by Reed', () => {
      const seen = statementsOf('“Every time you say that,” Ann Lee said, “you hand them the argument.”\n\n“Why is this not proof that the bank is too big?” Tom Reed demanded.');
      const s = find(seen, 'too big');
      assert.deepEqual([s.speaker, s.cue, s.kind], ['Tom Reed', 'demanded', 'direct']);
    });

    it('keeps “He adds, “…”” apart: that sentence brings its own quotation', () => {
      const seen = statementsOf('“We will rebuild the pier,” Tom Reed said on Monday. He adds, “Nobody will be left behind.”');
      const s = find(seen, 'left behind');
      assert.deepEqual([s.speaker, s.cue, s.content], ['Tom Reed', 'adds', 'Nobody will be left behind']);
    });
  });
  describe('a speaker’s label before a colon', () => {
    it('attributes “Reed: “…”” to the named speaker, with the colon as the cue', () => {
      const seen = statementsOf('The two candidates answered the same question. Tom Reed: “The harbour must be dredged this year.” Ann Lee: “The harbour can wait for the budget.”');
      assert.deepEqual([find(seen, 'dredged').speaker, find(seen, 'dredged').cue], ['Tom Reed', ':']);
      assert.equal(find(seen, 'can wait').speaker, 'Ann Lee');
    });

    it('does not take a name in the middle of a sentence for a label', () => {
      const seen = statementsOf('The council met with Tom Reed: “a long night” was how one member put it.');
      assert.equal(seen.filter((s) => s.cue === ':').length, 0);
    });
  });
  describe('documents and crowds as sources', () => {
    it('names “The ad” and “the lawsuit” as what speaks', () => {
      const seen = statementsOf('Tom Reed ran a new spot this week. The ad claims “Reed is the mayor you can trust.” The lawsuit contends that the harbour deal was “negligent and reckless.”');
      assert.deepEqual([find(seen, 'you can trust').source, find(seen, 'you can trust').kind], ['The ad', 'direct']);
      assert.equal(find(seen, 'negligent').source, 'The lawsuit');
    });
  });
  describe('a quotation before the sentence’s speech verb', () => {
    it('gives “… urged voters to “…” and said …” two statements by the same subject', () => {
      const seen = statementsOf('Tom Reed exhorted voters to “keep the harbour open” and said he would stand by the plan.');
      const quoted = find(seen, 'keep the harbour open');
      assert.deepEqual([quoted.speaker, quoted.cue, quoted.kind, quoted.content], ['Tom Reed', 'exhorted', 'partial', 'voters to “keep the harbour open”']);
      assert.equal(find(seen, 'stand by the plan').cue, 'said');
    });
  });
  describe('a subject the rules cannot name', () => {
    it('takes the phrase that opens the sentence before a set-off relative clause', () => {
      const s = find(statementsOf('The lawmaker, who represents a coastal district, said the harbour plan was “a disgrace.”'), 'disgrace');
      assert.deepEqual([s.source, s.cue, s.kind], ['The lawmaker', 'said', 'partial']);
    });

    it('takes a share of a poll as the subject', () => {
      const s = find(statementsOf('About four in 10 said they were “angry” with the council.'), 'angry');
      assert.equal(s.source, 'About four in 10');
    });

    it('keeps two nouns joined by “and” as one subject, but not a clause before “and”', () => {
      const seen = statementsOf('The baker and part-time fisherman said the flood was “the worst in memory.” The mayor toured the quay and residents said the water was “still rising.”');
      assert.equal(find(seen, 'worst in memory').source, 'The baker and part-time fisherman');
      assert.notEqual(find(seen, 'still rising').source, 'The mayor toured the quay and residents');
    });

    it('serves cue verbs that take a bare clause, not only “said”', () => {
      const s = find(statementsOf('One in three shopkeepers complained the harbour fees were “far too high.”'), 'far too high');
      assert.deepEqual([s.source, s.cue], ['One in three shopkeepers', 'complained']);
    });

    it('does not take the start of a longer clause, nor a lead-in, for the subject', () => {
      const seen = statementsOf('The listing, which drew many bids, was replaced by a message that said “Sold to a buyer.” For someone who conceded she is “not a natural speaker,” Ann Lee did well.');
      assert.deepEqual(seen.filter((s) => s.source === 'The listing' || s.source === 'For someone'), []);
    });
  });
  describe('a cue word used as a noun', () => {
    it('reads “the reality TV show” and “the report” as nouns, not as cues', () => {
      const seen = statementsOf('Tom Reed, a star of the reality TV show “Harbour Nights,” won the seat. The report “Ships and Shores” is due in May.');
      assert.deepEqual(seen.map((s) => s.cue), []);
    });
  });
  describe('shouted words', () => {
    it('takes “yells” as a cue for the quotation before it', () => {
      const s = find(statementsOf('“Open the gates now,” Ann Lee yells as the crowd moves forward.'), 'Open the gates');
      assert.deepEqual([s.speaker, s.cue, s.kind], ['Ann Lee', 'yells', 'direct']);
    });
  });
  describe('a second cue after a dash', () => {
    it('gives the quotation to the subject after the dash, not to the first verb', () => {
      const seen = statementsOf('When Ann Lee noted that the mayor had paid no harbour tax ― as the filings showed ― Tom Reed boasted, “That makes me clever.”');
      const s = find(seen, 'makes me clever');
      assert.deepEqual([s.speaker, s.cue, s.kind], ['Tom Reed', 'boasted', 'direct']);
    });
  });
  describe('“it” opening a sentence with a participle cue', () => {
    it('takes “it” as the speaker, not the object of the first verb', () => {
      const s = find(statementsOf('The Harbour Gazette backed the plan in an editorial. Meanwhile, it attacked Tom Reed, saying he “has failed the town.”'), 'failed the town');
      assert.equal(s.source, 'it');
      assert.notEqual(s.speaker, 'Tom Reed');
    });
  });
  describe('a text that “reads”', () => {
    it('attributes the quoted words to the document, and a plain “read” to nobody', () => {
      const seen = statementsOf('Ann Lee sent a letter to the council. The letter reads: “We cannot wait any longer for the harbour.” Tom Reed read the report twice before the vote.');
      const s = find(seen, 'wait any longer');
      assert.deepEqual([s.kind, s.cue, s.source], ['direct', 'reads', 'The letter']);
      assert.equal(seen.filter((x) => x.content.includes('report twice')).length, 0);
    });
  });
  describe('a second verb joined by “and”', () => {
    it('gives “and warned that …” to the noun phrase that opens the sentence', () => {
      const s = find(statementsOf("The harbour board on Friday cut its forecast for next year and warned that fees could rise."), 'fees could rise');
      assert.deepEqual([s.source, s.cue], ['The harbour board', 'warned']);
    });
    it('names nobody when the opening phrase ends in a possessive', () => {
      const seen = statementsOf("Norway's largely closed and warned that fees could rise.");
      assert.equal(seen.filter((x) => x.source === "Norway's").length, 0);
    });
  });
  describe('an age for a person', () => {
    it('gives “the 62-year-old” to the person last named and last to speak', () => {
      const s = find(statementsOf('Council leader Peter Holm said the plan would change. The 62-year-old added that a new vote could come in July.'), 'new vote could come');
      assert.deepEqual([s.speaker, s.source], ['Peter Holm', 'The 62-year-old']);
    });
    it('leaves “the 43-year-old” a description when somebody else was named since', () => {
      const s = find(statementsOf('Council leader Peter Holm said the plan would change. A crowd gathered around Eva Marsh on the quay. The 43-year-old added that nobody had asked her.'), 'nobody had asked');
      assert.notEqual(s.speaker, 'Peter Holm');
    });
  });
  describe('according to a plural possessive', () => {
    it('keeps “the dockers’ union” whole', () => {
      const s = find(statementsOf("Ferry crews walked out on Tuesday, according to the sailors' union."), 'Ferry crews walked out');
      assert.equal(s.source, "the sailors' union");
    });
  });
  describe('a subject with a place after it', () => {
    it('names the people before “at the …”, not the place', () => {
      const s = find(statementsOf('Stall holders at the fish market said trade had slowed since the storm.'), 'trade had slowed');
      assert.equal(s.source, 'Stall holders at the fish market');
    });
    it('names “a source close to the talks” and “people familiar with the matter” whole', () => {
      const seen = statementsOf('“The offer is final,” a source close to the talks said. People familiar with the matter said the vote would slip to June.');
      assert.equal(find(seen, 'offer is final').source, 'a source close to the talks');
      assert.equal(find(seen, 'vote would slip').source, 'People familiar with the matter');
    });
    it('reads “the mayor of this town” as one source', () => {
      const s = find(statementsOf('The mayor of this coastal town said on Tuesday that every pier would be rebuilt.'), 'every pier');
      assert.equal(s.source, 'The mayor of this coastal town');
    });
    it('does not run a subject back over “after”', () => {
      const s = find(statementsOf('The council delayed the vote after residents complained that the quay was too loud.'), 'quay was too loud');
      assert.equal(s.source, 'residents');
    });
    it('keeps a plain definite subject as it was', () => {
      const s = find(statementsOf('Later the harbour master said the quay would reopen.'), 'quay would reopen');
      assert.equal(s.source, 'the harbour master');
    });
  });
});
