import { t } from '../i18n';
interface Props {
  firstName?: string;
  phrase?: { label: string; onInsert(): void };
  onDismiss(): void;
}

/** The gentle person-first reminder: a status message, never a blocker. Fits the prompt slot. */
export function Nudge({ firstName, phrase, onDismiss }: Props) {
  return (
    <div role="status" class="prompt nudge">
      <p>{firstName ? t('nudgeLead', firstName) : t('nudgeLeadNoName')}</p>
      <div class="row">
        {phrase && (
          <button type="button" class="phrase" title={phrase.label} onClick={phrase.onInsert}>
            {phrase.label}
          </button>
        )}
        <button type="button" class="quiet" onClick={onDismiss}>{t('nudgeNotNow')}</button>
      </div>
    </div>
  );
}
