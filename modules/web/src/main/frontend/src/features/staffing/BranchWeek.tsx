/**
 * What the schedule and the week editor share: which branch and which week are shown, that week's schedule, and
 * the toolbar that changes them, so both screens move through weeks the same way.
 */
import { useState } from 'react';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import type { Loaded } from '../../shared/useLoad';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import type { Branch } from '../../shared/session';
import { loadSchedule, type WeekSchedule } from './staffing';
import { addWeeks } from './week';

export interface BranchWeek {
  branch: string | undefined;
  chooseBranch: (code: string) => void;
  /** The week on screen: the one the server answered with, else the one asked for (undefined: this week). */
  shownWeek: string | undefined;
  chooseWeek: (week: string | undefined) => void;
  schedule: Loaded<WeekSchedule>;
}

/** The branch (mine at first) and week (this one at first, as the library system's clock says) of a screen. */
export function useBranchWeek(screen: string): BranchWeek {
  const { session, me, branches } = usePage();
  const [chosenBranch, setChosenBranch] = useState<string | undefined>(undefined);
  const [week, setWeek] = useState<string | undefined>(undefined);
  const branch = chosenBranch ?? startingBranch(me, branches.data);
  const schedule = useLoad((signal) => loadSchedule(session, { branch, week }, signal), `${screen}:${branch ?? ''}:${week ?? 'now'}`, {
    title: 'problem.schedule',
    wait: branch === undefined && !branches.problem && !branches.data,
  });
  return { branch, chooseBranch: setChosenBranch, shownWeek: schedule.data?.week ?? week, chooseWeek: setWeek, schedule };
}

/** The branch picker and previous / this / next week. */
export function WeekToolbar(props: { id: string; shown: BranchWeek; branches: readonly Branch[] | undefined }) {
  const { t } = useI18n();
  const { branch, chooseBranch, shownWeek, chooseWeek } = props.shown;
  const go = (weeks: number) => {
    if (shownWeek) {
      chooseWeek(addWeeks(shownWeek, weeks));
    }
  };
  return (
    <div className="toolbar">
      <BranchPicker id={props.id} label={t('field.branch')} branches={props.branches} value={branch ?? ''} onChange={chooseBranch} />
      <div className="toolbar-actions" role="group" aria-label={t('schedule.week')}>
        <button type="button" className="button" aria-disabled={!shownWeek} onClick={() => go(-1)}>
          <span aria-hidden="true">← </span>
          {t('schedule.previous')}
        </button>
        <button type="button" className="button" onClick={() => chooseWeek(undefined)}>
          {t('schedule.this')}
        </button>
        <button type="button" className="button" aria-disabled={!shownWeek} onClick={() => go(1)}>
          {t('schedule.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </div>
  );
}
