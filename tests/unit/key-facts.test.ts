import { describe, expect, it } from 'vitest';
import { extractKeyFacts, MAX_KEY_FACTS, type KeyFact } from '../../src/core/key-facts';

const pairs = (facts: KeyFact[]) => facts.map((f) => `${f.kind}:${f.text}`);

describe('extractKeyFacts', () => {
  it('finds dates written many ways', () => {
    expect(pairs(extractKeyFacts('Charged on March 3 and on 4th of March 2025, due 3/14, or 14.03.2025, or 2025-03-14.'))).toEqual([
      'date:March 3',
      'date:4th of March 2025',
      'date:3/14',
      'date:14.03.2025',
      'date:2025-03-14',
    ]);
    expect(pairs(extractKeyFacts('Can you call tomorrow at 3pm? Or next Friday, or on Monday morning. I paid 2 weeks ago.'))).toEqual([
      'date:tomorrow at 3pm',
      'date:next Friday',
      'date:Monday morning',
      'date:2 weeks ago',
    ]);
    expect(pairs(extractKeyFacts('Before Christmas Eve, by the 14th, by end of the month.'))).toEqual(['date:Christmas Eve', 'date:the 14th', 'date:end of the month']);
  });

  it('does not take prices, versions or fractions of impossible dates for dates', () => {
    expect(extractKeyFacts('Version 2.5 costs 19.90 and 13/45 is not a date').filter((f) => f.kind === 'date')).toEqual([]);
  });

  it('finds order and reference numbers with their keyword, and normalises the id', () => {
    expect(extractKeyFacts('My order #12345 and ref AB-1234, invoice INV-2024-001, ticket 4471.')).toEqual([
      { kind: 'order', text: 'order #12345', value: '12345' },
      { kind: 'order', text: 'ref AB-1234', value: 'AB-1234' },
      { kind: 'order', text: 'invoice INV-2024-001', value: 'INV-2024-001' },
      { kind: 'order', text: 'ticket 4471', value: '4471' },
    ]);
    expect(pairs(extractKeyFacts('Order number: 88213. Also see #55821 and XY-98765.'))).toEqual(['order:Order number: 88213', 'order:#55821', 'order:XY-98765']);
  });

  it('ignores quantities and short numbers after "order"', () => {
    expect(extractKeyFacts('I want to order 100 units, or order 3 more.')).toEqual([]);
    expect(extractKeyFacts('COVID-19 delayed things')).toEqual([]);
  });

  it('finds amounts with symbols or currency words on either side', () => {
    expect(pairs(extractKeyFacts('It was $49.99, then €20, 20 EUR, 1,299.00 USD, £5 and 15 euros. GBP 30 too.'))).toEqual([
      'amount:$49.99',
      'amount:€20',
      'amount:20 EUR',
      'amount:1,299.00 USD',
      'amount:£5',
      'amount:15 euros',
      'amount:GBP 30',
    ]);
    expect(extractKeyFacts('there is charge for 12.99 i dont recognize').filter((f) => f.kind === 'amount')).toEqual([]);
  });

  it('finds emails, links and phone numbers without double counting their parts', () => {
    expect(pairs(extractKeyFacts('Write to jo.smith@example.co.uk or see https://acme.example.com/orders/55821?x=1. Call +44 20 7946 0958.'))).toEqual([
      'email:jo.smith@example.co.uk',
      'url:https://acme.example.com/orders/55821?x=1',
      'phone:+44 20 7946 0958',
    ]);
    expect(pairs(extractKeyFacts('(555) 123-4567 or 555-123-4567, my number is 07700 900123'))).toEqual(['phone:(555) 123-4567', 'phone:07700 900123']);
  });

  it('does not take a long order id for a phone number', () => {
    expect(pairs(extractKeyFacts('order 1234567890 arrived'))).toEqual(['order:order 1234567890']);
  });

  it('deduplicates by kind and value, keeping the first wording', () => {
    expect(pairs(extractKeyFacts('order #12345, Order #12345 and #12345; JO@example.com and jo@example.com'))).toEqual(['order:order #12345', 'email:JO@example.com']);
  });

  it('is bounded in count and input length', () => {
    const many = Array.from({ length: 40 }, (_, i) => `order #${10000 + i}`).join(', ');
    expect(extractKeyFacts(many)).toHaveLength(MAX_KEY_FACTS);
    expect(extractKeyFacts(many, 3)).toHaveLength(3);
    expect(extractKeyFacts(`${'x '.repeat(5000)} order #99999`)).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(extractKeyFacts('')).toEqual([]);
    expect(extractKeyFacts(undefined)).toEqual([]);
    expect(extractKeyFacts('Hi, how do I change my password?')).toEqual([]);
  });
});
