import { sendToTab, type InsertOutcome } from '../messaging';

export type DeliveryResult = { kind: 'inserted'; method: string } | { kind: 'copied'; reason: string } | { kind: 'failed'; reason: string };

/** Puts text into the desk's reply box through the content script; falls back to the clipboard. */
export async function deliverText(tabId: number, text: string): Promise<DeliveryResult> {
  let outcome: InsertOutcome;
  try {
    outcome = await sendToTab<InsertOutcome>(tabId, { type: 'editor/insert', text });
  } catch {
    outcome = { ok: false, reason: 'The desk tab did not answer (reload it if the extension was just updated).' };
  }
  if (outcome?.ok) return { kind: 'inserted', method: outcome.method };
  const reason = outcome?.reason ?? 'The reply box did not accept the text.';
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied', reason };
  } catch {
    return { kind: 'failed', reason };
  }
}

export function describeDelivery(r: DeliveryResult): string {
  switch (r.kind) {
    case 'inserted': return 'Inserted into the reply.';
    case 'copied': return `Copied to the clipboard instead: paste it with Ctrl+V. (${r.reason})`;
    case 'failed': return `Could not insert or copy the text. ${r.reason}`;
  }
}
