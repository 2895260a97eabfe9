import { useState } from 'preact/hooks';
import { checkPackUrl } from '../packs/pack-fetch';
import { checkNow, originPattern, reachableWithoutPermission, subscribe, unsubscribe } from './packs-actions';
import type { PacksState } from './packs-state';
import { RESULT_LABEL, when } from './packs-view';

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
    setNotice({ text: 'Subscribed. The pack is being downloaded; the result shows below.' });
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
      setNotice({ text: `${checked.url.origin} sends no CORS headers (or could not be reached). Asking your browser for access to it…` });
      try {
        if (!(await ask(target))) return setNotice({ text: `Access to ${checked.url.origin} was not allowed, so the pack cannot be downloaded. Ask for the server to send CORS headers, or allow access.`, error: true });
      } catch {
        setNeedsGrant(target);
        return setNotice({ text: `${checked.url.origin} does not answer to extensions on its own (no CORS headers), or could not be reached. Allow access to subscribe.`, error: true });
      }
    }
    await finish(target);
  };

  const grant = (target: string) => {
    // Called straight from the click, so the browser accepts it as the agent's own request.
    void chrome.permissions.request({ origins: [originPattern(target)] }).then(
      (ok) => (ok ? finish(target) : setNotice({ text: 'Access was not allowed; not subscribed.', error: true })),
      (err: Error) => setNotice({ text: `Could not ask for access: ${err.message}`, error: true }),
    );
  };

  return (
    <div class="subscriptions">
      <h4>Subscriptions</h4>
      <form class="row" noValidate onSubmit={onSubscribe}>
        <label class="field">
          Pack URL
          <input type="url" value={url} placeholder="https://support.example.com/packs/team.json" size={50} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">Subscribe</button>
        <button type="button" onClick={() => void checkNow()} disabled={!state.subscriptions.length}>Check all now</button>
      </form>
      {notice && <p role={notice.error ? 'alert' : 'status'} class={`notice${notice.error ? ' error' : ''}`}>{notice.text}</p>}
      {needsGrant && <button type="button" onClick={() => grant(needsGrant)}>Allow access to {new URL(needsGrant).origin}</button>}
      {state.subscriptions.length === 0 ? (
        <p class="muted small">No subscriptions.</p>
      ) : (
        <table class="list">
          <caption>Pack subscriptions</caption>
          <thead>
            <tr><th scope="col">URL</th><th scope="col">Last check</th><th scope="col">Result</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {state.subscriptions.map((s) => (
              <tr key={s.url} data-url={s.url}>
                <th scope="row">{s.url}{s.fromPolicy && <div class="muted small">From your organisation’s policy</div>}</th>
                <td data-label="Last check">{when(s.lastCheck)}</td>
                <td class="sub-result" data-label="Result">
                  <strong>{RESULT_LABEL[s.lastResult ?? 'pending']}</strong>
                  {s.lastMessage && <div class="small">{s.lastMessage}</div>}
                </td>
                <td class="row">
                  <button type="button" onClick={() => void checkNow(s.url)} aria-label={`Check now: ${s.url}`}>Check now</button>
                  {s.fromPolicy ? (
                    <span class="muted small">Set by policy; cannot be removed here.</span>
                  ) : (
                    <button type="button" onClick={() => void unsubscribe(s.url).then((r) => !r.ok && setNotice({ text: r.reason, error: true }))} aria-label={`Unsubscribe from ${s.url}`}>Unsubscribe</button>
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
