/**
 * What every screen under the signed-in shell shares: the session, who is signed in, the library system's branches
 * and the way to open another screen. The shell provides it once; screens and their parts read it where they need it.
 */
import { createContext, useContext } from 'react';
import type { Me } from './api';
import type { Navigate } from './AppLink';
import type { Branch, Session } from './session';
import type { Loaded } from './useLoad';

export interface Page {
  session: Session;
  me: Me;
  branches: Loaded<Branch[]>;
  navigate: Navigate;
}

export const PageContext = createContext<Page | undefined>(undefined);

/** The signed-in page; only the shell (or a test standing in for it) renders screens, so it is always there. */
export function usePage(): Page {
  const page = useContext(PageContext);
  if (!page) {
    throw new Error('usePage() outside a PageContext: render screens inside the shell');
  }
  return page;
}
