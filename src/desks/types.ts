import type { TicketContext } from '../core/ticket';

export interface DeskAdapter {
  id: string;
  name: string;
  /** Manifest-style match patterns for the pages this desk lives on. */
  matches: string[];
  /** Cheap: from the URL alone. */
  ticketIdFrom(url: URL): string | null;
  /** DOM read, bounded work. Returns null when the page shows no ticket. */
  read(doc: Document, url: URL): TicketContext | null;
  /** The reply box to insert into. */
  editor(doc: Document): HTMLElement | null;
  /** The element whose subtree is the desk's own composer: mutations inside it are ignored. */
  composerSelector?: string;
}
