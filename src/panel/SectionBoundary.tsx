import { Component, type ComponentChildren } from 'preact';
import { t } from '../i18n';

interface Props {
  /** The part of the panel, as the agent would name it: "Cues", "Phrases", "Notes". */
  name: string;
  /** A new value (the ticket, the installed packs) lets the part try again. */
  resetKey?: unknown;
  children?: ComponentChildren;
}

interface State {
  error: Error | null;
  key: unknown;
}

/**
 * One broken part never blanks the panel: an error thrown while rendering this part (a hostile pack,
 * a page that reports something unexpected) replaces only this part with a line that names it.
 */
export class SectionBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static override getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.warn(`[Person First] ${this.props.name} failed`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <p class="notice error" role="alert">
        {t('sectionFailed', this.props.name, error.message || t('sectionUnexpectedError'))}
      </p>
    );
  }
}
