import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Before any lazy chunk: Excalidraw may build its font URLs while its own modules load.
import './room/whiteboard/excalidrawAssets';
import './styles/base.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks the #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
