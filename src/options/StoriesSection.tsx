// Stories the agent marked (good, bad or ugly), listed and exported for the team meeting.
// Local only: the export is a file the agent saves; nothing is sent anywhere.
import { useEffect, useState } from 'preact/hooks';
import { isWebUrl } from '../open-ticket';
import type { StoryRecord } from '../storage/db';
import { STORY_KINDS } from '../storage/stories-repo';
import { t } from '../i18n';
import { dateText, plural, storyKindLabel } from '../ui-words';
import { storiesRepo } from '../panel/repos';
import { onApplied, queueWrite, STORIES_CHANNEL } from '../storage/write-queue';
import { downloadText, stamp } from './download';


/** Markdown would turn <b>, [links](…) or `#` from a subject into markup: escape it, text stays text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .split(/\r?\n/)
    // At a line start, these would begin a heading, list or quote.
    .map((line) => line.replace(/^(\s*)([#+-]|\d+\.)/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/[#+.-]/, '\\$&')}`))
    .join('  \n');
}

function isoDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Stories grouped good, bad, ugly; newest first within a group. */
export function storiesMarkdown(stories: readonly StoryRecord[], now = Date.now()): string {
  const lines = [`# ${t('storiesExportTitle')}`, '', plural(stories.length, 'storiesExportedOne', 'storiesExportedOther', isoDate(now)), ''];
  for (const kind of STORY_KINDS) {
    const group = stories.filter((s) => s.kind === kind).sort((a, b) => b.createdAt - a.createdAt);
    if (!group.length) continue;
    lines.push(`## ${storyKindLabel(kind)}`, '');
    for (const s of group) {
      const title = escapeMarkdown(s.subject?.trim() || s.key);
      // The URL goes in angle brackets so characters in it cannot end the link early.
      const link = isWebUrl(s.url) ? ` (<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : '';
      lines.push(`### ${title}`, '', `${isoDate(s.createdAt)}${link}`, '', escapeMarkdown(s.text.trim()), '');
    }
  }
  return lines.join('\n');
}

export function storiesJson(stories: readonly StoryRecord[], now = Date.now()): string {
  const items = stories.map(({ id, key, url, subject, kind, text, createdAt }) => ({ id, key, url, subject, kind, text, createdAt: new Date(createdAt).toISOString() }));
  return JSON.stringify({ kind: 'person-first-stories', exportedAt: new Date(now).toISOString(), stories: items }, null, 2);
}

export function StoriesSection() {
  const [stories, setStories] = useState<StoryRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = async () => setStories(await (await storiesRepo()).list());
  useEffect(() => {
    const reload = () => void load().catch((e: Error) => setError(e.message));
    reload();
    // Stories are added in the panel: coming back to this page shows the new ones.
    window.addEventListener('focus', reload);
    const stop = onApplied(STORIES_CHANNEL, reload);
    return () => {
      window.removeEventListener('focus', reload);
      stop();
    };
  }, []);

  const remove = async (id: string) => {
    await queueWrite({ kind: 'story/remove', id });
  };

  return (
    <section class="card" aria-labelledby="stories-title" id="stories">
      <h3 id="stories-title">{t('storiesTitle')}</h3>
      <p class="small muted">{t('storiesIntro')}</p>
      {error && <p class="notice error" role="alert">{error}</p>}
      <div class="row">
        <button type="button" disabled={!stories.length} onClick={() => downloadText(`person-first-stories-${stamp()}.md`, storiesMarkdown(stories), 'text/markdown')}>
          {t('storiesExportMarkdown')}
        </button>
        <button type="button" disabled={!stories.length} onClick={() => downloadText(`person-first-stories-${stamp()}.json`, storiesJson(stories), 'application/json')}>
          {t('storiesExportJson')}
        </button>
      </div>
      {stories.length === 0 ? (
        <p class="small muted">{t('storiesNone')}</p>
      ) : (
        <table class="list" aria-label={t('storiesTitle')}>
          <thead>
            <tr><th>{t('colKind')}</th><th>{t('colTicket')}</th><th>{t('storyWhatHappened')}</th><th>{t('colDate')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr>
          </thead>
          <tbody>
            {stories.map((s) => (
              <tr key={s.id}>
                <td>{storyKindLabel(s.kind)}</td>
                <td>{isWebUrl(s.url) ? <a href={s.url} target="_blank" rel="noopener noreferrer">{s.subject || s.key}</a> : s.subject || s.key}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{s.text}</td>
                <td>{dateText(s.createdAt)}</td>
                <td><button type="button" aria-label={t('storyDeleteLabel', s.subject || s.key)} onClick={() => void remove(s.id)}>{t('commonDelete')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
