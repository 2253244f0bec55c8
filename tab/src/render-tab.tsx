import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './App';

/** React, Fluent and the screens: the bulk of the tab's code, evaluated once boot needs it. */
export function renderTab(props: AppProps): void {
  createRoot(document.getElementById('root') as HTMLElement).render(<App {...props} />);
}
