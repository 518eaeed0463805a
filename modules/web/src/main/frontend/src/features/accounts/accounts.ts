/** The signed-in person's own roster entry and the name on their tag (GET/PUT /api/me/tag-name). */
import { getJson, putJson } from '../../shared/api';
import type { Session } from '../../shared/session';

export interface OwnEntry {
  id: string;
  tagName: string;
  positionName: string;
  branchName: string;
}

export async function loadOwnEntry(session: Session, signal?: AbortSignal): Promise<OwnEntry> {
  return getJson<OwnEntry>('/api/me/tag-name', { token: await session.token(), signal });
}

export async function chooseTagName(session: Session, tagName: string): Promise<OwnEntry> {
  return putJson<OwnEntry>('/api/me/tag-name', { tagName }, { token: await session.token() });
}
