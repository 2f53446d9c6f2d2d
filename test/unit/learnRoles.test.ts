import * as assert from 'node:assert/strict';
import { learnRoles } from '../../src/core/knowledge/learnRoles';
import type { EntityMention } from '../../src/core/types';

/** Person mentions for each name as it first appears in the text, named as written. */
function people(text: string, ...names: string[]): EntityMention[] {
  return names.map((name) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, type: 'person', name };
  });
}

function rolesOf(text: string, ...names: string[]): string[] {
  return learnRoles(text, people(text, ...names)).map((role) => `${role.name}: ${role.role}`);
}

suite('learnRoles', () => {
  test('takes a title with its possessive country before a name', () => {
    const text =
      'Talks resumed. Russia’s Deputy Foreign Minister Grigory Karasin urged the sides to act.';
    assert.deepEqual(rolesOf(text, 'Grigory Karasin'), [
      'Grigory Karasin: Russia’s Deputy Foreign Minister',
    ]);
  });

  test('takes a lower-case role and an apposition after the name', () => {
    const text =
      'The spokesman John Kirby agreed with Sergei Lavrov, Russia’s foreign minister, on Monday.';
    assert.deepEqual(rolesOf(text, 'John Kirby', 'Sergei Lavrov'), [
      'John Kirby: spokesman',
      'Sergei Lavrov: Russia’s foreign minister',
    ]);
  });

  test('shares a plural title out over a list of names', () => {
    const text =
      'Karasin touched on the summit between the presidents of Armenia and Azerbaijan, Serzh Sarkisian and Ilham Aliyev, in Geneva, and on a meeting of Armenian and Azerbaijani foreign ministers Edward Nalbandian and Elmar Mammadyarov.';
    assert.deepEqual(
      rolesOf(text, 'Serzh Sarkisian', 'Ilham Aliyev', 'Edward Nalbandian', 'Elmar Mammadyarov'),
      [
        'Serzh Sarkisian: president of Armenia',
        'Ilham Aliyev: president of Azerbaijan',
        'Edward Nalbandian: Armenian foreign minister',
        'Elmar Mammadyarov: Azerbaijani foreign minister',
      ],
    );
  });

  test('learns nothing from honorifics, verbs or plain sentences', () => {
    const text = 'Mr John Smith said that Mary Jones, who left early, was right.';
    assert.deepEqual(rolesOf(text, 'John Smith', 'Mary Jones'), []);
  });

  test('with names, gives those people the roles the whole reading gives them', () => {
    const text =
      'Karasin touched on the summit between the presidents of Armenia and Azerbaijan, Serzh Sarkisian and Ilham Aliyev, in Geneva. The spokesman John Kirby agreed with Sergei Lavrov, Russia’s foreign minister, on Monday.';
    const mentions = people(text, 'Serzh Sarkisian', 'Ilham Aliyev', 'John Kirby', 'Sergei Lavrov');
    const all = learnRoles(text, mentions);
    for (const name of ['Serzh Sarkisian', 'Ilham Aliyev', 'John Kirby', 'Sergei Lavrov']) {
      const only = learnRoles(text, mentions, new Set([name])).filter((role) => role.name === name);
      assert.deepEqual(
        only,
        all.filter((role) => role.name === name),
        name,
      );
      assert.ok(only.length > 0, `${name} has a role`);
    }
  });
});
