/** Links between the app's own screens: real addresses (new tab, bookmark), opened in place on a plain click. */
import type { MouseEvent, ReactNode } from 'react';
import type { IncidentReport } from '../features/incidents/incidents';
import { pathOf, type Screen } from './place';

/** Opens a screen in place; a report already in hand is passed along so it is not fetched again. */
export type Navigate = (screen: Screen, item?: string, report?: IncidentReport) => void;

export function AppLink(props: {
  slug: string;
  screen: Screen;
  item?: string;
  navigate: Navigate;
  className?: string;
  /** The keyboard shortcut that does the same (aria-keyshortcuts), if any. */
  keyShortcuts?: string;
  children: ReactNode;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window is the browser's business (it signs in there on its own).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    props.navigate(props.screen, props.item);
  };
  return (
    <a href={pathOf(props.slug, props.screen, props.item)} className={props.className} aria-keyshortcuts={props.keyShortcuts} onClick={onClick}>
      {props.children}
    </a>
  );
}
