/** Lifting a ban early, with the reason why, from its row in the list. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { liftBan, scopeText, type ComputerUseBan } from './bans';
import { Field, SubmitButton } from '../../shared/fields';
import { whenText } from '../incidents/incidentForm';
import { usePage } from '../../shared/page';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

export function LiftBan(props: { ban: ComputerUseBan; onDone: (message?: string) => void; onStale: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const { ban } = props;
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>(undefined);
  const { busy, problem, setProblem, submit } = useSubmit();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);

  const lift = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (!reason.trim()) {
      setReasonErrors([t('bans.sayWhyLift')]);
      box.current?.focus();
      return;
    }
    setReasonErrors(undefined);
    const refused = await submit('problem.lift', async () => {
      await liftBan(session, ban.id, reason, ban.version);
      props.onDone(t('bans.lifted', { scope: scopeText(ban, i18n).toLowerCase(), until: whenText(ban.endsAt, i18n) }));
    });
    if (!refused) {
      return;
    }
    const atReason = refused.errorsAt('reason');
    if (atReason.length > 0) {
      // A refused reason is said at its box, not again as a notice.
      setProblem(undefined);
      setReasonErrors(atReason);
      box.current?.focus();
    }
    if (refused.status === 409 || refused.status === 404) {
      // Someone else lifted or changed it, or it ended meanwhile: show the ban as it is now.
      props.onStale();
    }
  };

  const id = `lift-reason-${ban.id}`;
  return (
    <form className="confirm-box lift-box" onSubmit={(event) => void lift(event)} noValidate aria-label={t('bans.liftTitle')}>
      <p>{t('bans.liftExplain', { scope: scopeText(ban, i18n).toLowerCase(), until: whenText(ban.endsAt, i18n) })}</p>
      <Field id={id} label={t('bans.whyLift')} required errors={reasonErrors}>
        {(ids) => <textarea {...ids} ref={box} rows={2} aria-required value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      {problem && (
        <>
          <ProblemNotice problem={problem} />
          {problem.status === 409 && <p className="problem-hint">{t('bans.reread')}</p>}
        </>
      )}
      <div className="toolbar-actions">
        <SubmitButton busy={busy}>{t('bans.liftTitle')}</SubmitButton>
        <button type="button" className="button quiet-button" onClick={() => props.onDone()}>
          {t('action.notNow')}
        </button>
      </div>
    </form>
  );
}
