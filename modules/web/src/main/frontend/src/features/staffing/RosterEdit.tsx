/**
 * Keeping the roster, for persons in charge (their own branch; the server holds them to it) and tenant
 * administrators: add someone, change an entry, set someone's last day, and import a CSV after seeing what each of
 * its rows would do.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field, FormRefusals, SubmitButton } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import type { ApiError } from '../../shared/api';
import { employmentLabel } from './present';
import {
  EMPLOYMENT_TYPES,
  addStaff,
  draftOf,
  endStaff,
  importRoster,
  previewImport,
  replaceStaff,
  type ImportPreview,
  type RowResult,
  type StaffDraft,
  type StaffEntry,
} from './planning';

export type RosterTask = { kind: 'add' } | { kind: 'edit'; entry: StaffEntry } | { kind: 'end'; entry: StaffEntry } | { kind: 'import' };

/** Today's date on this computer's calendar, as the first day a new entry is offered. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** The buttons above the roster that start a task. */
export function RosterTasks({ onTask }: { onTask: (task: RosterTask) => void }) {
  const { t } = useI18n();
  return (
    <div className="toolbar-actions" role="group" aria-label={t('roster.edit.tasks')}>
      <button type="button" className="button" onClick={() => onTask({ kind: 'add' })}>
        {t('roster.edit.add')}
      </button>
      <button type="button" className="button" onClick={() => onTask({ kind: 'import' })}>
        {t('roster.edit.import')}
      </button>
    </div>
  );
}

/** A row's own buttons: change it, or set the last day. */
export function RosterRowActions({ entry, onTask }: { entry: StaffEntry; onTask: (task: RosterTask) => void }) {
  const { t } = useI18n();
  return (
    <span className="row-actions">
      <button type="button" className="button link" onClick={() => onTask({ kind: 'edit', entry })}>
        {t('roster.edit.change', { name: entry.tagName })}
      </button>{' '}
      <button type="button" className="button link" onClick={() => onTask({ kind: 'end', entry })}>
        {t('roster.edit.end', { name: entry.tagName })}
      </button>
    </span>
  );
}

/** The open task, if any; `onDone` with the words to announce when something was saved. */
export function RosterTaskPanel(props: {
  task: RosterTask | undefined;
  branch: string;
  /** The roster as read: which positions it uses, and whether its entries carry "may sign in". */
  people: readonly StaffEntry[];
  onDone: (said?: string) => void;
}) {
  const { task } = props;
  if (!task) {
    return null;
  }
  const positions = [...new Map(props.people.map((p) => [p.position, { code: p.position, name: p.positionName }])).values()];
  switch (task.kind) {
    case 'add':
    case 'edit':
      return (
        <EntryForm
          key={task.kind === 'edit' ? task.entry.id : 'new'}
          entry={task.kind === 'edit' ? task.entry : undefined}
          signInKnown={props.people.some((p) => typeof p.maySignIn === 'boolean')}
          branch={props.branch}
          positions={positions}
          onDone={props.onDone}
        />
      );
    case 'end':
      return <EndForm key={task.entry.id} entry={task.entry} onDone={props.onDone} />;
    case 'import':
      return <ImportPanel onDone={props.onDone} />;
  }
}

function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/** Messages the server gave about one field, or none. */
function at(problem: ApiError | undefined, field: string): string[] | undefined {
  const messages = problem?.errorsAt(field) ?? [];
  return messages.length > 0 ? messages : undefined;
}

function EntryForm(props: {
  entry?: StaffEntry;
  signInKnown: boolean;
  branch: string;
  positions: { code: string; name: string }[];
  onDone: (said?: string) => void;
}) {
  const { session, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<StaffDraft>(() => draftOf(props.entry, props.branch || branches.data?.[0]?.code || '', today()));
  const { busy, problem, submit } = useSubmit();
  const first = useFocusOnOpen<HTMLInputElement>();
  const edit = (change: Partial<StaffDraft>) => setDraft((d) => ({ ...d, ...change }));
  const title = props.entry ? t('roster.edit.changeTitle', { name: props.entry.tagName }) : t('roster.edit.addTitle');
  // "May sign in" is offered only when the server's entries carry it, so the form works with and without it.
  const signInKnown = typeof draft.maySignIn === 'boolean' || (props.entry === undefined && props.signInKnown);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit('roster.edit.problem', async () => {
      const saved = props.entry ? await replaceStaff(session, props.entry, draft) : await addStaff(session, draft);
      props.onDone(t(props.entry ? 'roster.edit.changed' : 'roster.edit.added', { name: saved.tagName }));
    });
  };
  const named = new Set(['tagName', 'username', 'position', 'branch', 'employmentType', 'startsOn', 'endsOn', 'email', 'maySignIn', 'version']);
  const other = problem?.errors.filter((e) => !named.has(e.field.split('.').pop() ?? '')).map((e) => `${e.field}: ${e.message}`) ?? [];
  return (
    <section className="panel" aria-labelledby="roster-edit-heading">
      <h2 id="roster-edit-heading">{title}</h2>
      {problem && <ProblemNotice problem={problem} />}
      <FormRefusals title={t('roster.edit.refused')} lines={other} />
      <form onSubmit={save}>
        <Field id="roster-tag-name" label={t('roster.tagName')} required errors={at(problem, 'tagName')}>
          {(ids) => <input {...ids} ref={first} type="text" autoComplete="off" maxLength={60} value={draft.tagName} onChange={(e) => edit({ tagName: e.target.value })} />}
        </Field>
        <Field id="roster-position" label={t('roster.position')} required errors={at(problem, 'position')} hint={t('roster.edit.positionHint')}>
          {(ids) => (
            <>
              <input {...ids} type="text" list="roster-positions" autoComplete="off" maxLength={40} value={draft.position} onChange={(e) => edit({ position: e.target.value })} />
              <datalist id="roster-positions">
                {props.positions.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="roster-branch-code" label={t('field.branch')} required errors={at(problem, 'branch')}>
          {(ids) => (
            <select {...ids} value={draft.branch} onChange={(e) => edit({ branch: e.target.value })}>
              {branches.data?.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="roster-employment" label={t('roster.employment')} required errors={at(problem, 'employmentType')}>
          {(ids) => (
            <select {...ids} value={draft.employmentType} onChange={(e) => edit({ employmentType: e.target.value })}>
              {EMPLOYMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {employmentLabel(type, i18n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="roster-starts" label={t('roster.firstDay')} required errors={at(problem, 'startsOn')}>
          {(ids) => <input {...ids} type="date" value={draft.startsOn} onChange={(e) => edit({ startsOn: e.target.value })} />}
        </Field>
        <Field id="roster-ends" label={t('roster.lastDay')} errors={at(problem, 'endsOn')}>
          {(ids) => <input {...ids} type="date" value={draft.endsOn} onChange={(e) => edit({ endsOn: e.target.value })} />}
        </Field>
        <Field id="roster-username" label={t('roster.edit.username')} errors={at(problem, 'username')} hint={t('roster.edit.usernameHint')}>
          {(ids) => <input {...ids} type="text" autoComplete="off" maxLength={40} value={draft.username} onChange={(e) => edit({ username: e.target.value })} />}
        </Field>
        <Field id="roster-email" label={t('roster.edit.email')} errors={at(problem, 'email')}>
          {(ids) => <input {...ids} type="email" autoComplete="off" maxLength={254} value={draft.email} onChange={(e) => edit({ email: e.target.value })} />}
        </Field>
        {signInKnown && (
          <div className="field checkbox">
            <input id="roster-may-sign-in" type="checkbox" checked={draft.maySignIn === true} onChange={(e) => edit({ maySignIn: e.target.checked })} />
            <label htmlFor="roster-may-sign-in">{t('roster.edit.maySignIn')}</label>
          </div>
        )}
        <div className="actions">
          <SubmitButton busy={busy}>{props.entry ? t('roster.edit.save') : t('roster.edit.addButton')}</SubmitButton>
          <button type="button" className="button" onClick={() => props.onDone()}>
            {t('roster.edit.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EndForm({ entry, onDone }: { entry: StaffEntry; onDone: (said?: string) => void }) {
  const { session } = usePage();
  const { t } = useI18n();
  const [endsOn, setEndsOn] = useState(entry.endsOn ?? today());
  const { busy, problem, submit } = useSubmit();
  const first = useFocusOnOpen<HTMLInputElement>();
  return (
    <section className="panel" aria-labelledby="roster-end-heading">
      <h2 id="roster-end-heading">{t('roster.edit.endTitle', { name: entry.tagName })}</h2>
      {problem && <ProblemNotice problem={problem} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit('roster.edit.problem', async () => {
            const ended = await endStaff(session, entry, endsOn);
            onDone(t('roster.edit.ended', { name: ended.tagName, date: ended.endsOn ?? endsOn }));
          });
        }}
      >
        <Field id="roster-end-date" label={t('roster.lastDay')} required errors={at(problem, 'endsOn')}>
          {(ids) => <input {...ids} ref={first} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} required />}
        </Field>
        <div className="actions">
          <SubmitButton busy={busy}>{t('roster.edit.endButton')}</SubmitButton>
          <button type="button" className="button" onClick={() => onDone()}>
            {t('roster.edit.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

const RESULT_WORDS: Record<RowResult, 'roster.edit.result.ADD' | 'roster.edit.result.CHANGE' | 'roster.edit.result.UNCHANGED' | 'roster.edit.result.REFUSED'> = {
  ADD: 'roster.edit.result.ADD',
  CHANGE: 'roster.edit.result.CHANGE',
  UNCHANGED: 'roster.edit.result.UNCHANGED',
  REFUSED: 'roster.edit.result.REFUSED',
};

/** A chosen file's text (UTF-8), through FileReader, which every browser has. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file, 'UTF-8');
  });
}

/** Choose a file, see each row's outcome, then import it: nothing is written before the second step. */
function ImportPanel({ onDone }: { onDone: (said?: string) => void }) {
  const { session } = usePage();
  const { t } = useI18n();
  const [csv, setCsv] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | undefined>(undefined);
  const { busy, problem, submit } = useSubmit();
  const first = useFocusOnOpen<HTMLInputElement>();

  const choose = async (file: File | undefined) => {
    setPreview(undefined);
    if (!file) {
      setCsv(undefined);
      return;
    }
    const text = await readText(file);
    setCsv(text);
    await submit('roster.edit.problem', async () => setPreview(await previewImport(session, text)));
  };
  return (
    <section className="panel" aria-labelledby="roster-import-heading">
      <h2 id="roster-import-heading">{t('roster.edit.importTitle')}</h2>
      <p className="hint">{t('roster.edit.importHint')}</p>
      {problem && <ProblemNotice problem={problem} />}
      {problem && <FormRefusals title={t('roster.edit.refused')} lines={problem.errors.map((e) => `${e.field}: ${e.message}`)} />}
      <Field id="roster-import-file" label={t('roster.edit.file')}>
        {(ids) => <input {...ids} ref={first} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />}
      </Field>
      {preview && (
        <>
          <p role="status" aria-live="polite">
            {preview.acceptable
              ? t('roster.edit.previewSummary', preview.summary as unknown as Record<string, number>)
              : t('roster.edit.previewRefused', { count: preview.rows.filter((r) => r.result === 'REFUSED').length })}
          </p>
          <div className="table-scroll">
            <table>
              <caption>{t('roster.edit.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.edit.row')}</th>
                  <th scope="col">{t('roster.tagName')}</th>
                  <th scope="col">{t('roster.edit.result')}</th>
                  <th scope="col">{t('roster.edit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.result === 'REFUSED' ? 'refused' : undefined}>
                    <th scope="row">{row.row}</th>
                    <td className="tag-name">{row.tagName}</td>
                    <td>{t(RESULT_WORDS[row.result] ?? 'roster.edit.result.REFUSED')}</td>
                    <td>
                      {row.result === 'CHANGE' && row.fields.join(', ')}
                      {row.problems.length > 0 && (
                        <ul>
                          {row.problems.map((p) => (
                            <li key={`${p.field}-${p.message}`}>
                              {p.field}: {p.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          aria-disabled={busy || !csv || !preview?.acceptable}
          onClick={() => {
            if (!busy && csv && preview?.acceptable) {
              void submit('roster.edit.problem', async () => {
                const summary = await importRoster(session, csv);
                onDone(t('roster.edit.imported', summary as unknown as Record<string, number>));
              });
            }
          }}
        >
          {t('roster.edit.importButton')}
        </button>
        <button type="button" className="button" onClick={() => onDone()}>
          {t('roster.edit.cancel')}
        </button>
      </div>
    </section>
  );
}
