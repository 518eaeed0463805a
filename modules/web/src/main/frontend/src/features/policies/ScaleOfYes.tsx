/** The Scale of Yes in words (never a colour alone): strict — no exceptions; flexible — exceptions within limits. */
import { strictnessLabel } from './policies';
import { useI18n } from '../../shared/i18n/i18n';

export function ScaleOfYes({ strictness }: { strictness: string }) {
  const i18n = useI18n();
  const known = strictness === 'strict' || strictness === 'flexible';
  return (
    <span className={known ? `scale-of-yes ${strictness}` : 'scale-of-yes'}>
      <span aria-hidden="true" className="scale-mark">
        {strictness === 'strict' ? '■' : '◇'}
      </span>{' '}
      {strictnessLabel(strictness, i18n)}
    </span>
  );
}
