import { useState } from 'preact/hooks';
import { writeSettings } from '../settings';
import { useSettings } from '../panel/use-settings';

export function SettingsSection() {
  const settings = useSettings();
  const [saved, setSaved] = useState('');
  const save = async (patch: Parameters<typeof writeSettings>[0]) => {
    await writeSettings(patch);
    setSaved('Saved.');
  };
  return (
    <section aria-labelledby="settings-title" class="card">
      <h2 id="settings-title">You</h2>
      <label class="field">
        Your name (used for {'{{agent.name}}'} in phrases)
        <input value={settings.agentName} maxLength={80} onChange={(e) => save({ agentName: (e.currentTarget as HTMLInputElement).value })} />
      </label>
      <label class="field">
        Chat waiting reminder after (seconds)
        <input type="number" min={10} value={settings.waitingSeconds} onChange={(e) => save({ waitingSeconds: Number((e.currentTarget as HTMLInputElement).value) })} />
      </label>
      <label class="field checkbox">
        <input type="checkbox" checked={settings.checkInAfterSolve} onChange={(e) => save({ checkInAfterSolve: (e.currentTarget as HTMLInputElement).checked })} />
        Offer a “check in when there is no problem” reminder after solving a ticket
      </label>
      <p role="status" class="muted small">{saved}</p>
    </section>
  );
}
