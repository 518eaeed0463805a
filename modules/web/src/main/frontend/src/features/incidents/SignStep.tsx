/** Signing the draft: what is still needed, then an explicit confirmation. */
import { useEffect, useRef, useState } from 'react';
import { asProblem, type ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

/** Something the draft still needs before it may be signed: a question, the time, or the call. */
export interface Needed {
  key: string;
  label: string;
}

export function SignStep(props: {
  needed: readonly Needed[];
  /** Moves the keyboard to where the first missing thing is given. */
  onFocusNeeded: (key: string) => void;
  /** Saves what is pending and signs; throws when either is refused. */
  onSign: () => Promise<void>;
  onRefused: (problem: ApiError) => void;
}) {
  const { needed } = props;
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signProblem, setSignProblem] = useState<ApiError | undefined>(undefined);
  const [signStatus, setSignStatus] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const signButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) {
      confirmButton.current?.focus();
    }
  }, [confirming]);

  const askToSign = () => {
    setSignProblem(undefined);
    const first = needed[0];
    if (first) {
      setSignStatus(t('sign.notYetNeeded', { needed: needed.map((n) => n.label).join('; ') }));
      props.onFocusNeeded(first.key);
      return;
    }
    setSignStatus('');
    setConfirming(true);
  };

  const sign = async () => {
    if (signing) {
      return;
    }
    setSigning(true);
    setSignProblem(undefined);
    setSignStatus(t('sign.signing'));
    try {
      await props.onSign();
    } catch (error) {
      const problem = asProblem(error, 'problem.sign');
      props.onRefused(problem);
      setSignProblem(problem);
      setSignStatus('');
      setSigning(false);
      setConfirming(false);
      signButton.current?.focus();
    }
  };

  return (
    <section className="sign-step" aria-labelledby="sign-heading">
      <h2 id="sign-heading">{t('sign.title')}</h2>
      {needed.length > 0 ? (
        <p>{t('sign.stillNeeded', { needed: needed.map((n) => n.label).join('; ') })}</p>
      ) : (
        <p>{t('sign.allAnswered')}</p>
      )}
      <button
        ref={signButton}
        type="button"
        className="button primary"
        aria-expanded={confirming}
        aria-controls="confirm-box"
        onClick={askToSign}
      >
        {t('sign.button')}
      </button>
      {confirming && (
        <div id="confirm-box" className="confirm-box" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('sign.confirm')}</p>
          <button ref={confirmButton} type="button" className="button primary" aria-disabled={signing} onClick={() => void sign()}>
            {t('sign.yes')}
          </button>{' '}
          <button
            type="button"
            className="button quiet-button"
            onClick={() => {
              setConfirming(false);
              signButton.current?.focus();
            }}
          >
            {t('sign.notYet')}
          </button>
        </div>
      )}
      <p className="sign-status" role="status" aria-live="polite">
        {signStatus}
      </p>
      {signProblem && <ProblemNotice problem={signProblem} />}
    </section>
  );
}
