/**
 * "How do I handle…" (/t/<slug>/desk), for every staff member: one search box over the library system's policies,
 * service standards, response guides and training scenarios; a standard opens here, in place, a policy on the
 * policies screen. Beside it, who is in charge now at the staff member's branch; under a guide that names escalation
 * situations, escalating one of them after a confirmation.
 */
import { useEffect, useRef, useState } from 'react';
import { usePage } from '../../shared/page';
import { useLoad } from '../../shared/useLoad';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, ProblemNotice } from '../../shared/views';
import { InChargeWidget } from '../staffing/Home';
import { StandardEntry } from '../standards/StandardEntry';
import { loadStandard } from '../standards/standards';
import { isPolicy, type DeskTopic } from './desk';
import { DeskSearch } from './DeskSearch';
import { GuideEscalation } from './GuideEscalation';

export function DeskPage() {
  const { t } = useI18n();
  const { navigate } = usePage();
  const [opened, setOpened] = useState<DeskTopic | undefined>(undefined);
  const [searchAgain, setSearchAgain] = useState(0);

  const open = (topic: DeskTopic) => {
    if (isPolicy(topic)) {
      navigate('policies', topic.id);
    } else {
      setOpened(topic);
    }
  };

  return (
    <>
      <Heading>{t('desk.title')}</Heading>
      <div className="desk-layout">
        <div className="desk-main">
          <DeskSearch onOpen={open} focusSignal={searchAgain} />
          {opened && (
            <OpenedStandard
              key={opened.id}
              topic={opened}
              onClose={() => {
                setOpened(undefined);
                setSearchAgain((n) => n + 1);
              }}
            />
          )}
        </div>
        <aside className="desk-side" aria-label={t('desk.side')}>
          <InChargeWidget />
        </aside>
      </div>
    </>
  );
}

/** A standard opened from the results: read in full, the keyboard at its title. */
function OpenedStandard(props: { topic: DeskTopic; onClose: () => void }) {
  const { t } = useI18n();
  const { session } = usePage();
  const { topic } = props;
  const standard = useLoad((signal) => loadStandard(session, topic.id, signal), `standard:${topic.id}`, { title: 'standards.problem.one' });
  const region = useRef<HTMLElement>(null);

  useEffect(() => {
    if (standard.data) {
      region.current?.querySelector<HTMLElement>('.standard-title')?.focus();
    }
  }, [standard.data]);

  return (
    <section ref={region} className="desk-opened card" aria-label={topic.title}>
      {standard.problem && <ProblemNotice problem={standard.problem} />}
      {!standard.data && !standard.problem && <p className="quiet">{t('desk.opening', { title: topic.title })}</p>}
      {standard.data && (
        <StandardEntry standard={standard.data} level={2} focusable>
          {(standard.data.links?.situations ?? []).length > 0 && <GuideEscalation situations={standard.data.links!.situations!} />}
        </StandardEntry>
      )}
      <button type="button" className="button quiet-button small" onClick={props.onClose}>
        {t('desk.searchAgain')}
      </button>
    </section>
  );
}
