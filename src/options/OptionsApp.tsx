import { MyPhrasesSection, PacksSection } from './PacksSection';
import { DesksSection } from './DesksSection';
import { NotesSection } from './NotesSection';
import { SettingsSection } from './SettingsSection';
import { DraftTipsSection } from './DraftTipsSection';
import { FollowupsSection } from './FollowupsSection';
import { StoriesSection } from './StoriesSection';

/** Two audiences on one page: what an agent sets for themselves, and what a team lead runs for everyone. */
const GROUPS = [
  {
    id: 'for-you',
    title: 'For you',
    links: [['you', 'You and your reminders'], ['draft-tips', 'Draft tips'], ['my-phrases', 'My phrases'], ['follow-ups', 'Follow-ups'], ['stories', 'Stories'], ['notes', 'Notes']],
  },
  {
    id: 'for-leads',
    title: 'For team leads',
    links: [['packs', 'Phrase packs'], ['desks', 'Help desks']],
  },
] as const;

export function OptionsApp() {
  return (
    <div class="options-layout">
      <header class="options-header">
        <h1>Person First settings</h1>
        <p class="muted">The person first, then the problem.</p>
      </header>
      <nav class="options-nav" aria-label="Settings sections">
        {GROUPS.map((g) => (
          <div key={g.id} class="nav-group">
            <a class="nav-group-title" href={`#${g.id}`}>{g.title}</a>
            <ul>
              {g.links.map(([id, label]) => <li key={id}><a href={`#${id}`}>{label}</a></li>)}
            </ul>
          </div>
        ))}
      </nav>
      <main class="options">
        <div class="group" id="for-you" aria-labelledby="for-you-title" role="region">
          <h2 id="for-you-title">For you</h2>
          <SettingsSection />
          <DraftTipsSection />
          <MyPhrasesSection />
          <FollowupsSection />
          <StoriesSection />
          <NotesSection />
        </div>
        <div class="group" id="for-leads" aria-labelledby="for-leads-title" role="region">
          <h2 id="for-leads-title">For team leads</h2>
          <p class="muted">Phrase packs and help desks for the whole team. Agents rarely need these.</p>
          <PacksSection />
          <DesksSection />
        </div>
      </main>
    </div>
  );
}
