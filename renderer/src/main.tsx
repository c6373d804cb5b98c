import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './api/ApiContext';
import { App } from './App';
import { I18nProvider } from './i18n';
import './styles/index.css';

// Created before anything reads location.hash: the browser host hands its token in the URL
// fragment (#token=…) and the client takes it and strips it; the router then sees an empty hash.
const api = createClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </ApiProvider>
  </StrictMode>,
);
