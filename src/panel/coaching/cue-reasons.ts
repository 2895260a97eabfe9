// Cue reasons in the UI's language. The built-in (English) cue rules write their reasons as
// templates ('Says "{match}"'); core hands them over as parts, and each known template has a
// message. A pack's own templates have none: they are already in the pack's language and show as
// the pack wrote them.
import type { Cue, CueReason } from '../../core/cues';
import { t, type MessageKey } from '../../i18n';
import { elapsedText } from '../../ui-words';

const TEMPLATES: Readonly<Record<string, MessageKey>> = {
  'Business impact: "{match}"': 'cueReasonBusinessImpact',
  'Capitals for emphasis: "{match}"': 'cueReasonEmphasis',
  'Deadline: "{match}"': 'cueReasonDeadline',
  'Has been here before: "{match}"': 'cueReasonBeenBefore',
  'Lots of "{match}"': 'cueReasonPunctuation',
  'Mentions a complaint or a bad review: "{match}"': 'cueReasonComplaint',
  'Mentions cancelling or leaving: "{match}"': 'cueReasonCancelling',
  'Mentions legal steps or a chargeback: "{match}"': 'cueReasonLegal',
  'Mentions waiting: "{match}"': 'cueReasonMentionsWaiting',
  'Mostly capitals': 'cueReasonShouting',
  'Not the first time: "{match}"': 'cueReasonNotFirstTime',
  'Praise: "{match}"': 'cueReasonPraise',
  'Says "{match}"': 'cueReasonSays',
  'Says it works now': 'cueReasonWorksNow',
  'Says nobody answered: "{match}"': 'cueReasonNobodyAnswered',
  'Says something went wrong: "{match}"': 'cueReasonWentWrong',
  'Says thanks': 'cueReasonThanks',
  'Says they feel "{match}"': 'cueReasonFeels',
  'Sounds exasperated: "{match}"': 'cueReasonExasperated',
  'Sounds like an ultimatum: "{match}"': 'cueReasonUltimatum',
  'Sounds sarcastic: "{match}"': 'cueReasonSarcastic',
  'Sounds sarcastic: {match}': 'cueReasonSarcasticBare',
  'Sounds worn out: "{match}"': 'cueReasonWornOut',
  'Strong words: "{match}"': 'cueReasonStrongWords',
  'Time pressure: "{match}"': 'cueReasonTimePressure',
  'Urgent: "{match}"': 'cueReasonUrgent',
  'Waiting {duration} for a reply': 'cueReasonWaiting',
  'They have written {n} times': 'cueReasonWrittenTimes',
  'Smiles: {match}': 'cueReasonSmiles',
  'Unhappy face: {match}': 'cueReasonUnhappyFace',
};

/** The templates that have a message, so a test can hold them to the built-in rules. */
export const TRANSLATED_CUE_TEMPLATES: readonly string[] = Object.keys(TEMPLATES);

function reasonText(r: CueReason): string | undefined {
  const key = Object.hasOwn(TEMPLATES, r.template) ? TEMPLATES[r.template] : undefined;
  if (!key) return undefined;
  if (r.template.includes('{duration}')) return r.waitedMs === undefined ? undefined : t(key, elapsedText(r.waitedMs));
  if (r.template.includes('{match}') || r.template.includes('{n}')) return r.value === undefined ? undefined : t(key, r.value);
  return t(key);
}

/** "They have written 3 times; Mostly capitals", in the UI's language where the rule's template is known. */
export function cueReasonText(cue: Pick<Cue, 'reason' | 'reasons'>): string {
  if (!cue.reasons?.length) return cue.reason;
  const parts = cue.reasons.map(reasonText);
  // All or nothing: a reason half in the pack's words and half in the UI's would read oddly.
  return parts.every((p): p is string => p !== undefined) ? parts.join('; ') : cue.reason;
}
