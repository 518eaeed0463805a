/**
 * The training scenarios one at a time: progress, the situation, the choices as radio buttons and, once answered,
 * the recommended response and why. Answering marks the scenario done on the server; it can be answered again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FieldErrors, SubmitButton } from '../../shared/fields';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';
import { answerScenario, choiceText, firstToDo, loadTraining, type TrainingAnswer, type TrainingScenario } from './standards';

export function ScenarioTrainer() {
  const { t } = useI18n();
  const { session } = usePage();
  const training = useLoad((signal) => loadTraining(session, signal), 'training', { title: 'training.problem.list' });
  const [index, setIndex] = useState<number | undefined>(undefined);
  const [answers, setAnswers] = useState<Record<string, TrainingAnswer>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const scenarios = training.data ?? [];
  const at = index ?? firstToDo(scenarios);
  const current = scenarios[at];
  const done = scenarios.filter((scenario) => scenario.done || answers[scenario.id]).length;

  useEffect(() => {
    // After Previous or Next the keyboard starts at the new scenario's title, read out by screen readers.
    if (moved.current) {
      moved.current = false;
      heading.current?.focus();
    }
  }, [at]);

  const go = (to: number) => {
    moved.current = true;
    setIndex(to);
  };

  if (training.problem) {
    return (
      <>
        <ProblemNotice problem={training.problem} />
        <button type="button" className="button quiet-button" onClick={training.reload}>
          {t('action.tryAgain')}
        </button>
      </>
    );
  }
  if (!training.data) {
    return <p className="quiet">{t('training.loading')}</p>;
  }
  if (!current) {
    return <p>{t('training.none')}</p>;
  }

  return (
    <div className="training">
      <p id="training-progress" className="training-progress">
        {t('training.progress', { done, total: scenarios.length })}
      </p>
      <progress value={done} max={scenarios.length} aria-labelledby="training-progress" />
      <section className="scenario card" aria-labelledby="scenario-title">
        <p className="quiet">{t('training.position', { n: at + 1, total: scenarios.length })}</p>
        <h2 id="scenario-title" ref={heading} tabIndex={-1}>
          {current.title}
          {(current.done || answers[current.id]) && <span className="badge done-mark">{t('training.done')}</span>}
        </h2>
        <ScenarioForm
          key={current.id}
          scenario={current}
          answer={answers[current.id]}
          onAnswered={(answer) => setAnswers((known) => ({ ...known, [current.id]: answer }))}
        />
      </section>
      <div className="toolbar-actions scenario-moves">
        <button type="button" className="button" disabled={at === 0} onClick={() => go(at - 1)}>
          {t('training.previous')}
        </button>
        <button type="button" className="button" disabled={at >= scenarios.length - 1} onClick={() => go(at + 1)}>
          {t('training.next')}
        </button>
      </div>
    </div>
  );
}

function ScenarioForm(props: { scenario: TrainingScenario; answer?: TrainingAnswer; onAnswered: (answer: TrainingAnswer) => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const { scenario, answer } = props;
  const [choice, setChoice] = useState(scenario.chosen ?? '');
  const [missing, setMissing] = useState(false);
  const { busy, problem, submit } = useSubmit();
  const name = `choice-${scenario.id}`;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (!choice) {
      setMissing(true);
      document.getElementById(`${name}-0`)?.focus();
      return;
    }
    setMissing(false);
    await submit('training.problem.answer', async () => {
      props.onAnswered(await answerScenario(session, scenario.id, choice));
    });
  };

  return (
    <form className="scenario-form" onSubmit={(event) => void send(event)} noValidate>
      <p className="scenario-situation">{scenario.situation}</p>
      <fieldset aria-describedby={missing ? `${name}-errors` : undefined}>
        <legend>{t('training.question')}</legend>
        {scenario.choices.map((option, n) => (
          <div key={option.key} className="scenario-choice">
            <input
              type="radio"
              id={`${name}-${n}`}
              name={name}
              value={option.key}
              checked={choice === option.key}
              onChange={() => setChoice(option.key)}
            />
            <label htmlFor={`${name}-${n}`}>{option.text}</label>
          </div>
        ))}
        <FieldErrors id={`${name}-errors`} errors={missing ? [t('training.chooseFirst')] : undefined} />
      </fieldset>
      {problem && <ProblemNotice problem={problem} />}
      <SubmitButton busy={busy}>{t('training.check')}</SubmitButton>
      <div className="scenario-answer" role="status" aria-live="polite" aria-atomic="true">
        {answer && (
          <div className="result-box">
            <p className="result-title">{answer.correct ? t('training.correct') : t('training.notRecommended')}</p>
            <p className="recommended">{t('training.recommended', { text: choiceText(scenario.choices, answer.recommended) })}</p>
            <p className="why">{t('training.why', { why: answer.why })}</p>
          </div>
        )}
      </div>
    </form>
  );
}
