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
  /** The reply box to insert into: the visible one where the desk has several. */
  editor(doc: Document): HTMLElement | null;
  /** Every reply box on the page, shown or not, in the desk's order; insertion takes the first usable one. */
  editors?(doc: Document): HTMLElement[];
  /** The composer holding `el` in the desk's words ('reply', 'internal note'); undefined when it is no composer of the desk's. */
  composerOf?(el: Element, doc: Document): string | undefined;
  /** The control an agent clicks to open a closed reply box (FreeScout's Reply, osTicket's Post Reply tab). */
  opener?(doc: Document): HTMLElement | null;
  /** The element whose subtree is the desk's own composer: mutations inside it are ignored. */
  composerSelector?: string;
}
