import { DESK_NAMES } from '../desks/names';
import { lazyPart } from './lazy-part';
import { EmptyState } from './EmptyState';
import { SectionBoundary } from './SectionBoundary';
import { TicketCard } from './TicketCard';
import { TicketWorkspace } from './TicketWorkspace';
import { useDeskName } from './use-desk-name';
import { useFollowedTicket } from './use-followed-ticket';
import { useWindowId } from './use-window-id';
import { t } from '../i18n';

const FollowUpList = lazyPart(() => import('./coaching/FollowUpList').then((m) => m.FollowUpList));

/**
 * `writable`: the write queue is open (storage/write-queue.ts). Before that the panel shows the
 * ticket but is inert: a click it accepted could not be committed inside the click.
 */
export function App({ writable = true }: { writable?: boolean }) {
  const windowId = useWindowId();
  const { loaded, shown } = useFollowedTicket(windowId);
  const deskName = useDeskName(shown?.ticket?.desk);
  if (!loaded || windowId === null) return <main class="panel" aria-busy="true" />;
  const ticket = shown?.ticket;
  const followUps = <SectionBoundary name={t('sectionFollowups')}><FollowUpList /></SectionBoundary>;
  if (!shown || !ticket) return <main class="panel" inert={!writable}><EmptyState desks={Object.values(DESK_NAMES)} />{followUps}</main>;
  const openTab = () => void chrome.runtime.sendMessage({ type: 'panel/open-desk-tab', tabId: shown.tabId });
  return (
    <main class="panel" inert={!writable}>
      {/* Keyed by ticket: a switch unmounts the old ticket's state, flushing its note first. */}
      <SectionBoundary name={t('sectionTicketWorkspace')} resetKey={ticket.key}>
        <TicketWorkspace key={ticket.key} shown={shown} ticket={ticket} windowId={windowId} after={followUps}>
          <SectionBoundary name={t('sectionTicketCard')} resetKey={ticket.key}>
            <TicketCard shown={{ ...shown, ticket }} deskName={deskName} onOpenTab={openTab} />
          </SectionBoundary>
        </TicketWorkspace>
      </SectionBoundary>
    </main>
  );
}
