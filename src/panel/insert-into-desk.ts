import { sendToTab, type InsertOutcome } from '../messaging';

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
    outcome = { ok: false, reason: 'The desk tab did not answer (reload it if the extension was just updated).' };
  }
  if (outcome?.ok) return { kind: 'inserted', method: outcome.method, into: outcome.into };
  const reason = outcome?.reason ?? 'The reply box did not accept the text.';
  const closed = !!outcome && !outcome.ok && !!outcome.closed;
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied', reason, closed };
  } catch {
    return { kind: 'failed', reason, closed };
  }
}

export function describeDelivery(r: DeliveryResult): string {
  switch (r.kind) {
    case 'inserted': return r.into ? `Inserted into the ${r.into}.` : 'Inserted where you were typing.';
    case 'copied': return r.closed
      ? 'The reply box is closed, so the text is on your clipboard: open the reply and paste it with Ctrl+V.'
      : `Copied to the clipboard instead: paste it with Ctrl+V. (${r.reason})`;
    case 'failed': return r.closed ? 'The reply box is closed: open the reply, then pick the phrase again.' : `Could not insert or copy the text. ${r.reason}`;
  }
}
