/** The bans persons in charge, headquarters and tenant administrators read, with filters; lifting starts here. */
import { useRef, useState } from 'react';
import { AppLink } from '../../shared/AppLink';
import {
  BAN_STATUSES,
  banStatusLabel,
  dateText,
  inCharge,
  loadBans,
  mayLift,
  scopeText,
  seesEveryBranch,
  type BanFilter,
  type ComputerUseBan,
} from './bans';
import { BanProblem } from './BanProblem';
import { LiftBan } from './LiftBan';
import { BranchPicker } from '../../shared/BranchPicker';
import { ChoiceFilter, OnlyFilter } from '../../shared/filters';
import { whenText } from '../incidents/incidentForm';
import { usePage } from '../../shared/page';
import { DataTable } from '../../shared/DataTable';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';

export function BanList(props: { round: number; onLifted: (message: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const { round } = props;
  const [filter, setFilter] = useState<BanFilter>({});
  const bans = useLoad((signal) => loadBans(session, filter, signal), `bans:${JSON.stringify(filter)}:${round}`, {
    title: 'problem.bans',
  });
  const set = (change: Partial<BanFilter>) => setFilter((current) => ({ ...current, ...change }));
  const list = useLastAnswer(bans);
  const lifts = inCharge(me);
  const [lifting, setLifting] = useState<string | undefined>(undefined);
  const columns = lifts ? 9 : 8;
  // The row's Lift button may be gone once the ban is lifted: the keyboard goes back to the list's heading.
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section aria-labelledby="ban-list-heading" className="ban-list">
      <h2 id="ban-list-heading" ref={heading} tabIndex={-1}>
        {t('bans.listTitle')}
      </h2>
      <p className="quiet">{seesEveryBranch(me) ? t('bans.listIntroAll') : t('bans.listIntroOwn')}</p>
      <form className="toolbar filters" onSubmit={(event) => event.preventDefault()} aria-label={t('bans.filter')}>
        <ChoiceFilter
          id="bans-status"
          label={t('incidents.status')}
          anyLabel={t('incidents.anyStatus')}
          value={filter.status}
          choices={BAN_STATUSES.map((code) => ({ code, label: banStatusLabel(code, i18n) }))}
          onChange={(status) => set({ status })}
        />
        {seesEveryBranch(me) && (
          <BranchPicker
            id="bans-branch"
            label={t('bans.appliesAt')}
            branches={branches.data}
            value={filter.branch ?? ''}
            onChange={(code) => set({ branch: code || undefined })}
            allLabel={t('field.allBranches')}
          />
        )}
        <OnlyFilter checked={filter.reviewDue} onChange={(reviewDue) => set({ reviewDue })}>
          {t('bans.reviewDueOnly')}
        </OnlyFilter>
      </form>
      {bans.problem && <BanProblem problem={bans.problem} />}
      {!list && !bans.problem && <p className="quiet">{t('bans.loading')}</p>}
      {list && (
        <DataTable
          className="ban-table"
          caption={t('bans.count', { count: list.length })}
          updating={bans.loading}
          columns={[
            t('incidents.status'),
            t('bans.appliesAt'),
            t('bans.starts'),
            t('bans.ends'),
            t('bans.review'),
            t('bans.reason'),
            t('report.title'),
            t('bans.imposedBy'),
            lifts && t('bans.lift'),
          ]}
        >
          {list.map((ban) => (
            <BanRow
              key={ban.id}
              ban={ban}
              lifts={lifts}
              columns={columns}
              lifting={lifting === ban.id}
              onLift={() => setLifting(ban.id)}
              onDone={(message) => {
                setLifting(undefined);
                heading.current?.focus();
                if (message) {
                  props.onLifted(message);
                }
              }}
              onStale={bans.reload}
            />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function BanRow(props: {
  ban: ComputerUseBan;
  lifts: boolean;
  columns: number;
  lifting: boolean;
  onLift: () => void;
  onDone: (message?: string) => void;
  onStale: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, navigate } = usePage();
  const { ban } = props;
  const liftable = mayLift(me, ban);
  return (
    <>
      <tr className={ban.status === 'active' ? 'in-force' : undefined}>
        <th scope="row">
          {banStatusLabel(ban.status, i18n)}
          {ban.reviewDue && <strong className="review-due">{t('bans.reviewDue')}</strong>}
          {ban.status === 'lifted' && ban.liftedAt && (
            <span className="quiet">
              {' '}
              {ban.liftedBy
                ? t('bans.liftedAtBy', { at: whenText(ban.liftedAt, i18n), by: ban.liftedBy })
                : whenText(ban.liftedAt, i18n)}
            </span>
          )}
        </th>
        <td>{scopeText(ban, i18n)}</td>
        <td>{whenText(ban.startsAt, i18n)}</td>
        <td>{whenText(ban.endsAt, i18n)}</td>
        <td>{dateText(ban.reviewOn, i18n)}</td>
        <td>
          <p className="free-text ban-reason">{ban.reason}</p>
          {ban.liftReason && <p className="free-text quiet">{t('bans.liftedBecause', { reason: ban.liftReason })}</p>}
        </td>
        <td>
          {ban.incidentReportId && (
            <AppLink slug={session.slug} screen="incidents" item={ban.incidentReportId} navigate={navigate}>
              {t('report.title')}
            </AppLink>
          )}
        </td>
        <td>{ban.createdBy}</td>
        {props.lifts && (
          <td>
            {liftable && (
              <button
                type="button"
                className="button small"
                aria-expanded={props.lifting}
                aria-controls={props.lifting ? `lift-${ban.id}` : undefined}
                onClick={props.onLift}
              >
                {t('bans.liftButton')}
              </button>
            )}
          </td>
        )}
      </tr>
      {props.lifting && (
        <tr className="lift-row">
          <td colSpan={props.columns} id={`lift-${ban.id}`}>
            <LiftBan ban={ban} onDone={props.onDone} onStale={props.onStale} />
          </td>
        </tr>
      )}
    </>
  );
}
