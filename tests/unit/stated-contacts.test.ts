import { describe, expect, it } from 'vitest';
import type { Cue } from '../../src/core/cues';
import { statedContacts } from '../../src/core/stated-contacts';
import { contactsOf } from '../../src/core/ticket-facts';
import { cuePhrasePlan } from '../../src/panel/coaching/cue-phrases';

describe('statedContacts', () => {
  it.each([
    ['This is the third time I write about this. Where is my money?', 3],
    ['3rd email about the same order!!', 3],
    ['Second request: please cancel my plan.', 2],
    ["I've written to you 4 times now", 4],
    ['I have contacted support five times and nobody answers', 5],
    ['I called twice... I mean I have called you three times', 3],
  ])('reads %j as %i contacts', (message, n) => {
    expect(statedContacts(message)).toBe(n);
  });

  it.each([
    'The new price is three times the old one.',
    'Thanks, it works the second you restart it.',
    'Can you help me with my order?',
    'I tried 100 times',
    '',
  ])('finds no stated count in %j', (message) => {
    expect(statedContacts(message)).toBeUndefined();
  });
});

describe('the repeat-contact phrases', () => {
  it('lead the list when the customer says it is not the first time, even on their first message here', () => {
    const frustrated: Cue[] = [{ kind: 'frustration', reason: 'Not the first time: "third time"', raise: ['empathize'] }];
    expect(cuePhrasePlan(frustrated, { contacts: contactsOf({ customerMessages: 1, lastCustomerMessage: 'This is the third time I write about this.' }) }).preferTags).toContain('repeat');
    expect(cuePhrasePlan(frustrated, { contacts: contactsOf({ customerMessages: 1, lastCustomerMessage: 'Where is my refund?!' }) }).preferTags).not.toContain('repeat');
  });
});
