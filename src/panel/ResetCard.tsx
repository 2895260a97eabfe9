import { t } from '../i18n';
interface Props {
  line: string;
  onReady(): void;
  onSkip(): void;
}

/** The optional reset before a new customer (a setting): one line of self-talk, never sent. */
export function ResetCard({ line, onReady, onSkip }: Props) {
  return (
    <section class="prompt reset" aria-label={t('resetLabel')}>
      <p class="reset-line">{line}</p>
      <div class="row">
        <button type="button" class="primary" onClick={onReady}>{t('resetReady')}</button>
        <button type="button" class="quiet" onClick={onSkip}>{t('resetSkip')}</button>
      </div>
    </section>
  );
}
