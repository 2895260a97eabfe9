import { MyPhrasesSection, PacksSection } from './PacksSection';
import { DesksSection } from './DesksSection';
import { NotesSection } from './NotesSection';
import { SettingsSection } from './SettingsSection';
import { DraftTipsSection } from './DraftTipsSection';
import { FollowupsSection } from './FollowupsSection';
import { StoriesSection } from './StoriesSection';
import { t, type MessageKey } from '../i18n';

/** Two audiences on one page: what an agent sets for themselves, and what a team lead runs for everyone. */
const GROUPS = [
  {
    id: 'for-you',
    title: 'optionsForYou',
    links: [['you', 'optionsNavYou'], ['draft-tips', 'sectionDraftTips'], ['my-phrases', 'myPhrasesTitle'], ['follow-ups', 'sectionFollowups'], ['stories', 'storiesTitle'], ['notes', 'notesTitle']],
  },
  {
    id: 'for-leads',
    title: 'optionsForLeads',
    links: [['packs', 'packsTitle'], ['desks', 'desksTitle']],
  },
] as const satisfies readonly { id: string; title: MessageKey; links: readonly (readonly [string, MessageKey])[] }[];

export function OptionsApp() {
  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('optionsTagline')}</p>
      </header>
      <nav class="options-nav" aria-label={t('optionsNavLabel')}>
        {GROUPS.map((g) => (
          <div key={g.id} class="nav-group">
            <a class="nav-group-title" href={`#${g.id}`}>{t(g.title)}</a>
            <ul>
              {g.links.map(([id, label]) => <li key={id}><a href={`#${id}`}>{t(label)}</a></li>)}
            </ul>
          </div>
        ))}
      </nav>
      <main class="options">
        <div class="group" id="for-you" aria-labelledby="for-you-title" role="region">
          <h2 id="for-you-title">{t('optionsForYou')}</h2>
          <SettingsSection />
          <DraftTipsSection />
          <MyPhrasesSection />
          <FollowupsSection />
          <StoriesSection />
          <NotesSection />
        </div>
        <div class="group" id="for-leads" aria-labelledby="for-leads-title" role="region">
          <h2 id="for-leads-title">{t('optionsForLeads')}</h2>
          <p class="muted">{t('optionsForLeadsIntro')}</p>
          <PacksSection />
          <DesksSection />
        </div>
      </main>
    </div>
  );
}
