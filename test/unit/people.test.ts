import * as assert from 'node:assert/strict';
import type { ArticleAnalysis, Person } from '../../server/src/analysis';
import { compatibleGiven, editDistance, sameFullName, similarSurname } from '../../server/src/analysis/people';
import { article } from './support/article';

const HEADLINE = 'Harbour talks stall';
const DATELINE = 'VARNOS, May 9. /NORTHWIRE/.';

function body(...lines: string[]): ArticleAnalysis {
  return article([HEADLINE, `${DATELINE} ${lines[0]}`, ...lines.slice(1)]);
}

function person(a: ArticleAnalysis, name: string): Person {
  const found = a.people.find((p) => p.name === name);
  assert.ok(found, `no person "${name}" among ${JSON.stringify(a.people.map((p) => p.name))}`);
  return found;
}

/** A person's mentions as "kind:text". */
function mentions(a: ArticleAnalysis, name: string): string[] {
  return person(a, name).mentions.map((m) => `${m.kind}:${m.text}`);
}

/** The speaker of the statement whose content has these words. */
function speakerOf(a: ArticleAnalysis, words: string): string | undefined {
  const s = a.statements.find((x) => x.text.includes(words));
  assert.ok(s, `no statement with "${words}"`);
  return s.speaker;
}

describe('people', () => {
  describe('names and roles', () => {
    it('records the title before a name as the person’s role', () => {
      const a = body('Kastorian Deputy Foreign Minister Alexei Grubin said the plan would fail.');
      assert.deepEqual(person(a, 'Alexei Grubin').roles, ['Kastorian Deputy Foreign Minister']);
    });

    it('records the role of a "Head of the … Delegation …, NAME," apposition', () => {
      const a = body('Head of the Kastorian Delegation to the Velmar Talks, Konstantin Orlevsky, said the talks were over.');
      assert.deepEqual(person(a, 'Konstantin Orlevsky').roles, ['Head of the Kastorian Delegation to the Velmar Talks']);
      assert.equal(speakerOf(a, 'the talks were over'), 'Konstantin Orlevsky');
    });

    it('records the role of a "the head of the Kremlin, NAME," apposition', () => {
      const a = body('The head of the Kremlin, Vladimir Tarasenko, said the offer stood.');
      assert.deepEqual(person(a, 'Vladimir Tarasenko').roles, ['head of the Kremlin']);
      assert.equal(speakerOf(a, 'the offer stood'), 'Vladimir Tarasenko');
    });

    it('records the role of a "NAME, ROLE," apposition', () => {
      const a = body('Ivo Kral, a senior Velmar diplomat, said the port was full.');
      assert.deepEqual(person(a, 'Ivo Kral').roles, ['senior Velmar diplomat']);
    });

    it('records the role of an apposition that ends the sentence after an inverted cue: “…,” said NAME, a ROLE.', () => {
      const a = body('“We do not have the crews,” said Kyle Brandel, a spokesman for the Casco Ferry Lines.');
      assert.deepEqual(person(a, 'Kyle Brandel').roles, ['spokesman for the Casco Ferry Lines']);
      // Not at an abbreviation's full stop, nor without the cue before the name.
      const b = body('“We do not have the crews,” said Kyle Brandel, a spokesman for the U.S. Navy, on Monday.');
      assert.deepEqual(person(b, 'Kyle Brandel').roles, []);
      const c = body('The crews met Kyle Brandel, a spokesman for the Casco Ferry Lines.');
      assert.deepEqual(person(c, 'Kyle Brandel').roles, []);
    });

    it('reads "Gen. Hugo Brandt" as Hugo Brandt with the title Gen. (its full stop kept)', () => {
      const a = body('Gen. Hugo Brandt said the troops would stay.');
      assert.deepEqual(person(a, 'Hugo Brandt').roles, ['Gen.']);
    });

    it('keeps a name with the particles "van der" whole', () => {
      const a = body('Dutch envoy Pieter van der Berg said the port was open.');
      assert.equal(speakerOf(a, 'the port was open'), 'Pieter van der Berg');
    });

    it('keeps a name with "al-" whole', () => {
      const a = body('Adviser Omar al-Rashid said the plan was ready.');
      assert.equal(speakerOf(a, 'the plan was ready'), 'Omar al-Rashid');
    });

    it('keeps hyphenated names whole', () => {
      const a = body('Deputy Minister Jean-Luc Morel-Vasseur said nothing had changed.');
      assert.equal(speakerOf(a, 'nothing had changed'), 'Jean-Luc Morel-Vasseur');
    });

    it('makes an organisation that speaks a speaker marked as an organisation', () => {
      const a = body('The Kastorian Foreign Ministry said in a statement that it regretted the closure.');
      const ministry = person(a, 'Kastorian Foreign Ministry');
      assert.equal(ministry.isOrganization, true);
      assert.equal(speakerOf(a, 'it regretted the closure'), 'Kastorian Foreign Ministry');
    });

    it('knows companies, trusts, societies and airports for organisations', () => {
      for (const name of ['Varnos Ferries Ltd', 'Varnos Harbour Trust', 'Royal Kastorian Society', 'Varnos Airport']) {
        const a = body(`The ${name} said the crossings would stop in winter.`);
        assert.equal(person(a, name).isOrganization, true, name);
      }
    });
  });

  describe('later mentions', () => {
    const grubin = [
      'Kastorian Deputy Foreign Minister Alexei Grubin said on Friday that the harbour talks had stalled.',
      '"We cannot wait forever," Grubin said.',
      'The diplomat added that a new round was possible.',
      '"The door is still open," he told reporters.',
    ];

    it('resolves a surname to the person named in full before', () => {
      const a = body(grubin[0], grubin[1]);
      assert.deepEqual(mentions(a, 'Alexei Grubin'), ['name:Alexei Grubin', 'surname:Grubin']);
      assert.equal(speakerOf(a, 'We cannot wait forever'), 'Alexei Grubin');
    });

    it('resolves a family name written first, alone, to the person named in full before', () => {
      const a = body('Vice Minister Zhao Mingrui said the harbour plan would go ahead.', '"The work starts in spring," Zhao said.');
      assert.deepEqual(mentions(a, 'Zhao Mingrui'), ['name:Zhao Mingrui', 'surname:Zhao']);
      assert.equal(speakerOf(a, 'The work starts in spring'), 'Zhao Mingrui');
    });

    it('does not read a lone given name or other first word as a family name written first', () => {
      const a = body('Mayor Dana Quillfeather said the bridge would close.', '"Dana is wrong," Orlev said.', 'The Harbour Board said repairs were late.', '"Harbour fees will rise," the board said.');
      assert.deepEqual(mentions(a, 'Dana Quillfeather'), ['name:Dana Quillfeather']);
      assert.ok(!mentions(a, 'Harbour Board').some((m) => m.endsWith(':Harbour')));
    });

    it('resolves "he" to the person just named as a subject, not to the last speaker', () => {
      const a = body('"The bridge will open in June," council member Tomas Wren said.', 'Emil Sandor is less sure. "They say progress," he says.');
      assert.equal(speakerOf(a, 'They say progress'), 'Emil Sandor');
    });

    it('keeps "he" for the last speaker when the person named since is no sentence\'s subject', () => {
      const a = body('"The bridge will open in June," council member Tomas Wren said.', 'The ferry run by Emil Sandor will stop. "It is time," he said.');
      assert.equal(speakerOf(a, 'It is time'), 'Tomas Wren');
    });

    it('keeps "she" off a man and "he" off a woman by their given names when the text has said nothing yet', () => {
      const a = body('Club captain Elin Dahl watched from the stand.', '"We made the right choices," coach Rui Santos told reporters.', '"That was not good enough," she said.', '"It hurts," he said.');
      assert.equal(speakerOf(a, 'That was not good enough'), 'Elin Dahl');
      assert.equal(speakerOf(a, 'It hurts'), 'Rui Santos');
    });

    it('resolves a role noun to the person whose title fits it', () => {
      const a = body(grubin[0], grubin[1], grubin[2]);
      assert.ok(mentions(a, 'Alexei Grubin').includes('role:The diplomat'));
      assert.equal(speakerOf(a, 'a new round was possible'), 'Alexei Grubin');
    });

    it('resolves a pronoun to the person who spoke last', () => {
      const a = body(...grubin);
      assert.ok(mentions(a, 'Alexei Grubin').includes('pronoun:he'));
      assert.equal(speakerOf(a, 'The door is still open'), 'Alexei Grubin');
    });

    it('resolves a role noun with a modifier to the person whose title has it', () => {
      const a = body(
        'Kastorian Foreign Minister Alexei Grubin met Velmar Prime Minister Sara Holm on Friday.',
        'The Velmar prime minister said the harbour must stay open.',
      );
      assert.equal(speakerOf(a, 'the harbour must stay open'), 'Sara Holm');
    });

    it('resolves a surname spelled with an accent to the person spelled without', () => {
      const a = body('Kastorian Foreign Minister Alexei Grubin arrived on Friday.', 'Grub\u00edn told reporters that the talks were over.');
      assert.deepEqual(mentions(a, 'Alexei Grubin'), ['name:Alexei Grubin', 'surname:Grub\u00edn']);
    });

    it('records a mention’s span on the text it names', () => {
      const a = body('Kastorian Foreign Minister Alexei Grubin arrived on Friday.');
      const mention = person(a, 'Alexei Grubin').mentions[0];
      assert.equal(a.text.slice(mention.span.start, mention.span.end), 'Alexei Grubin');
    });
  });

  describe('keeping people apart', () => {
    const brandls = [
      'Port director Ivo Brandl said on Friday that the harbour would close.',
      'Opposition lawmaker Marta Brandl said the closure was illegal.',
      '"It will not stand," Brandl said.',
      'Ivo Brandl later said he would appeal.',
      '"We have no money," Brandl told reporters.',
    ];

    it('keeps two people who share a surname as two people', () => {
      const a = body(...brandls);
      assert.ok(person(a, 'Ivo Brandl').key !== person(a, 'Marta Brandl').key);
    });

    it('gives a shared surname to the one of the two named nearest before it', () => {
      const a = body(...brandls);
      assert.equal(speakerOf(a, 'It will not stand'), 'Marta Brandl');
      assert.equal(speakerOf(a, 'We have no money'), 'Ivo Brandl');
    });

    it('finds a spelling one letter off among people who share the surname', () => {
      const a = body(
        'Port director Ivo Kaminski said the harbour would close.',
        'Opposition lawmaker Marta Kaminski said the closure was illegal.',
        'Harbour official Ivo Kaminska said the port had no money.',
      );
      assert.deepEqual(a.people.map((p) => p.name), ['Ivo Kaminski', 'Marta Kaminski']);
      assert.deepEqual(mentions(a, 'Ivo Kaminski'), ['name:Ivo Kaminski', 'name:Ivo Kaminska']);
      assert.deepEqual(mentions(a, 'Marta Kaminski'), ['name:Marta Kaminski']);
    });

    it('finds a spelling one letter off of a surname longer than thirty letters', () => {
      const a = body('Port director Ivo Wolfeschlegelsteinhausenbergerdorff said the harbour would close.', 'Ivo Wolfeschlegelsteinhausenbergerdorf said it would reopen.');
      assert.deepEqual(a.people.map((p) => p.name), ['Ivo Wolfeschlegelsteinhausenbergerdorff']);
      assert.equal(mentions(a, 'Ivo Wolfeschlegelsteinhausenbergerdorff').length, 2);
    });

    it('does not make the person named in a photo credit a person of the article', () => {
      const a = body('Ivo Brandl said the harbour would close.', 'Ivo Brandl addresses reporters in Varnos. Photo: Lena Storm / NORTHWIRE');
      assert.deepEqual(a.people.map((p) => p.name), ['Ivo Brandl']);
    });

    it('does not make the writer in a byline a person of the article', () => {
      const a = article([HEADLINE, 'By Tomas Weil', `${DATELINE} Ivo Brandl said the harbour would close.`]);
      assert.deepEqual(a.people.map((p) => p.name), ['Ivo Brandl']);
    });
  });

  describe('name comparison', () => {
    it('takes Alexander and Alexandr for the same first name', () => {
      assert.equal(compatibleGiven('alexander', 'alexandr'), true);
    });

    it('takes an initial for the first name it starts', () => {
      assert.deepEqual([compatibleGiven('a', 'alexander'), compatibleGiven('s', 'alexander')], [true, false]);
    });

    it('does not take two different first names for one', () => {
      assert.equal(compatibleGiven('ivo', 'ida'), false);
    });

    it('takes long surnames one letter apart for one surname', () => {
      assert.equal(similarSurname('ryabkov', 'riabkov'), true);
    });

    it('does not take short surnames one letter apart for one surname', () => {
      assert.equal(similarSurname('holm', 'helm'), false);
    });

    it('matches full names across spellings but not across first names', () => {
      assert.equal(sameFullName('Alexandr Grushk\u00f3', 'Alexander Grushko'), true);
      assert.equal(sameFullName('Ivo Brandl', 'Marta Brandl'), false);
    });

    it('counts edits and gives up beyond two length changes', () => {
      assert.deepEqual([editDistance('grubin', 'grubin'), editDistance('grubin', 'grobin'), editDistance('ab', 'abcde')], [0, 1, 99]);
    });
  });
});
