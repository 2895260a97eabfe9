// A customer who says "this is the third time" has usually written before, in other tickets or by
// phone, where this ticket cannot show it. Naming their situation means using what they say when it
// is more than the ticket counts: "you've had to write 3 times", not "twice".

const WORDS: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const NUMBER = String.raw`(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)`;
const ORDINAL = String.raw`(\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)`;

/** "third time I write", "3rd email", "second request". */
const ORDINAL_CONTACT = new RegExp(String.raw`\b${ORDINAL}\s+(?:time|attempt|email|e-mail|message|request|call|ticket)\b`, 'i');
/** "I've written 3 times", "contacted you four times": a count only after a verb of contact. */
const COUNTED_CONTACT = new RegExp(String.raw`\b(?:written|wrote|writing|contacted|called|phoned|emailed|e-mailed|messaged|asked|reached out|chased|tried)\b[^.!?\n]{0,30}?\b${NUMBER}\s+times\b`, 'i');

function toNumber(raw: string): number | undefined {
  const n = WORDS[raw.toLowerCase()] ?? Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 2 && n <= 99 ? n : undefined;
}

/** What the customer said about how often they got in touch: the count, and their words for it. */
export interface StatedContacts {
  count: number;
  /** The words that said it, as written: "third time", "written to you 4 times". */
  quote: string;
}

/** How many times the message says the customer has been in touch (counting this time), with their words. */
export function findStatedContacts(message: string | undefined): StatedContacts | undefined {
  if (!message) return undefined;
  const ordinal = ORDINAL_CONTACT.exec(message);
  if (ordinal) {
    const count = toNumber(ordinal[1]!);
    return count === undefined ? undefined : { count, quote: ordinal[0] };
  }
  const counted = COUNTED_CONTACT.exec(message);
  const count = counted ? toNumber(counted[1]!) : undefined;
  return count === undefined ? undefined : { count, quote: counted![0] };
}

/** How many times the message says the customer has been in touch, counting this time. */
export function statedContacts(message: string | undefined): number | undefined {
  return findStatedContacts(message)?.count;
}
