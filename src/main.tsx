import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, lessonReady } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const render = (): void =>
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );

// A page opened on a lesson other than the default waits for its scenario (if that fails, the
// widget says the lesson is unknown and shows the default one).
if (lessonReady) lessonReady.then(render, render);
else render();
