import { t } from '../i18n';
interface Props {
  title: string;
  hint?: string;
  done: number;
  total: number;
}

/** What the prompt slot shows when nothing asks for attention: the step to work on now. */
export function StepGuide({ title, hint, done, total }: Props) {
  return (
    <div class="prompt step-guide">
      <p><span class="guide-title">{t('guideNow', title)}</span>{hint && <span class="guide-hint"> · {hint}</span>}</p>
      <p class="guide-progress">{done === total ? t('guideAllDone') : t('guideProgress', done, total)}</p>
    </div>
  );
}
