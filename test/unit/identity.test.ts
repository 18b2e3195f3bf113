import * as assert from 'node:assert/strict';
import type { Person } from '../../server/src/analysis';
import { canonicalName, clusterPeople, slug } from '../../server/src/workspace/identity';
import { WorkspaceModel, type WorkspaceModelOptions } from '../../server/src/workspace/workspaceModel';

const DATELINE = 'VARNOS, May 9, 2025 (Reuters) - ';

/** A workspace of short articles, one per entry: uri → body sentences after the dateline. */
function workspace(articles: Record<string, string[]>, options: WorkspaceModelOptions = {}): WorkspaceModel {
  const model = new WorkspaceModel({ analysis: { today: '2026-06-01' }, ...options });
  for (const [name, lines] of Object.entries(articles)) {
    model.setArticle(`file:///news/${name}.txt`, ['Harbour talks', `${DATELINE}${lines[0]}`, ...lines.slice(1)].join('\n') + '\n');
  }
  return model;
}

/** The speakers’ canonical names, sorted. */
function speakerNames(model: WorkspaceModel): string[] {
  return model.speakers().map((s) => s.name).sort();
}

function speakerCalled(model: WorkspaceModel, name: string) {
  const speaker = model.speakers().find((s) => s.name === name);
  assert.ok(speaker, `no speaker "${name}" among ${JSON.stringify(speakerNames(model))}`);
  return speaker;
}

const person = (name: string, isOrganization = false): Person => ({ key: 'p0', name, roles: [], isOrganization, mentions: [] });

describe('identity across articles', () => {
  describe('spellings of one person', () => {
    it('makes a surname with and without an accent one speaker', () => {
      const model = workspace({
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        b: ['Aleksander Grubenk\u00f3 said the talks had stalled.'],
      });
      assert.deepEqual(speakerNames(model), ['Aleksander Grubenko']);
      assert.deepEqual(speakerCalled(model, 'Aleksander Grubenko').spellings.sort(), ['Aleksander Grubenko', 'Aleksander Grubenk\u00f3']);
    });

    it('makes Aleksander and Aleksandr one first name', () => {
      const model = workspace({
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        b: ['Aleksandr Grubenko said the talks had stalled.'],
      });
      assert.equal(model.speakers().length, 1);
    });

    it('makes Ryabenko and Riabenko one surname', () => {
      const model = workspace({
        a: ['Mikhail Ryabenko said the fleet was ready.'],
        b: ['Mikhail Riabenko said the fleet would wait.'],
      });
      assert.equal(model.speakers().length, 1);
    });

    it('makes the romanisations of one surname one speaker, several letters apart or from another first letter (Qadhouri, Gaddouri, Kadhuri)', () => {
      const model = workspace({
        a: ['Farid Qadhouri, a harbour pilot, said the channel was too shallow.'],
        b: ['Farid Gaddouri, a harbour pilot, said the channel would be dredged.'],
        c: ['Farid Kadhuri said dredging would start in spring.'],
        d: ['Pavel Khodrovsky said the ferry would wait.'],
        e: ['Pavel Hodrovsky said the ferry had waited.'],
      });
      assert.deepEqual(speakerNames(model).length, 2, JSON.stringify(speakerNames(model)));
      assert.deepEqual(speakerCalled(model, speakerNames(model).find((n) => n.startsWith('Farid'))!).spellings.length, 3);
    });

    it('keeps apart two people whose surnames are one romanisation when their first names differ, and short surnames', () => {
      const model = workspace({
        a: ['Farid Qadhouri, a harbour pilot, said the channel was too shallow.'],
        b: ['Leila Gaddouri said the channel would be dredged.'],
        c: ['Omar Kahn said the port was ready.'],
        d: ['Omar Khan said the port would wait.'],
      });
      assert.deepEqual(speakerNames(model), ['Farid Qadhouri', 'Leila Gaddouri', 'Omar Kahn', 'Omar Khan']);
    });

    it('makes Dovbytskyi and Dovbitskiy one surname', () => {
      const model = workspace({
        a: ['Taras Dovbytskyi said the grain was ready.'],
        b: ['Taras Dovbitskiy said the grain would wait.'],
      });
      assert.equal(model.speakers().length, 1);
    });

    it('makes a name with a middle initial and the name without it one speaker', () => {
      const model = workspace({
        a: ['Marta J. Holm said the ferries would run.'],
        b: ['Marta Holm said the ferries were late.'],
      });
      assert.equal(model.speakers().length, 1);
      assert.deepEqual(speakerCalled(model, model.speakers()[0].name).spellings.sort(), ['Marta Holm', 'Marta J. Holm']);
    });

    it('joins a surname alone to the one person of that surname in other articles', () => {
      const model = workspace({
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        c: ['Grubenko said the harbour would close.'],
      });
      assert.deepEqual(speakerNames(model), ['Aleksander Grubenko']);
      assert.equal(speakerCalled(model, 'Aleksander Grubenko').statementCount, 2);
    });
  });

  describe('different people', () => {
    it('keeps two people with one surname and different first names apart', () => {
      const model = workspace({
        a: ['Port director Ivo Brandl said the cranes were idle.'],
        b: ['Opposition lawmaker Marta Brandl said the closure was illegal.'],
      });
      assert.deepEqual(speakerNames(model), ['Ivo Brandl', 'Marta Brandl']);
    });

    it('does not join a surname alone to either of two people who share it', () => {
      const model = workspace({
        a: ['Port director Ivo Brandl said the cranes were idle.'],
        b: ['Opposition lawmaker Marta Brandl said the closure was illegal.'],
        c: ['Brandl said nothing had changed.'],
      });
      assert.deepEqual(speakerNames(model), ['Brandl', 'Ivo Brandl', 'Marta Brandl']);
    });

    it('keeps short surnames one letter apart as different people', () => {
      const model = workspace({
        a: ['Marta Holm said the ferries would run.'],
        b: ['Marta Helm said the ferries were late.'],
      });
      assert.equal(model.speakers().length, 2);
    });

    it('keeps apart two people named in another script', () => {
      const clusters = clusterPeople([
        { uri: 'a', person: person('\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432') },
        { uri: 'b', person: person('\u041e\u043b\u0435\u0433 \u0421\u0438\u0434\u043e\u0440\u043e\u0432') },
      ]);
      assert.equal(clusters.length, 2);
    });

    it('keeps apart two names the registry says are different people', () => {
      const model = workspace(
        {
          a: ['Mikhail Ryabenko said the fleet was ready.'],
          b: ['Mikhail Riabenko said the fleet would wait.'],
        },
        { identity: { distinct: [['Mikhail Ryabenko', 'Mikhail Riabenko']] } },
      );
      assert.equal(model.speakers().length, 2);
    });

    it('joins names the registry gives as aliases, under the registry’s canonical name', () => {
      const model = workspace(
        {
          a: ['Aleksander Grubenko said the harbour would reopen.'],
          b: ['Sasha Grubenko said the talks had stalled.'],
        },
        { identity: { aliases: [['Aleksander Grubenko', 'Sasha Grubenko']] } },
      );
      assert.deepEqual(speakerNames(model), ['Aleksander Grubenko']);
    });
  });

  describe('the canonical name', () => {
    it('takes the full name over a surname alone', () => {
      assert.equal(canonicalName(['Grubenko', 'Grubenko', 'Aleksander Grubenko']), 'Aleksander Grubenko');
    });

    it('takes the most common of equally complete spellings', () => {
      assert.equal(canonicalName(['Mikhail Riabenko', 'Mikhail Ryabenko', 'Mikhail Ryabenko']), 'Mikhail Ryabenko');
    });

    it('takes the spelling without accents when the counts tie', () => {
      assert.equal(canonicalName(['Aleksander Grubenk\u00f3', 'Aleksander Grubenko']), 'Aleksander Grubenko');
    });

    it('names the workspace speaker by the most common spelling across articles', () => {
      const model = workspace({
        a: ['Mikhail Ryabenko said the fleet was ready.'],
        b: ['Mikhail Riabenko said the fleet would wait.'],
        c: ['Mikhail Ryabenko said the fleet had sailed.'],
      });
      assert.deepEqual(speakerNames(model), ['Mikhail Ryabenko']);
    });
  });

  describe('speaker ids', () => {
    it('derives the id from the canonical name without accents', () => {
      assert.equal(slug('Aleksander Grubenk\u00f3'), 'aleksander-grubenko');
    });

    it('slugs plain ASCII names (its shortcut) as the general rule does, and every other name by that rule', () => {
      const rule = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      const names = ['Ivo Brandl', 'IVO BRANDL', 'Agent 47', '47', 'A', 'ab', '', ' ', ' Ivo', 'Ivo ', 'Ivo  Brandl', 'Ivo\tBrandl', "Ivo O'Brandl", 'Jean-Luc Brandl', 'Dr. Brandl', 'Ünal Öz', 'İlkay Brandl', 'Ivo Brandl\u0301'];
      for (const name of names) assert.equal(slug(name), rule(name), JSON.stringify(name));
      const letters = ['a', 'Z', '9', ' ', '-', '.', '\u00e9', '\u0301', '\u0130'];
      for (let n = 0; n < 2000; n++) {
        let name = '';
        for (let i = (n * 7) % 9; i > 0; i--) name += letters[(n * 31 + i * 17) % letters.length];
        assert.equal(slug(name), rule(name), JSON.stringify(name));
      }
    });

    it('gives one person the same id in every article', () => {
      const model = workspace({
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        b: ['Aleksandr Grubenk\u00f3 said the talks had stalled.'],
      });
      const ids = model.articles().map((entry) => model.speakerIdOf(entry.uri, entry.summary.statements[0].personKey!));
      assert.deepEqual(ids, ['aleksander-grubenko', 'aleksander-grubenko']);
    });

    it('gives the same ids whatever order the articles are added in', () => {
      const articles = {
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        b: ['Aleksandr Grubenk\u00f3 said the talks had stalled.', 'Port director Ivo Brandl said the cranes were idle.'],
      };
      const reversed = Object.fromEntries(Object.entries(articles).reverse());
      const ids = (model: WorkspaceModel) => model.speakers().map((s) => s.id).sort();
      assert.deepEqual(ids(workspace(reversed)), ids(workspace(articles)));
    });

    it('keeps a speaker’s id when an article is analysed again', () => {
      const model = workspace({ a: ['Aleksander Grubenko said the harbour would reopen.'] });
      const before = model.speakers()[0].id;
      model.setArticle('file:///news/a.txt', model.getArticle('file:///news/a.txt')!.analysis!.text);
      assert.equal(model.speakers()[0].id, before);
    });

    it('gives two people whose names slug alike two ids', () => {
      const clusters = clusterPeople([
        { uri: 'a', person: person('Ivo Brandl') },
        { uri: 'b', person: person('Ivo Brandl', true) },
      ]);
      assert.deepEqual(clusters.map((c) => c.id), ['ivo-brandl', 'ivo-brandl-2']);
    });

    it('numbers many speakers of one name in turn, past an id another name already took', () => {
      // Kept apart by a never-merge pair, each "Ivo Brandl" is a speaker of its own; the
      // organisation "Ivo Brandl 2" takes the second one's id first.
      const clusters = clusterPeople(
        [person('Ivo Brandl'), person('Ivo Brandl 2', true), person('Ivo Brandl'), person('Ivo Brandl')].map((p, i) => ({ uri: `u${i}`, person: p })),
        { distinct: [['Ivo Brandl', 'Ivo Brandl']] },
      );
      assert.deepEqual(clusters.map((c) => c.id), ['ivo-brandl', 'ivo-brandl-2', 'ivo-brandl-3', 'ivo-brandl-4']);
    });
  });

  describe('the workspace speaker', () => {
    const model = () => workspace({
      a: ['Kastorian Deputy Foreign Minister Aleksander Grubenko said the harbour would reopen.'],
      b: ['Aleksandr Grubenk\u00f3 said on Tuesday that the talks had stalled.'],
    });

    it('lists every statement of the speaker across articles, in article order', () => {
      const m = model();
      assert.deepEqual(m.statementsBySpeaker('aleksander-grubenko').map((r) => [r.uri, r.statement.text]), [
        ['file:///news/a.txt', 'the harbour would reopen'],
        ['file:///news/b.txt', 'the talks had stalled'],
      ]);
    });

    it('counts the speaker’s statements and articles and keeps the roles', () => {
      const s = model().getSpeaker('aleksander-grubenko')!;
      assert.deepEqual([s.statementCount, s.articles.length, s.statementArticles.length, s.roles], [2, 2, 2, ['Kastorian Deputy Foreign Minister']]);
    });

    it('spans the dates of the speaker’s statements', () => {
      const s = model().getSpeaker('aleksander-grubenko')!;
      assert.deepEqual([s.firstDate, s.lastDate], ['2025-05-06', '2025-05-09']);
    });

    it('finds a speaker by a spelling typed without the accent', () => {
      assert.deepEqual(model().findSpeakers('grubenko').map((s) => s.id), ['aleksander-grubenko']);
    });

    it('drops a speaker whose only article is removed', () => {
      const m = workspace({
        a: ['Aleksander Grubenko said the harbour would reopen.'],
        b: ['Port director Ivo Brandl said the cranes were idle.'],
      });
      m.removeArticle('file:///news/b.txt');
      assert.deepEqual(speakerNames(m), ['Aleksander Grubenko']);
    });

    it('makes one organisation of the same organisation name in two articles', () => {
      const m = workspace({
        a: ['The Kastorian Foreign Ministry said in a statement that it regretted the closure.'],
        b: ['The Kastorian Foreign Ministry said the talks would go on.'],
      });
      const ministry = speakerCalled(m, 'Kastorian Foreign Ministry');
      assert.deepEqual([ministry.isOrganization, ministry.statementCount], [true, 2]);
    });
  });
});
