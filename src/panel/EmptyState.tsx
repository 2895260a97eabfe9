import { t } from '../i18n';
export function EmptyState({ desks }: { desks: string[] }) {
  return (
    <section class="empty" aria-label={t('emptyLabel')}>
      <h1>{t('emptyTitle')}</h1>
      <p>{t('emptyBody', desks.join(', '))}</p>
    </section>
  );
}
