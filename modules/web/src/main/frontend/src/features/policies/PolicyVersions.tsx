/**
 * A policy's version history and the difference between two versions, word by word. Added and removed words are
 * marked by <ins>/<del> (underlined, struck through) and said in words to screen readers, never by colour alone.
 */
import { useState, type FormEvent } from 'react';
import { dateText } from '../bans/bans';
import { fieldLabel, loadDifference, loadVersion, type Difference, type DifferencePart, type Policy, type PolicyVersion } from './policies';
import { Field, SubmitButton } from '../../shared/fields';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export function PolicyVersions({ policy }: { policy: Policy }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const versions = [...policy.versions].sort((a, b) => b.version - a.version);
  const newest = versions[0]?.version ?? policy.current.version;
  const [from, setFrom] = useState(String(versions[1]?.version ?? newest));
  const [to, setTo] = useState(String(newest));
  const [difference, setDifference] = useState<Difference | undefined>(undefined);
  const [reading, setReading] = useState<PolicyVersion | undefined>(undefined);
  const { busy, problem, submit } = useSubmit();
  const read = (version: number) =>
    void submit('policies.problem.version', async () => {
      setReading(undefined);
      setReading(await loadVersion(session, policy.key, version));
    });

  const compare = (event: FormEvent) => {
    event.preventDefault();
    void submit('policies.problem.difference', async () => {
      setDifference(undefined);
      setDifference(await loadDifference(session, policy.key, Number(from), Number(to)));
    });
  };

  const choice = (id: string, label: string, value: string, onChange: (value: string) => void) => (
    <Field id={id} label={label}>
      {(ids) => (
        <select {...ids} value={value} onChange={(event) => onChange(event.target.value)}>
          {versions.map((v) => (
            <option key={v.version} value={String(v.version)}>
              {t('policies.versionOf', { version: v.version })}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="versions-heading" className="policy-versions">
      <h2 id="versions-heading">{t('policies.versions')}</h2>
      <DataTable
        className="version-table"
        caption={t('policies.versionCount', { count: versions.length })}
        hiddenCaption
        columns={[
          t('policies.version'),
          t('policies.field.title'),
          t('policies.field.approvedBy'),
          t('policies.field.approvedOn'),
          t('policies.field.effectiveOn'),
          t('policies.words'),
        ]}
      >
        {versions.map((v) => (
          <tr key={v.version}>
            <th scope="row">{v.version}</th>
            <td>{v.title}</td>
            <td>{v.approvedBy}</td>
            <td>{dateText(v.approvedOn, i18n)}</td>
            <td>{dateText(v.effectiveOn, i18n)}</td>
            <td>
              {v.version === policy.current.version ? (
                t('policies.shownAbove')
              ) : (
                <button type="button" className="button small" aria-expanded={reading?.version === v.version} onClick={() => read(v.version)}>
                  {t('policies.readVersion', { version: v.version })}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {versions.length > 1 && (
        <form className="toolbar" onSubmit={compare} aria-label={t('policies.compare')}>
          {choice('difference-from', t('policies.from'), from, setFrom)}
          {choice('difference-to', t('policies.to'), to, setTo)}
          <div className="toolbar-actions">
            <SubmitButton busy={busy} primary={false}>
              {t('policies.compare')}
            </SubmitButton>
          </div>
        </form>
      )}
      {problem && <ProblemNotice problem={problem} />}
      {reading && <OldVersion version={reading} />}
      <div role="status" aria-live="polite">
        {difference && <DifferenceView difference={difference} />}
      </div>
    </section>
  );
}

/** An earlier version in full, as it was approved. */
function OldVersion({ version }: { version: PolicyVersion }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="old-version" aria-labelledby="old-version-heading">
      <h3 id="old-version-heading">{t('policies.versionTitle', { version: version.version, title: version.title })}</h3>
      <p className="free-text">{version.text}</p>
      <h4>{t('policies.field.reason')}</h4>
      <p className="free-text">{version.reason}</p>
      <p className="quiet">
        {t('policies.approvedByOn', { by: version.approvedBy ?? '—', on: dateText(version.approvedOn, i18n) })}{' '}
        {t('policies.effectiveFrom', { on: dateText(version.effectiveOn, i18n) })}
      </p>
    </section>
  );
}

export function DifferenceView({ difference }: { difference: Difference }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="difference">
      <h3>{t('policies.differenceTitle', { from: difference.from, to: difference.to })}</h3>
      <p className="hint">{t('policies.differenceLegend')}</p>
      {difference.fields.length === 0 && <p>{t('policies.noDifference')}</p>}
      {difference.fields.map((field) => (
        <div key={field.field} className="difference-field">
          <h4>{fieldLabel(field.field, i18n)}</h4>
          <p className="free-text">
            {field.parts.map((part, index) => (
              <Part key={index} part={part} />
            ))}
          </p>
        </div>
      ))}
    </div>
  );
}

/** Added words in <ins>, removed in <del>, each also said in words at its start and end (hidden from sight). */
const MARKS = {
  added: { Tag: 'ins', start: 'policies.addedStart', end: 'policies.addedEnd' },
  removed: { Tag: 'del', start: 'policies.removedStart', end: 'policies.removedEnd' },
} as const;

function Part({ part }: { part: DifferencePart }) {
  const { t } = useI18n();
  const mark = part.change === 'added' || part.change === 'removed' ? MARKS[part.change] : undefined;
  if (!mark) {
    return <>{part.text}</>;
  }
  const { Tag } = mark;
  return (
    <Tag>
      <span className="visually-hidden">{t(mark.start)}</span>
      {part.text}
      <span className="visually-hidden">{t(mark.end)}</span>
    </Tag>
  );
}
