import * as assert from 'node:assert/strict';
import { findNameRuns, isTitleWord, nameWords, surnameOf } from '../../server/src/analysis/names';
import { tokenize } from '../../server/src/analysis/tokens';

/** The capitalised runs of a text as role, name and flags. */
function runs(text: string, isBreak: (index: number) => boolean = () => false) {
  return findNameRuns(text, tokenize(text), isBreak).map((r) => ({
    role: r.role,
    name: r.name,
    possessive: r.possessive,
    organization: r.organization,
  }));
}

const person = (role: string, name: string) => ({ role, name, possessive: false, organization: false });

describe('names', () => {
  describe('findNameRuns', () => {
    it('splits a run into its title and the name', () => {
      assert.deepEqual(runs('Kastorian Deputy Foreign Minister Alexei Grubin said'), [person('Kastorian Deputy Foreign Minister', 'Alexei Grubin')]);
    });

    it('keeps the full stop of "Gen." in the title and out of the name', () => {
      assert.deepEqual(runs('Gen. Hugo Brandt left'), [person('Gen.', 'Hugo Brandt')]);
    });

    it('reads "Mr." as a title', () => {
      assert.deepEqual(runs('Mr. Otto Kern arrived'), [person('Mr.', 'Otto Kern')]);
    });

    it('reads the abbreviated titles of US news as titles: "Gov.", "Lt. Gov.", "Sen.", "Atty. Gen."', () => {
      assert.deepEqual(runs('Gov. Marla Quentin said'), [person('Gov.', 'Marla Quentin')]);
      assert.deepEqual(runs('Former Delmont Gov. Ed Rosslyn said'), [person('Former Delmont Gov.', 'Ed Rosslyn')]);
      assert.deepEqual(runs('Lt. Gov. Paul Hume said'), [person('Lt. Gov.', 'Paul Hume')]);
      assert.deepEqual(runs('Sen. Dale Ormsby said'), [person('Sen.', 'Dale Ormsby')]);
      assert.deepEqual(runs('Atty. Gen. Rosa Lind said'), [person('Atty. Gen.', 'Rosa Lind')]);
    });

    it('keeps a middle initial in the name', () => {
      assert.deepEqual(runs('J. Robert Hale spoke'), [person('', 'J. Robert Hale')]);
    });

    it('keeps the complement of a title in the title: "Secretary of State"', () => {
      assert.deepEqual(runs('Secretary of State Maria Kovac arrived'), [person('Secretary of State', 'Maria Kovac')]);
    });

    it('keeps an organisation after a title in the role: "Head of the … Delegation"', () => {
      assert.deepEqual(runs('Head of the Kastorian Delegation Konstantin Orlevsky said'), [person('Head of the Kastorian Delegation', 'Konstantin Orlevsky')]);
    });

    it('keeps lower-case particles inside a name: "van der"', () => {
      assert.deepEqual(runs('Pieter van der Berg said'), [person('', 'Pieter van der Berg')]);
    });

    it('keeps the particle "de" inside a name', () => {
      assert.deepEqual(runs('Foreign Minister Ana de Souza said'), [person('Foreign Minister', 'Ana de Souza')]);
    });

    it('keeps "bin" inside a name after a title', () => {
      assert.deepEqual(runs('Sheikh Ahmad bin Khalid said'), [person('Sheikh', 'Ahmad bin Khalid')]);
    });

    it('reads a lower-case "al-" name as part of the name', () => {
      assert.deepEqual(runs('Adviser Omar al-Rashid said'), [person('Adviser', 'Omar al-Rashid')]);
    });

    it('keeps hyphenated first names and surnames whole', () => {
      assert.deepEqual(runs('Deputy Minister Jean-Luc Morel-Vasseur said'), [person('Deputy Minister', 'Jean-Luc Morel-Vasseur')]);
    });

    it('reads a hyphenated title as a title', () => {
      assert.deepEqual(runs('Co-founder Ada Lind said'), [person('Co-founder', 'Ada Lind')]);
    });

    it('ends a run at a possessive and drops the possessive from the name', () => {
      assert.deepEqual(runs("Ivo Brandl's plan failed"), [{ role: '', name: 'Ivo Brandl', possessive: true, organization: false }]);
    });

    it('marks a run holding an organisation word as an organisation', () => {
      assert.deepEqual(runs('the Ministry of Foreign Affairs said'), [{ role: '', name: 'Ministry of Foreign Affairs', possessive: false, organization: true }]);
    });

    it('marks a short all-capitals word as an organisation', () => {
      assert.deepEqual(runs('NATO said'), [{ role: '', name: 'NATO', possessive: false, organization: true }]);
    });

    const body = (name: string) => ({ role: '', name, possessive: false, organization: true });

    it('keeps "and" inside a body\'s complement in the name: "Ministry of Industry and Trade"', () => {
      assert.deepEqual(runs('the Ministry of Industry and Trade said'), [body('Ministry of Industry and Trade')]);
      assert.deepEqual(runs('The Ministry of Mining and Information Technology on Monday announced')[0], body('Ministry of Mining and Information Technology'));
      assert.deepEqual(runs('the Department of Health and Human Services said')[0], body('Department of Health and Human Services'));
    });

    it('reads a title written after the name ("Rachel Moorby MP") as the role', () => {
      assert.deepEqual(runs('Its chair, Rachel Moorby MP, said'), [person('MP', 'Rachel Moorby')]);
      assert.deepEqual(runs('Labour MP Rachel Moorby said'), [person('Labour MP', 'Rachel Moorby')]);
    });

    it('keeps two bodies, or a body and people, joined by "and" apart', () => {
      assert.deepEqual(runs('the Bank of Norland and Bank of Vestria said').map((r) => r.name), ['Bank of Norland', 'Bank of Vestria']);
      assert.deepEqual(runs('the Ministry of Defence and NATO said').map((r) => r.name), ['Ministry of Defence', 'NATO']);
      assert.deepEqual(runs('the Ministry of Defence and Kastorian officials said').map((r) => r.name), ['Ministry of Defence', 'Kastorian']);
      assert.deepEqual(runs('the Ministry of Defence and Foreign Minister Ivo Brandl said').map((r) => r.name), ['Ministry of Defence', 'Ivo Brandl']);
      assert.deepEqual(runs('Secretary of State Ana Kovac and Defense Secretary Lev Marn said').map((r) => r.name), ['Ana Kovac', 'Lev Marn']);
    });

    it('does not start a run at a capitalised sentence opener', () => {
      assert.deepEqual(runs('Yesterday Ivo Kral said. But Kral left.').map((r) => r.name), ['Ivo Kral', 'Kral']);
    });

    it('starts a run at a name spelt like a sentence opener but for a letter ("Tie", "Bat")', () => {
      // Same length, first and last letters as "The" and "But": the quick check by those must not turn them away.
      assert.deepEqual(runs('Yesterday Tie Kral said. But Bat Kral left.').map((r) => r.name), ['Tie Kral', 'Bat Kral']);
    });

    it('does not start a run at a capitalised speech verb', () => {
      assert.deepEqual(runs('Said Ivo Kral').map((r) => r.name), ['Ivo Kral']);
    });

    it('does not run across a paragraph break', () => {
      const text = 'Ivo\nKral';
      assert.deepEqual(runs(text, (index) => index === 1).map((r) => r.name), ['Ivo', 'Kral']);
    });
  });

  describe('nameWords and surnameOf', () => {
    it('leaves initials out of the name words', () => {
      assert.deepEqual(nameWords('Joe R. Biden'), ['Joe', 'Biden']);
    });

    it('takes the last word for the surname', () => {
      assert.equal(surnameOf('Joe R. Biden'), 'Biden');
    });

    it('takes the word after the particles for the surname', () => {
      assert.equal(surnameOf('Pieter van der Berg'), 'Berg');
    });
  });

  describe('isTitleWord', () => {
    it('knows titles, with or without a full stop or a plural', () => {
      assert.deepEqual(['minister', 'gen.', 'ministers'].map(isTitleWord), [true, true, true]);
    });

    it('knows a hyphenated title by one of its parts', () => {
      assert.equal(isTitleWord('co-founder'), true);
    });

    it('does not take an ordinary word for a title', () => {
      assert.equal(isTitleWord('harbour'), false);
    });
  });
});
