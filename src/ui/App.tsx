// A temporary page: the lesson's trace as a list of events and the endpoints' final states. The
// sequence diagram replaces it in a later issue.

import { EventList } from './EventList';
import { FinalStates } from './FinalStates';
import { chooseLesson, titleOf } from './lessons';
import { useTrace } from './useTrace';

// Read once: the page does not change its query without a reload.
const lesson = chooseLesson(window.location.search);

export function App() {
  return (
    // `data-runner` tells tests where the engine ran.
    <main className="app" data-runner="worker">
      <header>
        <h1>Handshake Lab</h1>
        {lesson.ok && <p className="lesson-title">{titleOf(lesson.scenario) ?? lesson.id}</p>}
      </header>
      {lesson.ok ? (
        <LessonTrace scenario={lesson.scenario} />
      ) : (
        <ErrorMessage text={lesson.error} />
      )}
    </main>
  );
}

function LessonTrace({ scenario }: { scenario: unknown }) {
  const run = useTrace(scenario);
  switch (run.status) {
    case 'running':
      return (
        <p className="status" data-testid="status" data-status="running">
          Running… {run.received} events
        </p>
      );
    case 'error':
      return <ErrorMessage text={run.message} />;
    case 'done':
      return (
        <section data-testid="status" data-status="done">
          <FinalStates final={run.trace.final} />
          <EventList events={run.trace.events} />
        </section>
      );
  }
}

function ErrorMessage({ text }: { text: string }) {
  return (
    <p className="error" role="alert" data-testid="error">
      {text}
    </p>
  );
}
