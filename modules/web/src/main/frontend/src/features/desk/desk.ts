/**
 * The desk search ("How do I handle…", GET /api/tenants/{slug}/desk/topics): policies, standards, response guides and
 * training scenarios matching the words typed, best first, in the library system's language. Below the call: how
 * the screen moves through the results with the keyboard, without React.
 */
import { getJson } from '../../shared/api';
import { tenantPath, type Session } from '../../shared/session';

/** One thing staff can look up at the desk. kind: policy | principle | method | response-guide | phone-and-email | checklist | scenario. */
export interface DeskTopic {
  kind: string;
  id: string;
  title: string;
  snippet?: string | null;
  rank?: number;
}

/** How many results the desk shows: enough to choose from at a glance. */
export const TOPIC_LIMIT = 10;
/** How long typing must pause before the search goes out: one request per word, not per letter. */
export const SEARCH_PAUSE_MS = 250;
/** The longest search the screen sends (the server bounds it too). */
export const SEARCH_MAX = 200;

export async function findTopics(session: Session, words: string, signal?: AbortSignal): Promise<DeskTopic[]> {
  return getJson(tenantPath(session, 'desk/topics', { q: words, limit: String(TOPIC_LIMIT) }), {
    token: await session.token(),
    signal,
  });
}

/** A policy opens on the policies screen; everything else is a service standard, shown in place. */
export function isPolicy(topic: Pick<DeskTopic, 'kind'>): boolean {
  return topic.kind === 'policy';
}

/**
 * The result the arrow keys move to from `active` (-1: none yet) among `count` results: down from the box goes to the
 * first, up to the last, and the ends wrap around (Home and End stay the text box's). `undefined` for any other key.
 */
export function nextActive(key: string, active: number, count: number): number | undefined {
  if (count === 0) {
    return undefined;
  }
  switch (key) {
    case 'ArrowDown':
      return active < 0 || active >= count - 1 ? 0 : active + 1;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    default:
      return undefined;
  }
}
