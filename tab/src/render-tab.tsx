import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type AppProps } from './App';

/** React, Fluent and the screens: the bulk of the tab's code, evaluated once boot needs it. */
export function renderTab(props: AppProps, after?: ReactElement): void {
  // `after`: the local demo's clock (main.tsx), in the same root so dialogs treat it as the tab.
  createRoot(document.getElementById('root') as HTMLElement).render(
    <>
      <App {...props} />
      {after}
    </>,
  );
}
