import { sendToTab, type InsertOutcome } from '../messaging';
import { t, type MessageKey } from '../i18n';

/** `into`: the composer that got the text, in the desk's words; `closed`: the desk's reply box is closed. */
export type DeliveryResult =
  | { kind: 'inserted'; method: string; into?: string }
  | { kind: 'copied'; reason: string; closed?: boolean }
  | { kind: 'failed'; reason: string; closed?: boolean };

/** Puts text into the desk's reply box through the content script; falls back to the clipboard. */
export async function deliverText(tabId: number, text: string): Promise<DeliveryResult> {
  let outcome: InsertOutcome;
  try {
    outcome = await sendToTab<InsertOutcome>(tabId, { type: 'editor/insert', text });
  } catch {
    outcome = { ok: false, reason: t('deliveryNoAnswer') };
  }
  if (outcome?.ok) return { kind: 'inserted', method: outcome.method, into: outcome.into };
  const reason = outcome?.reason ?? t('deliveryNotAccepted');
  const closed = !!outcome && !outcome.ok && !!outcome.closed;
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied', reason, closed };
  } catch {
    return { kind: 'failed', reason, closed };
  }
}

/** The desks name their composers in English ('reply', 'internal note'); the known ones get the UI's words. */
const COMPOSERS: Readonly<Record<string, MessageKey>> = { reply: 'deliveryInsertedReply', 'internal note': 'deliveryInsertedNote', forward: 'deliveryInsertedForward' };
const insertedInto = (into: string) => (Object.hasOwn(COMPOSERS, into) ? t(COMPOSERS[into]!) : t('deliveryInsertedInto', into));

export function describeDelivery(r: DeliveryResult): string {
  switch (r.kind) {
    case 'inserted': return r.into ? insertedInto(r.into) : t('deliveryInserted');
    case 'copied': return r.closed
      ? t('deliveryCopiedClosed')
      : t('deliveryCopied', r.reason);
    case 'failed': return r.closed ? t('deliveryFailedClosed') : t('deliveryFailed', r.reason);
  }
}
