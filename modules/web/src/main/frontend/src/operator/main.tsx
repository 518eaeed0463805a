import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OperatorConsole } from './OperatorConsole';
import '../styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OperatorConsole />
    </StrictMode>,
  );
}
