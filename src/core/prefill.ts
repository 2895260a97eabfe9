// A phrase that asks for a value the ticket already shows ("Refund for order #1042") starts with it
// filled in; the agent still sees it and can change it before inserting.
import type { AskField } from './placeholders';
import { firstFound, type TicketFacts } from './ticket-facts';

// Labels are the pack author's words ("Order number", "Booking ref"): only clear ones are filled,
// and never the agent's own plans ("When", "Days"), which the ticket cannot know.
// The built-in packs ask in their own language too: German compounds ("Bestellnummer") match by stem.
const ORDER_LABEL =
  /\b(?:order|reference|ref|booking|invoice|tracking|confirmation|case|bestell\w*|auftrags?\w*|buchung\w*|rechnung\w*|referenz\w*|pedido|referencia|reserva|factura|commande|r[ée]f[ée]rence|r[ée]servation|facture|refer[êe]ncia|fatura)\b/i;
const AMOUNT_LABEL = /\b(?:amount|price|sum|total|charge|how much|betrag|preis|summe|importe|precio|monto|montant|prix|valor)\b/i;
const DATE_LABEL = /\b(?:date|datum|fecha|data)\b/i;

/** Answers the ticket's facts give for these fields, by field key. */
export function prefillAnswers(fields: readonly AskField[], facts: Pick<TicketFacts, 'found'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const value = ORDER_LABEL.test(f.label)
      ? firstFound(facts, 'order')
      : AMOUNT_LABEL.test(f.label)
        ? firstFound(facts, 'amount')
        : DATE_LABEL.test(f.label)
          ? firstFound(facts, 'date')
          : undefined;
    if (value !== undefined) out[f.key] = value;
  }
  return out;
}
