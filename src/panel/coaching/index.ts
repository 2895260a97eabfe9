// Coaching from the live conversation (issue #7): cues, the draft check, follow-ups and stories.
import './coaching.css';

export { useCues, useCuesAndFacts, CUE_TICK_MS } from './use-cues';
export { CuesBar } from './CuesBar';
// DraftTips, FollowUpControls and FollowUpList are imported by path: the panel loads them lazily.
export { DraftTips } from './DraftTips';
export { FollowUpControls } from './FollowUpControls';
export { FollowUpList } from './FollowUpList';
export { StoryButton } from './StoryButton';
