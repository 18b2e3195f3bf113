import * as assert from 'node:assert/strict';
import { sameSurname, surnameSkeleton } from '../../../server/src/workspace/transliteration';

describe('romanisations of one surname (transliteration)', () => {
  it('gives the usual romanisations of one surname one skeleton', () => {
    for (const group of [
      ['qadhouri', 'gaddouri', 'kadhuri', 'qaddouri'],
      ['khodrovsky', 'hodrovsky'],
      ['kowalenko', 'kovalenko'],
      ['dovbytskyi', 'dovbitskiy', 'dovbitski'],
    ]) {
      const skeletons = new Set(group.map(surnameSkeleton));
      assert.equal(skeletons.size, 1, `${group.join(', ')}: ${[...skeletons].join(', ')}`);
      assert.ok(group.every((s) => sameSurname(group[0], s)));
    }
  });

  it('has no skeleton for a short surname, and keeps different surnames apart', () => {
    assert.equal(surnameSkeleton('khan'), undefined);
    assert.equal(sameSurname('kahn', 'khan'), false);
    assert.equal(sameSurname('lindqvist', 'lindgren'), false);
    assert.equal(sameSurname('harrison', 'morrison'), false);
  });
});
