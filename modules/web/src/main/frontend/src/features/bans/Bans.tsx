/**
 * Computer-use bans ("Computer-use bans", /t/<slug>/bans): every staff member asks at the desk whether a card is
 * banned from the computers now; persons in charge, headquarters and tenant administrators read the list; persons in
 * charge ban a card and lift a ban early. /t/<slug>/bans?incident=<id> opens the form for a ban that follows from
 * that incident report.
 *
 * The card number lives only in the input while it is typed or scanned: it is sent in a POST body, cleared once
 * answered, and only its last four characters are shown. Reasons are React text: markup is shown as typed.
 */
import { useState } from 'react';
import { inCharge, readsBans } from './bans';
import { BanList } from './BanList';
import { DeskLookup } from './BanLookup';
import { ImposeBan } from './ImposeBan';
import { usePage } from '../../shared/page';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, StatusNotice } from '../../shared/views';

export function BansPage({ incidentReportId }: { incidentReportId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = usePage();
  // Bumped after a ban is imposed or lifted, so the list is read again.
  const [round, setRound] = useState(0);
  const [status, setStatus] = useState('');
  const changed = (message: string) => {
    setStatus(message);
    setRound((n) => n + 1);
  };
  const form = inCharge(me) ? <ImposeBan incidentReportId={incidentReportId} onImposed={changed} /> : null;
  return (
    <>
      <Heading>{t('screen.bans')}</Heading>
      <StatusNotice status={status} />
      {/* Coming from an incident report, the form is what is wanted: it comes first. */}
      {incidentReportId && form}
      <DeskLookup />
      {!incidentReportId && form}
      {readsBans(me) && <BanList round={round} onLifted={changed} />}
    </>
  );
}
