import { PacksSection } from './PacksSection';
import { DesksSection } from './DesksSection';
import { NotesSection } from './NotesSection';
import { SettingsSection } from './SettingsSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>Person First</h1>
      <SettingsSection />
      <PacksSection />
      <NotesSection />
      <DesksSection />
    </main>
  );
}
