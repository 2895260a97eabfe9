import { PacksSection } from './PacksSection';
import { DesksSection } from './DesksSection';
import { NotesSection } from './NotesSection';
import { SettingsSection } from './SettingsSection';
import { DraftTipsSection } from './DraftTipsSection';
import { FollowupsSection } from './FollowupsSection';
import { StoriesSection } from './StoriesSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>Person First</h1>
      <SettingsSection />
      <DraftTipsSection />
      <FollowupsSection />
      <StoriesSection />
      <PacksSection />
      <NotesSection />
      <DesksSection />
    </main>
  );
}
