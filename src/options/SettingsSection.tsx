import { useEffect, useState } from 'preact/hooks';
import { MIN_WAITING_SECONDS, writeSettings } from '../settings';
import { useSettings } from '../panel/use-settings';
import { t } from '../i18n';

/** Why a waiting time cannot be used, or null: the agent is told, never silently corrected. */
export function waitingSecondsProblem(raw: string): string | null {
  const text = raw.trim();
  if (!text) return t('waitingEnterNumber');
  const n = Number(text);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return t('waitingNotWhole', text);
  if (n < MIN_WAITING_SECONDS) return t('waitingTooShort', MIN_WAITING_SECONDS, n);
  if (n > 3600) return t('waitingTooLong', 3600);
  return null;
}

export function SettingsSection() {
  const settings = useSettings();
  const [saved, setSaved] = useState('');
  const [waiting, setWaiting] = useState(String(settings.waitingSeconds));
  const [waitingError, setWaitingError] = useState<string | null>(null);
  useEffect(() => setWaiting(String(settings.waitingSeconds)), [settings.waitingSeconds]);

  const save = async (patch: Parameters<typeof writeSettings>[0]) => {
    try {
      await writeSettings(patch);
      setSaved(t('optionsSaved'));
    } catch (err) {
      setSaved(t('optionsNotSaved', (err as Error).message));
    }
  };
  const saveWaiting = (raw: string) => {
    const problem = waitingSecondsProblem(raw);
    setWaitingError(problem);
    setSaved('');
    if (!problem) void save({ waitingSeconds: Number(raw.trim()) });
  };

  return (
    <section aria-labelledby="settings-title" class="card" id="you">
      <h3 id="settings-title">{t('settingsTitle')}</h3>
      <label class="field">
        {t('settingsAgentName')}
        <input value={settings.agentName} maxLength={80} autocomplete="name" aria-describedby="agent-name-hint" onChange={(e) => save({ agentName: (e.currentTarget as HTMLInputElement).value })} />
        <span id="agent-name-hint" class="hint">{t('settingsAgentNameHint')}</span>
      </label>
      <label class="field">
        {t('settingsWaiting')}
        <input
          type="number"
          inputMode="numeric"
          min={MIN_WAITING_SECONDS}
          value={waiting}
          aria-invalid={waitingError ? 'true' : undefined}
          aria-describedby="waiting-error"
          onInput={(e) => setWaiting((e.currentTarget as HTMLInputElement).value)}
          onChange={(e) => saveWaiting((e.currentTarget as HTMLInputElement).value)}
        />
        <span id="waiting-error" class="field-error" role={waitingError ? 'alert' : undefined}>{waitingError ?? ''}</span>
      </label>
      <label class="field checkbox">
        <input type="checkbox" checked={settings.checkInAfterSolve} onChange={(e) => save({ checkInAfterSolve: (e.currentTarget as HTMLInputElement).checked })} />
        {t('settingsCheckIn')}
      </label>
      <label class="field checkbox">
        <input type="checkbox" checked={settings.resetCard} onChange={(e) => save({ resetCard: (e.currentTarget as HTMLInputElement).checked })} />
        {t('settingsResetCard')}
      </label>
      <p role="status" class="muted small">{saved}</p>
    </section>
  );
}
