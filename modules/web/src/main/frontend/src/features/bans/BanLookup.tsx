/**
 * The desk's question "is this card banned from the computers now?", for every staff member. The card number lives
 * only in the input while it is typed or scanned; once answered it is cleared and only its last four characters stay.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Me } from '../../shared/api';
import { CARD_INPUT, lastFour, lookUpCard, lookupScopeSentence, lookupSentence, seesEveryBranch, type BanLookup } from './bans';
import { BanProblem } from './BanProblem';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field, SubmitButton } from '../../shared/fields';
import type { Branch } from '../../shared/session';
import { usePage } from '../../shared/page';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';

function branchNameOf(code: string, me: Me, branches: readonly Branch[] | undefined): string {
  return branches?.find((b) => b.code === code)?.name ?? (code === me.branch ? me.branchName : code);
}

interface Answer {
  lookup: BanLookup;
  card: string;
}

export function DeskLookup() {
  const { session, me, branches } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  // Headquarters staff, and anyone whose sign-in names no branch, say which branch they ask for.
  const choosesBranch = seesEveryBranch(me) || !me.branch;
  const [branch, setBranch] = useState(() => (choosesBranch ? startingBranch(me, branches.data) ?? '' : me.branch));
  useEffect(() => {
    if (!branch && choosesBranch) {
      setBranch(startingBranch(me, branches.data) ?? '');
    }
  }, [branch, choosesBranch, me, branches.data]);
  const [card, setCard] = useState('');
  const { busy, problem, setProblem, submit } = useSubmit();
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);
  const [cardErrors, setCardErrors] = useState<string[] | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (card.trim() === '') {
      setCardErrors([t('bans.scanFirst')]);
      input.current?.focus();
      return;
    }
    setCardErrors(undefined);
    // Emptied first, so that the same answer for the next card is announced again.
    setAnswer(undefined);
    const refused = await submit('problem.lookup', async () => {
      const lookup = await lookUpCard(session, card, choosesBranch ? branch || undefined : undefined);
      setAnswer({ lookup, card: lastFour(card) });
      // Ready for the next card; the number itself is kept nowhere.
      setCard('');
    });
    if (refused) {
      const atCard = refused.errorsAt('cardNumber');
      setCardErrors(atCard.length > 0 ? atCard : undefined);
      // Refusals of the card alone are said at the input, not again as a notice.
      if (atCard.length > 0 && refused.errors.length === atCard.length) {
        setProblem(undefined);
      }
    }
    input.current?.focus();
  };

  const branchName = answer ? branchNameOf(answer.lookup.branch, me, branches.data) : '';
  const scope = answer ? lookupScopeSentence(answer.lookup, i18n) : undefined;
  return (
    <section className="ban-lookup" aria-labelledby="ban-lookup-heading">
      <h2 id="ban-lookup-heading">{t('bans.lookupTitle')}</h2>
      <form onSubmit={(event) => void ask(event)} noValidate className="lookup-form">
        {choosesBranch && (
          <BranchPicker id="ban-lookup-branch" label={t('bans.atBranch')} branches={branches.data} value={branch} onChange={setBranch} />
        )}
        <Field
          id="ban-lookup-card"
          label={t('bans.card')}
          errors={cardErrors}
          hint={
            <>
              {t('bans.scanHint')} {!choosesBranch && t('bans.answerFor', { branch: me.branchName })}
            </>
          }
        >
          {(ids) => <input {...ids} {...CARD_INPUT} ref={input} value={card} onChange={(event) => setCard(event.target.value)} />}
        </Field>
        <div className="toolbar-actions">
          <SubmitButton busy={busy}>{t('bans.lookUp')}</SubmitButton>
        </div>
      </form>
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy && <p className="quiet">{t('bans.lookingUp')}</p>}
        {answer && (
          <div className={`lookup-answer ${answer.lookup.banned ? 'banned' : 'not-banned'}`}>
            <p className="lookup-verdict">{lookupSentence(answer.lookup, branchName, i18n)}</p>
            {scope && <p>{scope}</p>}
            <p className="lookup-card">{t('bans.cardEnding', { card: answer.card })}</p>
          </div>
        )}
      </div>
      {problem && <BanProblem problem={problem} />}
    </section>
  );
}
