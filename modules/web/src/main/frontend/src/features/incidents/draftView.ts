/** Small helpers the draft's parts share: placed violations, focus, and the autosave line. */
import { asProblem } from '../../shared/api';
import type { PlacedViolations } from './incidentForm';
import type { SaveState } from './autosave';
import type { I18n } from '../../shared/i18n/i18n';

export const NO_VIOLATIONS: PlacedViolations = { byField: {}, other: [] };

export function withoutField(current: PlacedViolations, key: string): PlacedViolations {
  if (!(key in current.byField)) {
    return current;
  }
  const byField = { ...current.byField };
  delete byField[key];
  return { ...current, byField };
}

/** The first control inside an element (an input, a list or a text area), for moving the focus there. */
export function firstControl(element: Element | null): HTMLElement | null {
  return element?.querySelector<HTMLElement>('input, select, textarea') ?? null;
}

export function saveText(state: SaveState, i18n: I18n): string {
  const { t } = i18n;
  switch (state.phase) {
    case 'idle':
      return t('save.idle');
    case 'pending':
      return t('save.pending');
    case 'saving':
      return t('save.saving');
    case 'saved':
      return t('save.saved', { at: i18n.moment(state.at, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }) });
    case 'failed': {
      const problem = asProblem(state.error, 'save.notSaved');
      return problem.status === 400
        ? t('save.refused')
        : t('save.failed', { title: problem.titleId ? t(problem.titleId) : problem.title });
    }
  }
}
