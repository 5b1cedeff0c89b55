import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createRunner, initReady, startPageLab } from './App';
import { captureEarlySteps } from './earlySteps';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import '../ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// First of all: the engine worker starts loading, and → pressed from now on is kept.
const earlySteps = captureEarlySteps();
const runner = createRunner();

// Once the widget's starting point is known (App.tsx's initReady): the lesson is run at once, and
// rendered while it runs.
void initReady.then((init) => {
  const lab = startPageLab(init, runner);
  earlySteps.handTo(lab.store);
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App store={lab.store} createRunner={lab.createRunner} onMounted={earlySteps.stop} />
      </ErrorBoundary>
    </StrictMode>,
  );
});
