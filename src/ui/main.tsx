import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initialTheme } from './app/useTheme';
import { useStore } from './store/store';

useStore.setState({ theme: initialTheme() });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
