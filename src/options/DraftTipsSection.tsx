// Draft tips the agent can turn off everywhere (each can also be dismissed per ticket in the panel).
import { useState } from 'preact/hooks';
import { TIP_PRIORITY, type TipId } from '../core/draft-check';
import { t } from '../i18n';
import { tipLabel } from '../ui-words';
import { writeSettings } from '../settings';
import { useSettings } from '../panel/use-settings';

/** The disabled list with `id` switched on or off; unknown ids from older versions are kept. */
export function toggledTips(disabled: readonly string[], id: TipId, on: boolean): string[] {
  const rest = disabled.filter((t) => t !== id);
  return on ? rest : [...rest, id];
}

export function DraftTipsSection() {
  const settings = useSettings();
  const [status, setStatus] = useState('');
  const toggle = async (id: TipId, on: boolean) => {
    try {
      await writeSettings({ disabledTips: toggledTips(settings.disabledTips, id, on) });
      setStatus(t('optionsSaved'));
    } catch (err) {
      setStatus(t('optionsNotSaved', (err as Error).message));
    }
  };
  return (
    <section class="card" aria-labelledby="draft-tips-title" id="draft-tips">
      <h3 id="draft-tips-title">{t('sectionDraftTips')}</h3>
      <p class="small muted">{t('draftTipsIntro')}</p>
      <fieldset class="draft-tip-toggles">
        <legend class="small muted">{t('draftTipsLegend')}</legend>
        {TIP_PRIORITY.map((id) => (
          <label key={id} class="field checkbox">
            <input type="checkbox" checked={!settings.disabledTips.includes(id)} onChange={(e) => void toggle(id, e.currentTarget.checked)} />
            {tipLabel(id)}
          </label>
        ))}
      </fieldset>
      <p role="status" class="muted small">{status}</p>
    </section>
  );
}
