import { useEffect, useState } from 'preact/hooks';
import { MIN_WAITING_SECONDS, writeSettings } from '../settings';
import { useSettings } from '../panel/use-settings';

/** Why a waiting time cannot be used, or null: the agent is told, never silently corrected. */
export function waitingSecondsProblem(raw: string): string | null {
  const text = raw.trim();
  if (!text) return 'Enter a number of seconds.';
  const n = Number(text);
  if (!Number.isFinite(n) || !Number.isInteger(n)) return `“${text}” is not a whole number of seconds.`;
  if (n < MIN_WAITING_SECONDS) return `Use ${MIN_WAITING_SECONDS} seconds or more; ${n} would remind you almost at once. Not saved.`;
  if (n > 3600) return 'Use at most 3600 seconds (an hour). Not saved.';
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
      setSaved('Saved.');
    } catch (err) {
      setSaved(`Not saved: ${(err as Error).message}`);
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
      <h3 id="settings-title">You</h3>
      <label class="field">
        Your name, as customers see it
        <input value={settings.agentName} maxLength={80} autocomplete="name" aria-describedby="agent-name-hint" onChange={(e) => save({ agentName: (e.currentTarget as HTMLInputElement).value })} />
        <span id="agent-name-hint" class="hint">Phrases that sign with your name use it.</span>
      </label>
      <label class="field">
        Remind me a chat customer is waiting after (seconds)
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
        After I solve a ticket, offer a “check in when there is no problem” reminder
      </label>
      <label class="field checkbox">
        <input type="checkbox" checked={settings.resetCard} onChange={(e) => save({ resetCard: (e.currentTarget as HTMLInputElement).checked })} />
        Before each new ticket, show a one-line reset to start fresh
      </label>
      <p role="status" class="muted small">{saved}</p>
    </section>
  );
}
