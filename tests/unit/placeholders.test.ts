import { describe, expect, it } from 'vitest';
import { KNOWN_PLACEHOLDERS, contactsInWords, fillPlaceholders, placeholdersIn, strayBraces } from '../../src/core/placeholders';

const values = {
  customer: { name: 'Maria Lopez', firstName: 'Maria', email: 'maria@example.com' },
  agent: { name: 'Sam' },
  ticket: { id: '42', subject: 'Refund', contacts: 3 },
};

describe('fillPlaceholders', () => {
  it('fills every known placeholder from the ticket', () => {
    const r = fillPlaceholders(
      '{{customer.firstName}} {{customer.name}} {{customer.email}} {{agent.name}} {{ticket.id}} {{ticket.subject}} {{ticket.contacts}}',
      values,
    );
    expect(r).toEqual({ text: 'Maria Maria Lopez maria@example.com Sam 42 Refund 3 times', missing: [] });
  });

  it('uses the fallback when a value is missing', () => {
    expect(fillPlaceholders('Hi {{customer.firstName|there}}!', {}).text).toBe('Hi there!');
    expect(fillPlaceholders('Hi {{ customer.firstName | there }}!', { customer: { firstName: '  ' } }).text).toBe('Hi there!');
  });

  it('renders contacts so repeat-contact lines read naturally', () => {
    const line = "I'm sorry you've had to reach out {{ticket.contacts|again}} about this.";
    expect(fillPlaceholders(line, { ticket: { contacts: 3 } }).text).toBe("I'm sorry you've had to reach out 3 times about this.");
    expect(fillPlaceholders(line, { ticket: { contacts: 2 } }).text).toBe("I'm sorry you've had to reach out twice about this.");
    expect(fillPlaceholders(line, { ticket: { contacts: 1 } }).text).toBe("I'm sorry you've had to reach out again about this.");
    expect(fillPlaceholders(line, {}).text).toBe("I'm sorry you've had to reach out again about this.");
    expect(contactsInWords(0)).toBeUndefined();
  });

  it('reports a missing value without fallback and never leaves braces', () => {
    const r = fillPlaceholders('Thanks, {{customer.firstName}}.', {});
    expect(r.missing).toEqual([{ key: 'customer.firstName', label: "Customer's first name", kind: 'value' }]);
    expect(r.text).not.toMatch(/[{}]/);
    expect(fillPlaceholders('Thanks, {{customer.firstName}}.', {}, { 'customer.firstName': 'Ana' })).toEqual({ text: 'Thanks, Ana.', missing: [] });
  });

  it('always asks for {{ask:…}}, once per label, and fills it from answers', () => {
    const text = 'Order {{ask:Order number}} ({{ask: order  number }}) ships {{ask:Date|soon}}.';
    const r = fillPlaceholders(text, values);
    expect(r.missing.map((f) => f.key)).toEqual(['ask:order number', 'ask:date']);
    expect(r.missing[0]).toEqual({ key: 'ask:order number', label: 'Order number', kind: 'ask' });
    expect(r.text).toBe('Order [Order number] ([order number]) ships [Date].');
    const filled = fillPlaceholders(text, values, { 'ask:order number': 'A-17', 'ask:date': 'Friday' });
    expect(filled).toEqual({ text: 'Order A-17 (A-17) ships Friday.', missing: [] });
  });

  it('asks for unknown placeholders with a readable label', () => {
    const r = fillPlaceholders('Call {{company.phoneNumber}}', {});
    expect(r.missing).toEqual([{ key: 'company.phoneNumber', label: 'Company phone number', kind: 'value' }]);
  });

  it('inserts values as plain text, once: no re-expansion of braces in values', () => {
    const r = fillPlaceholders('Hi {{customer.firstName}}', { customer: { firstName: '{{agent.name}} <b>x</b>' } });
    expect(r.text).toBe('Hi {{agent.name}} <b>x</b>');
  });

  it('tidies an empty fallback', () => {
    expect(fillPlaceholders('Hi {{customer.firstName|}}, welcome.', {}).text).toBe('Hi, welcome.');
  });

  it('drops the comma an empty name leaves before a full stop, and keeps a French no-break space', () => {
    expect(fillPlaceholders('Gracias por su paciencia, {{customer.firstName|}}.', {}).text).toBe('Gracias por su paciencia.');
    expect(fillPlaceholders('¿Algo más, {{customer.firstName|}}?', {}).text).toBe('¿Algo más?');
    expect(fillPlaceholders('Pour résumer, {{customer.firstName|}}\u00a0:', {}).text).toBe('Pour résumer\u00a0:');
    expect(fillPlaceholders('Bon retour, {{customer.firstName|}}\u00a0!', {}).text).toBe('Bon retour\u00a0!');
    // With the name there, nothing is tidied.
    expect(fillPlaceholders('Gracias, {{customer.firstName|}}.', { customer: { firstName: 'Ana' } }).text).toBe('Gracias, Ana.');
  });

  it('says the contact count in the language of the text, and in no other', () => {
    const count = (contacts: number, locale?: string) => fillPlaceholders('{{ticket.contacts|x}}', { locale, ticket: { contacts } }).text;
    expect([count(2, 'de'), count(3, 'de'), count(2, 'es'), count(4, 'es'), count(2, 'fr'), count(3, 'fr'), count(2, 'pt-BR'), count(5, 'pt-BR')])
      .toEqual(['zweimal', '3-mal', 'dos veces', '4 veces', 'deux fois', '3 fois', 'duas vezes', '5 vezes']);
    expect([count(3), count(3, 'en-GB'), count(2, 'EN')]).toEqual(['3 times', '3 times', 'twice']);
    // A language without its own words uses the phrase's fallback rather than English.
    expect(count(3, 'nl')).toBe('x');
    expect(contactsInWords(3, 'toString')).toBeUndefined();
  });
});

describe('placeholdersIn', () => {
  it('lists known, unknown and ask placeholders with fallbacks', () => {
    const uses = placeholdersIn('{{customer.firstName|there}} {{foo.bar}} {{ask:Order number}} {{ask:}}');
    expect(uses.map((u) => [u.name, u.known, u.fallback])).toEqual([
      ['customer.firstName', true, 'there'],
      ['foo.bar', false, undefined],
      ['ask:Order number', true, undefined],
      ['ask:', false, undefined],
    ]);
    expect(KNOWN_PLACEHOLDERS).toContain('ticket.contacts');
  });

  it('finds stray braces', () => {
    expect(strayBraces('Hi {{customer.firstName}}')).toEqual([]);
    expect(strayBraces('Hi {{customer first}} and }}')).toEqual([3, 19, 26]);
  });
});
