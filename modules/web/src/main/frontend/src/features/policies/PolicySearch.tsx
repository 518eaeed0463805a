/** The policy library's search: one box (typing searches, Enter at once), a category, results best first. */
import { useEffect, useRef, useState } from 'react';
import { AppLink } from '../../shared/AppLink';
import { dateText } from '../bans/bans';
import { CATEGORIES, categoryLabel, searchPolicies, snippetParts, type PolicySummary } from './policies';
import { ScaleOfYes } from './ScaleOfYes';
import { Field } from '../../shared/fields';
import { ChoiceFilter } from '../../shared/filters';
import { DataTable } from '../../shared/DataTable';
import { usePage } from '../../shared/page';
import { useLastAnswer, useLoad } from '../../shared/useLoad';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

/** Typing pauses this long before the search runs; Enter runs it at once. */
const TYPING_PAUSE_MS = 300;

const ACKNOWLEDGEMENT: Record<string, MessageId> = {
  current: 'policies.ack.current',
  needed: 'policies.ack.needed',
  'not-applicable': 'policies.ack.notApplicable',
};

export interface PolicyQuery {
  q: string;
  category: string;
}

export function PolicySearch(props: { query: PolicyQuery; onQuery: (query: PolicyQuery) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session } = usePage();
  const { query, onQuery } = props;
  const [typed, setTyped] = useState(query.q);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (typed === query.q) {
      return undefined;
    }
    const timer = setTimeout(() => onQuery({ ...query, q: typed }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, query, onQuery]);
  const found = useLoad(
    (signal) => searchPolicies(session, { q: query.q, category: query.category || undefined }, signal),
    `policies:${query.q.trim()}:${query.category}`,
    { title: 'policies.problem.list' },
  );
  const list = useLastAnswer(found);
  const words = query.q.trim();
  const count = list?.length ?? 0;
  const caption = words ? t('policies.foundFor', { count, words }) : t('policies.count', { count });

  return (
    <section aria-labelledby="policy-search-heading" className="policy-search">
      <h2 id="policy-search-heading" className="visually-hidden">
        {t('policies.searchTitle')}
      </h2>
      <form
        role="search"
        className="toolbar filters"
        aria-label={t('policies.searchTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          onQuery({ ...query, q: typed });
        }}
      >
        <Field id="policy-q" label={t('policies.search')} hint={t('policies.searchHint')}>
          {(ids) => (
            <input
              {...ids}
              ref={input}
              type="search"
              autoComplete="off"
              maxLength={200}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => {
                // Down arrow goes on to the first result, so a search needs no mouse and no run of tabs.
                if (event.key === 'ArrowDown') {
                  const first = document.querySelector<HTMLAnchorElement>('.policy-table tbody a');
                  if (first) {
                    event.preventDefault();
                    first.focus();
                  }
                }
                if (event.key === 'Escape' && typed) {
                  event.preventDefault();
                  setTyped('');
                  onQuery({ ...query, q: '' });
                }
              }}
            />
          )}
        </Field>
        <ChoiceFilter
          id="policy-category"
          label={t('policies.field.category')}
          anyLabel={t('policies.anyCategory')}
          value={query.category || undefined}
          choices={CATEGORIES.map((code) => ({ code, label: categoryLabel(code, i18n) }))}
          onChange={(category) => onQuery({ q: typed, category: category ?? '' })}
        />
        <div className="toolbar-actions">
          <button type="submit" className="button">
            {t('policies.searchButton')}
          </button>
        </div>
      </form>
      {found.problem && <ProblemNotice problem={found.problem} />}
      {!list && !found.problem && <p className="quiet">{t('policies.loading')}</p>}
      {/* The number found is read out as the search changes; the table itself is not. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {found.data ? caption : ''}
      </p>
      {list && (
        <DataTable
          className="policy-table"
          caption={caption}
          updating={found.loading}
          columns={[t('policies.field.title'), t('policies.field.category'), t('policies.scale'), t('policies.field.effectiveOn'), t('policies.ack.column')]}
        >
          {list.map((policy) => (
            <PolicyRow key={policy.key} policy={policy} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function PolicyRow({ policy }: { policy: PolicySummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, navigate } = usePage();
  const ack = ACKNOWLEDGEMENT[policy.acknowledgement];
  return (
    <tr>
      <th scope="row">
        <AppLink slug={session.slug} screen="policies" item={policy.key} navigate={navigate}>
          {policy.title}
        </AppLink>
        {policy.snippet ? (
          <p className="free-text policy-snippet">
            {snippetParts(policy.snippet).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
          </p>
        ) : (
          policy.summary && <p className="free-text quiet">{policy.summary}</p>
        )}
      </th>
      <td>{categoryLabel(policy.category, i18n)}</td>
      <td>
        <ScaleOfYes strictness={policy.strictness} />
      </td>
      <td>{dateText(policy.effectiveOn, i18n)}</td>
      <td>{ack ? t(ack) : policy.acknowledgement}</td>
    </tr>
  );
}
