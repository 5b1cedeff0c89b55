// The answer cards; "Show me" switches the widget to the lesson and scrolls to the diagram.

import { AnswerCards } from './AnswerCards';
import { rootNodeOf, useLabHost } from '../../ui/labHost';

export function AnswerSection({ onShowMe }: { onShowMe: (lessonId: string) => void }) {
  const host = useLabHost();
  return (
    <div className="answers-area">
      <AnswerCards
        onShowLesson={(lessonId) => {
          onShowMe(lessonId);
          const diagram = rootNodeOf(host).getElementById('lab-diagram');
          diagram?.scrollIntoView({ block: 'start' });
          diagram?.focus({ preventScroll: true });
        }}
      />
    </div>
  );
}
