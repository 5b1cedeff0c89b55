// Where a render error stops: the whole widget (ErrorBoundary, round the lab: a message rather
// than a blank page) or one optional part of it (PanelBoundary: the message in that part's place,
// with "Try again", while the rest of the lab goes on stepping).

import { Component, Fragment, type ReactNode } from 'react';
import { oneLine } from '../engine/quote';
import { useT } from '../i18n';

interface Props {
  children: ReactNode;
  /** What shows in the children's place once they failed; `retry` mounts them afresh. Without
   * it, the widget-wide message (outside the lab's languages, so in English). */
  fallback?: (message: string, retry: () => void) => ReactNode;
}

interface State {
  message: string | null;
  /** Counts the tries: each one mounts the children anew, with none of the failed one's state. */
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { message: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  private readonly retry = (): void => {
    this.setState(({ attempt }) => ({ message: null, attempt: attempt + 1 }));
  };

  override render() {
    const { message, attempt } = this.state;
    if (message === null) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    if (this.props.fallback) return this.props.fallback(message, this.retry);
    return (
      <p className="error" role="alert" data-testid="error">
        Something went wrong: {message}
      </p>
    );
  }
}

/** A part's failure, in its place: what went wrong on one line, and a button to try it again. */
function PartFailed({ message, retry }: { message: string; retry: () => void }) {
  const t = useT();
  return (
    <div className="error part-error" role="alert" data-testid="part-error">
      <p>{t('ui.errors.part', { message: oneLine(message.replace(/\s+/g, ' ').trim(), 160) })}</p>
      <button type="button" data-testid="part-retry" onClick={retry}>
        {t('ui.errors.retry')}
      </button>
    </div>
  );
}

const partFailed = (message: string, retry: () => void) => (
  <PartFailed message={message} retry={retry} />
);

/** One optional part of the lab: if it cannot be shown, its place says so and the rest goes on. */
export function PanelBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary fallback={partFailed}>{children}</ErrorBoundary>;
}
