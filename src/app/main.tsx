import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, initReady } from './App';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import '../ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Rendered once the widget's starting point is known (App.tsx's initReady).
void initReady.then((init) =>
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App init={init} />
      </ErrorBoundary>
    </StrictMode>,
  ),
);
