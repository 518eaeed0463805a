/** Small parts the policy screens share: the end of a form, and what a screen says to someone whose role it is not for. */
import type { ReactNode } from 'react';
import { FormRefusals, SubmitButton } from '../../shared/fields';
import type { PlacedViolations } from '../incidents/incidentForm';
import { useI18n, type MessageId } from '../../shared/i18n/i18n';
import { Heading } from '../../shared/views';

/**
 * A form's last part: the refusals that name no field of it, a word to screen readers when fields were refused (each
 * says its own at the field), and the button that sends it.
 */
export function FormEnd(props: { placed: PlacedViolations; refused: string; fieldsRefused: string; busy: boolean; children: ReactNode }) {
  return (
    <>
      <FormRefusals title={props.refused} lines={props.placed.other} />
      {Object.keys(props.placed.byField).length > 0 && (
        <p className="visually-hidden" role="alert">
          {props.fieldsRefused}
        </p>
      )}
      <div className="toolbar-actions">
        <SubmitButton busy={props.busy}>{props.children}</SubmitButton>
      </div>
    </>
  );
}

/** A screen the navigation does not offer this role, opened by its address: its title and why nothing is shown. */
export function NotForYourRole({ title }: { title: MessageId }) {
  const { t } = useI18n();
  return (
    <>
      <Heading>{t(title)}</Heading>
      <p className="notice">{t('policies.notForYou')}</p>
    </>
  );
}
