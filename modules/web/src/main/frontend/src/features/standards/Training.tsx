/**
 * "Training" (/t/<slug>/training): the service-standards scenarios one at a time (the situation, the choices as radio
 * buttons, the answer with the recommended response and why; answering marks it done), with the staff member's
 * progress. Persons in charge, headquarters and tenant administrators also get "Completion": who has done how many.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading } from '../../shared/views';
import { Completion } from './Completion';
import { ScenarioTrainer } from './ScenarioTrainer';
import { seesCompletion } from './standards';

const TABS = ['scenarios', 'completion'] as const;
type Tab = (typeof TABS)[number];

export function TrainingPage() {
  const { t } = useI18n();
  const { me } = usePage();
  const [tab, setTab] = useState<Tab>('scenarios');
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ scenarios: null, completion: null });

  if (!seesCompletion(me)) {
    return (
      <>
        <Heading>{t('training.title')}</Heading>
        <ScenarioTrainer />
      </>
    );
  }

  // Arrow keys move between the tabs and show the one they land on (the tabs pattern of WAI-ARIA).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') {
      return;
    }
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    tabs.current[next]?.focus();
  };
  const label: Record<Tab, string> = { scenarios: t('training.tab.scenarios'), completion: t('training.tab.completion') };

  return (
    <>
      <Heading>{t('training.title')}</Heading>
      <div role="tablist" aria-label={t('training.title')} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`training-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={tab === name ? `training-panel-${name}` : undefined}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            onClick={() => setTab(name)}
          >
            {label[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`training-panel-${tab}`} aria-labelledby={`training-tab-${tab}`} className="tab-panel">
        {tab === 'scenarios' ? <ScenarioTrainer /> : <Completion />}
      </div>
    </>
  );
}
