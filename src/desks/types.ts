import type { DeskSelectorOverride } from '../core/pack/types';
import type { TicketContext } from '../core/ticket';
import type { DeskSpec } from './common';

/** The parts of the page one ticket's read depends on, found by a full read. A watcher uses them to
 *  tell a growing conversation (read the log only) from a change that needs a full read, and from
 *  changes elsewhere that cannot change the ticket. */
export interface Regions {
  /** The ticket's own container; null when the desk shows one ticket on the whole page. */
  root: Element | null;
  /** The elements the header fields (subject, customer, channel, the ticket-id marker) came from. */
  header: readonly Element[];
  /** The element around the conversation's messages; null when there are none yet. */
  log: Element | null;
}

export interface DeskAdapter {
  id: string;
  name: string;
  /** Manifest-style match patterns for the pages this desk lives on. */
  matches: string[];
  /** Cheap: from the URL alone. */
  ticketIdFrom(url: URL): string | null;
  /** DOM read, bounded work. Returns null when the page shows no ticket. With `prev` (this ticket's
   *  last read), only the conversation is read and the header fields are taken from `prev`. */
  read(doc: Document, url: URL, prev?: TicketContext | null): TicketContext | null;
  /** What the ticket's read depends on; without it every change to the page may change the ticket. */
  regions?(doc: Document, url: URL): Regions | null;
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
  /** The selectors it reads with, for "Test on the open tab" (desks built on the shared engine). */
  spec?: DeskSpec;
  /** The same desk reading with a pack's selector fixes in place of its own (src/core/pack/types.ts DeskOverride). */
  withSelectors?(o: DeskSelectorOverride): DeskAdapter;
}
