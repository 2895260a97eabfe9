import { PacksSection } from './PacksSection';
import { SettingsSection } from './SettingsSection';

export function OptionsApp() {
  return (
    <main class="options">
      <h1>Person First</h1>
      <SettingsSection />
      <PacksSection />
    </main>
  );
}
