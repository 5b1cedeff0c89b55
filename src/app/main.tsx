import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { DEFAULT_LESSON_ID } from '../scenarios';
import { App } from './App';
import { captureEarlySteps } from './earlySteps';
import { prerenderKey } from './prerenderKey';
import { createPageRunner, initReady, startPageLab } from './start';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import '../ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// First of all: the engine worker starts loading (unless the HTML brought the first run), and →
// pressed from now on is kept.
const earlySteps = captureEarlySteps();
const runner = createPageRunner();

// Once the widget's starting point is known (start.ts's initReady): the lesson is run at once, and
// rendered while it runs.
void initReady.then((init) => {
  const lab = startPageLab(init, runner);
  earlySteps.handTo(lab.store);
  const app = (
    <StrictMode>
      <ErrorBoundary>
        <App store={lab.store} createRunner={lab.createRunner} onMounted={earlySteps.stop} />
      </ErrorBoundary>
    </StrictMode>
  );
  // The build prerendered this page (vite.config.ts): take its HTML over where the page opens
  // exactly as it was rendered (and is no frame, where it also talks to the page around it);
  // otherwise render over it.
  const prerendered = root.dataset.prerendered;
  const exact = prerendered === prerenderKey(init, DEFAULT_LESSON_ID) && window.parent === window;
  if (prerendered && exact) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
