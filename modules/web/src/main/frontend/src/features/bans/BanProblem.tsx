import { type ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemNotice } from '../../shared/views';

/** Explains a 503: without the confidentiality key the server handles no card numbers at all. */
export function BanProblem({ problem }: { problem: ApiError }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <ProblemNotice problem={problem} />
      {problem.status === 503 && (
        <p className="problem-hint">{t('bans.noKey')}</p>
      )}
    </>
  );
}
