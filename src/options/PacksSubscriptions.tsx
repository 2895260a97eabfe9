import { useState } from 'preact/hooks';
import { checkPackUrl } from '../packs/pack-fetch';
import { checkNow, originPattern, reachableWithoutPermission, subscribe, unsubscribe } from './packs-actions';
import type { PacksState } from './packs-state';
import { resultLabel, when } from './packs-view';
import { t } from '../i18n';

type Notice = { text: string; error?: boolean } | null;

/** Subscribe to a pack URL; the service worker downloads it at once and then every 6 hours. */
export function PacksSubscriptions({ state }: { state: PacksState }) {
  const [url, setUrl] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  /** Set when the server needs a host permission and the browser wanted a fresh click to ask. */
  const [needsGrant, setNeedsGrant] = useState<string | null>(null);

  const finish = async (target: string) => {
    const r = await subscribe(target);
    if (!r.ok) return setNotice({ text: r.reason, error: true });
    setUrl('');
    setNeedsGrant(null);
    setNotice({ text: t('subscribed') });
  };

  const ask = async (target: string): Promise<boolean> => {
    const pattern = originPattern(target);
    if (await chrome.permissions.contains({ origins: [pattern] })) return true;
    return chrome.permissions.request({ origins: [pattern] });
  };

  const onSubscribe = async (e: Event) => {
    e.preventDefault();
    const checked = checkPackUrl(url);
    if (!checked.ok) return setNotice({ text: checked.reason, error: true });
    const target = checked.url.href;
    // Servers that send CORS headers need nothing more; others need access to their origin,
    // asked for now, while the agent is subscribing, rather than failing later in the background.
    if (!(await reachableWithoutPermission(target))) {
      setNotice({ text: t('subscribeAsking', checked.url.origin) });
      try {
        if (!(await ask(target))) return setNotice({ text: t('subscribeDenied', checked.url.origin), error: true });
      } catch {
        setNeedsGrant(target);
        return setNotice({ text: t('subscribeNeedsAccess', checked.url.origin), error: true });
      }
    }
    await finish(target);
  };

  const grant = (target: string) => {
    // Called straight from the click, so the browser accepts it as the agent's own request.
    void chrome.permissions.request({ origins: [originPattern(target)] }).then(
      (ok) => (ok ? finish(target) : setNotice({ text: t('subscribeNotAllowed'), error: true })),
      (err: Error) => setNotice({ text: t('subscribeAskFailed', err.message), error: true }),
    );
  };

  return (
    <div class="subscriptions">
      <h4>{t('subscriptionsTitle')}</h4>
      <form class="row" noValidate onSubmit={onSubscribe}>
        <label class="field">
          {t('subscriptionUrl')}
          <input type="url" value={url} placeholder="https://support.example.com/packs/team.json" size={50} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('subscribe')}</button>
        <button type="button" onClick={() => void checkNow()} disabled={!state.subscriptions.length}>{t('subscriptionsCheckAll')}</button>
      </form>
      {notice && <p role={notice.error ? 'alert' : 'status'} class={`notice${notice.error ? ' error' : ''}`}>{notice.text}</p>}
      {needsGrant && <button type="button" onClick={() => grant(needsGrant)}>{t('subscribeAllow', new URL(needsGrant).origin)}</button>}
      {state.subscriptions.length === 0 ? (
        <p class="muted small">{t('subscriptionsNone')}</p>
      ) : (
        <table class="list">
          <caption>{t('subscriptionsCaption')}</caption>
          <thead>
            <tr><th scope="col">{t('colUrl')}</th><th scope="col">{t('colLastCheck')}</th><th scope="col">{t('colResult')}</th><th scope="col">{t('colActions')}</th></tr>
          </thead>
          <tbody>
            {state.subscriptions.map((s) => (
              <tr key={s.url} data-url={s.url}>
                <th scope="row">{s.url}{s.fromPolicy && <div class="muted small">{t('subscriptionFromPolicy')}</div>}</th>
                <td data-label={t('colLastCheck')}>{when(s.lastCheck)}</td>
                <td class="sub-result" data-label={t('colResult')}>
                  <strong>{resultLabel(s.lastResult ?? 'pending')}</strong>
                  {s.lastMessage && <div class="small">{s.lastMessage}</div>}
                </td>
                <td class="row">
                  <button type="button" onClick={() => void checkNow(s.url)} aria-label={t('subscriptionCheckLabel', s.url)}>{t('subscriptionCheck')}</button>
                  {s.fromPolicy ? (
                    <span class="muted small">{t('subscriptionSetByPolicy')}</span>
                  ) : (
                    <button type="button" onClick={() => void unsubscribe(s.url).then((r) => !r.ok && setNotice({ text: r.reason, error: true }))} aria-label={t('unsubscribeLabel', s.url)}>{t('unsubscribe')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
