import { describe, expect, it } from 'vitest';
import { checkAnswer } from './api-client';

// Every answer the integration tests receive passes its route's response schema (api-client.ts);
// these show the check is live: a body that drifted from the contract fails the test that got it.
describe('the answers integration tests receive are read with their route’s response schema', () => {
  const space = {
    pair: {},
    ended: false,
    joinUrl: null,
    sessions: [],
    agenda: [],
    sharedNotes: [],
    privateNotes: [],
    goals: [],
    activities: null,
    evaluation: { open: false, mine: null },
  };

  it('refuses a drifted body, naming the route and the field', () => {
    const drifted = { value: [{ id: 'p1', name: 'Piloto' }] };
    expect(() => checkAnswer('GET', '/programmes', 200, drifted)).toThrow(
      /GET \/programmes \(list-programmes\).*value\.0\./,
    );
    const agendaWithoutEtag = {
      ...space,
      agenda: [
        {
          id: 'a',
          pairId: 'p',
          authorId: 'x',
          createdAt: '',
          updatedAt: '',
          type: 'agenda',
          sessionIndex: null,
          text: 'Hola',
          done: false,
        },
      ],
    };
    expect(() => checkAnswer('GET', '/pairs/p/space', 200, agendaWithoutEtag)).toThrow(
      /pair-space.*agenda\.0\.etag/,
    );
  });

  it('leaves refusals, empty answers and unknown paths alone', () => {
    expect(() => checkAnswer('GET', '/programmes', 403, { title: 'No' })).not.toThrow();
    expect(() =>
      checkAnswer('POST', '/programmes/p/matching/confirm', 204, undefined),
    ).not.toThrow();
    expect(() => checkAnswer('GET', '/nowhere', 200, { any: 1 })).not.toThrow();
  });
});
