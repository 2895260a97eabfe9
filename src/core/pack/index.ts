export * from './types';
export { parsePack, validatePack, formatPackError, CHANNELS, PACK_REQUIRED_KEYS, PHRASE_REQUIRED_KEYS, DESK_REQUIRED_KEYS } from './validate';
export { mergePacks, diffPacks, describeDiff, updateRefusal, phraseKey, SOURCE_ORDER } from './merge';
export type { InstalledPack, MergedPhrase, MergedPhrases, MergeOptions, PackSource } from './merge';
export { lintPack } from './lint';
export type { LintIssue } from './lint';
export { benchValidateAndMerge } from './bench';
