// The answer cards; "Show me" switches the widget to the lesson and scrolls to the diagram.

import { AnswerCards } from './AnswerCards';

export function AnswerSection({ onShowMe }: { onShowMe: (lessonId: string) => void }) {
  return (
    <div className="answers-area">
      <AnswerCards
        onShowLesson={(lessonId) => {
          onShowMe(lessonId);
          const diagram = document.getElementById('lab-diagram');
          diagram?.scrollIntoView({ block: 'start' });
          diagram?.focus({ preventScroll: true });
        }}
      />
    </div>
  );
}
