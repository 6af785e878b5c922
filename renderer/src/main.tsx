import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/shell.css';
import './styles/jobs.css';
import './styles/components.css';
import './styles/feedback.css';
import './styles/tables.css';
import './styles/lake.css';
import './styles/import.css';
import './styles/catalog.css';
import './styles/pipeline.css';
import './styles/emr.css';
import './styles/queries.css';
import './styles/reports.css';
import './styles/report-bundles.css';
import './styles/workspaces.css';
import './styles/accounts.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
