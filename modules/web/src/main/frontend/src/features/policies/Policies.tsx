/**
 * Policies ("Policies", /t/<slug>/policies): every staff member searches the library system's policies by keyboard and
 * reads one (/t/<slug>/policies/<key>): the text and the reason for it, approval, the Scale of Yes (strict: no
 * exceptions and why; flexible: the limits and who may approve), the version history with the difference between two
 * versions, "I have read this version", and, for a flexible policy, recording an exception.
 *
 * Policy texts and everything staff typed are React text: markup is shown as typed.
 */
import { useState } from 'react';
import { PolicyDetail } from './PolicyDetail';
import { PolicySearch } from './PolicySearch';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading } from '../../shared/views';

export function PoliciesPage({ item }: { item?: string }) {
  const { t } = useI18n();
  // The search as last typed, so coming back from a policy shows the same results.
  const [query, setQuery] = useState({ q: '', category: '' });
  if (item) {
    return <PolicyDetail policyKey={item} />;
  }
  return (
    <>
      <Heading>{t('policies.screen.library')}</Heading>
      <p className="quiet">{t('policies.intro')}</p>
      <PolicySearch query={query} onQuery={setQuery} />
    </>
  );
}
