// Whether the agent can see and use an element. Insertion only ever targets an editor that passes
// (osTicket keeps its reply editor on the page, hidden, while the internal note is open).

/** Rendered and not visibility:hidden, and so is the same-origin frame it sits in. Chrome's
 *  checkVisibility sees `display: none` and `hidden` anywhere up the tree, which a size check would
 *  miss for a zero-height editor and a layout read would force for nothing. */
export function isShown(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.ownerDocument.defaultView?.frameElement ?? null) {
    // Chrome has had checkVisibility since 105; the `hidden` check serves DOMs without it (jsdom).
    if (!e.isConnected || !(e.checkVisibility ? e.checkVisibility({ visibilityProperty: true }) : !e.closest('[hidden]'))) return false;
  }
  return true;
}

/** Shown and not switched off: inert or aria-disabled somewhere above it. */
export const isUsable = (el: Element): boolean => isShown(el) && !el.closest('[inert], [aria-disabled="true"]');
