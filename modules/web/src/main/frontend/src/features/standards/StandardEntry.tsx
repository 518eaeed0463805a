/**
 * One service standard as staff read it, on the standards screen and opened at the desk: its words (summary, what to
 * do, what to avoid, a method's steps with what to say), the positions and escalation situations it links to by
 * name, and for an entry the library system reworded, that fact and the shared original on demand.
 * Everything from the API is React text.
 */
import { useId, useState, type ReactNode } from 'react';
import { AppLink } from '../../shared/AppLink';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { kindLabel, type Standard, type StandardWords } from './standards';

/** `focusable`: the title can take the keyboard (where the entry is opened on its own); `children` go under the words. */
export function StandardEntry(props: { standard: Standard; level: 2 | 3; focusable?: boolean; children?: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { standard } = props;
  const ids = useId();
  const [showOriginal, setShowOriginal] = useState(false);
  const Title = props.level === 2 ? 'h2' : 'h3';
  const positions = standard.links?.positions ?? [];
  const situations = standard.links?.situations ?? [];
  const names = (list: readonly { name: string }[]) => i18n.intl.formatList(list.map((item) => item.name), { type: 'conjunction' });

  return (
    <article className="standard" aria-labelledby={`${ids}-title`} data-kind={standard.kind}>
      <Title id={`${ids}-title`} className="standard-title" tabIndex={props.focusable ? -1 : undefined}>
        {standard.title}
      </Title>
      <p className="standard-marks">
        <span className="badge">{kindLabel(standard.kind, i18n)}</span>
        {standard.own && <span className="badge own">{t('standards.own')}</span>}
        {standard.reworded && <span className="badge reworded">{t('standards.reworded')}</span>}
      </p>
      <Words words={standard} kind={standard.kind} />
      {positions.length > 0 && <p className="standard-link">{t('standards.callPositions', { names: names(positions) })}</p>}
      {situations.length > 0 && <p className="standard-link">{t('standards.escalationSituations', { names: names(situations) })}</p>}
      {props.children}
      {standard.reworded && standard.original && (
        <div className="original">
          <button
            type="button"
            className="button small quiet-button"
            aria-expanded={showOriginal}
            aria-controls={`${ids}-original`}
            onClick={() => setShowOriginal((shown) => !shown)}
          >
            {showOriginal ? t('standards.hideOriginal') : t('standards.showOriginal')}
          </button>
          <div id={`${ids}-original`} className="original-words" hidden={!showOriginal}>
            {showOriginal && (
              <>
                <p className="original-title">{t('standards.originalTitle', { title: standard.original.title })}</p>
                <Words words={standard.original} kind={standard.kind} />
              </>
            )}
          </div>
        </div>
      )}
    </article>
  );
}

/** The parts of an entry's words its kind uses, each under a label that says what it is. */
function Words({ words, kind }: { words: StandardWords; kind: string }) {
  const { t } = useI18n();
  const { session, navigate } = usePage();
  const points = words.points ?? [];
  const avoid = words.avoid ?? [];
  const steps = words.steps ?? [];
  return (
    <>
      {words.summary && <p className="standard-summary">{words.summary}</p>}
      <LabelledList label={kind === 'checklist' ? t('standards.checklistItems') : t('standards.points')} items={points} className="standard-points" />
      <LabelledList label={t('standards.avoid')} items={avoid} className="standard-avoid" />
      {steps.length > 0 && (
        <ol className="method-steps">
          {steps.map((step, index) => (
            <li key={index}>
              <p>
                <strong>{step.name}</strong>
                {step.action ? ` — ${step.action}` : ''}
              </p>
              <LabelledList
                label={t('standards.say')}
                items={(step.say ?? []).map((line) => t('standards.quoted', { text: line }))}
                className="step-say"
              />
              <LabelledList label={t('standards.avoidSaying')} items={step.avoid ?? []} className="step-avoid" />
            </li>
          ))}
        </ol>
      )}
      {words.scenario && (
        <>
          <p className="scenario-situation">{words.scenario.situation}</p>
          <p>
            <AppLink slug={session.slug} screen="training" navigate={navigate}>
              {t('standards.practise')}
            </AppLink>
          </p>
        </>
      )}
    </>
  );
}

/** A list under a label that says what it holds; nothing at all when it is empty. */
function LabelledList(props: { label: string; items: readonly string[]; className: string }) {
  if (props.items.length === 0) {
    return null;
  }
  return (
    <>
      <p className="list-label">{props.label}</p>
      <ul className={props.className}>
        {props.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </>
  );
}
