// The answer cards; "Show me" switches the widget to the lesson and scrolls to the diagram. The
// why-three card also opens a comparison of a two-segment handshake with TCP's three, fetched the
// first time it is asked for.

import { lazy, Suspense, useState } from 'react';
import { AnswerCards } from './AnswerCards';
import { rootNodeOf, useLabHost } from '../../ui/labHost';

const WhyThreeCompare = lazy(() => import('../compare/WhyThreeCompare'));

export function AnswerSection({ onShowMe }: { onShowMe: (lessonId: string) => void }) {
  const host = useLabHost();
  const [comparing, setComparing] = useState(false);
  return (
    <div className="answers-area">
      <AnswerCards
        onShowLesson={(lessonId) => {
          onShowMe(lessonId);
          const diagram = rootNodeOf(host).getElementById('lab-diagram');
          diagram?.scrollIntoView({ block: 'start' });
          diagram?.focus({ preventScroll: true });
        }}
        onCompare={() => setComparing(true)}
      />
      {comparing && (
        <Suspense fallback={null}>
          <WhyThreeCompare onClose={() => setComparing(false)} />
        </Suspense>
      )}
    </div>
  );
}
