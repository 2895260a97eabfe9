export { detectCues, type Cue, type CueInput, type CueReason } from './detect';
export { evaluateCueTable, evaluateLabelled, formatCueTable, CUE_KINDS, type CueTableRow, type CueTableResult, type CueScore, type LabelledMessage, type LabelledResult } from './evaluate';
export { DEFAULT_CUE_RULES, mergeCueRules, type CueKind, type CueRules, type CueRulesOverride, type CueStepId, type PhraseSignal } from './rules';
