/**
 * "Record a complaint" (/t/<slug>/record-complaint), for the desk: the branch, how it came in, what it is about, the
 * policy it concerns (picked from the policy library), what the patron asked for and, if the patron wants an answer,
 * their contact and language. The server tells the director at once; the screen says so, with the reference to give
 * the patron. A retry after no answer sends the same key, so it is not recorded twice.
 */
import { useRef, useState } from 'react';
import { recordComplaint, newKey, channelLabel, COMPLAINT_CHANNELS, type NewComplaint } from './requests';
import { ActionForm, Choice, LanguageChoice, NONE, TextBox, refusalOf, tooLong } from './parts';
import { PolicyChoice } from './PolicyChoice';
import { BranchPicker, startingBranch } from '../../shared/BranchPicker';
import { Field, FieldErrors, NAME_INPUT } from '../../shared/fields';
import type { PlacedViolations } from '../incidents/incidentForm';
import { atText } from '../policies/policies';
import { usePage } from '../../shared/page';
import { useSubmit } from '../../shared/useSubmit';
import { useI18n } from '../../shared/i18n/i18n';
import { Heading, StatusNotice } from '../../shared/views';

const FIELDS = ['branch', 'channel', 'about', 'policy', 'asks', 'name', 'email', 'phone', 'language'] as const;
export const ABOUT_MAX = 2000;
export const ASKS_MAX = 1000;

interface Draft {
  branch: string;
  channel: string;
  about: string;
  policy: string;
  asks: string;
  name: string;
  email: string;
  phone: string;
  language: 'en' | 'es';
}

export function RecordComplaintPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, me, branches } = usePage();
  const fresh = (branch?: string): Draft => ({
    branch: branch ?? startingBranch(me, branches.data) ?? '',
    channel: 'in-person',
    about: '',
    policy: '',
    asks: '',
    name: '',
    email: '',
    phone: '',
    language: i18n.language === 'es-US' ? 'es' : 'en',
  });
  const [draft, setDraft] = useState<Draft>(() => fresh());
  const [local, setLocal] = useState<PlacedViolations>(NONE);
  const [status, setStatus] = useState('');
  const key = useRef(newKey());
  const { busy, problem, submit } = useSubmit();
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const { placed, shown } = refusalOf(problem, FIELDS);
  const errors = (field: (typeof FIELDS)[number]) => local.byField[field] ?? placed.byField[field];

  const check = (): PlacedViolations => {
    const byField: Record<string, string[]> = {};
    if (!draft.branch) byField.branch = [t('complaints.chooseBranch')];
    if (!draft.about.trim()) byField.about = [t('complaints.sayAbout')];
    else if (tooLong(draft.about, ABOUT_MAX)) byField.about = [t('complaints.tooLong', { max: ABOUT_MAX })];
    if (tooLong(draft.asks, ASKS_MAX)) byField.asks = [t('complaints.tooLong', { max: ASKS_MAX })];
    return { byField, other: [] };
  };

  const send = () => {
    const found = check();
    setLocal(found);
    const first = FIELDS.find((field) => found.byField[field]);
    if (first) {
      document.getElementById(`complaint-${first}`)?.focus();
      return;
    }
    setStatus('');
    const complaint: NewComplaint = { branch: draft.branch, channel: draft.channel, about: draft.about.trim(), key: key.current };
    if (draft.policy) complaint.policy = draft.policy;
    if (draft.asks.trim()) complaint.asks = draft.asks.trim();
    if (draft.name.trim() || draft.email.trim() || draft.phone.trim()) {
      complaint.contact = { language: draft.language };
      if (draft.name.trim()) complaint.contact.name = draft.name.trim();
      if (draft.email.trim()) complaint.contact.email = draft.email.trim();
      if (draft.phone.trim()) complaint.contact.phone = draft.phone.trim();
    }
    void submit('complaints.notRecorded', async () => {
      const made = await recordComplaint(session, complaint);
      key.current = newKey();
      setDraft((current) => fresh(current.branch));
      setStatus(
        made.directorToldAt
          ? t('complaints.recordedTold', { reference: made.reference, at: atText(made.directorToldAt, i18n) })
          : t('complaints.recorded', { reference: made.reference }),
      );
      document.getElementById('record-complaint-heading')?.focus();
    });
  };

  return (
    <>
      <Heading>{t('complaints.record.title')}</Heading>
      <p className="quiet">{t('complaints.record.intro')}</p>
      <StatusNotice status={status} />
      <ActionForm
        id="record-complaint"
        title={t('complaints.record.form')}
        submit={t('complaints.record.submit')}
        refused={t('complaints.notRecorded')}
        busy={busy}
        placed={{ byField: { ...placed.byField, ...local.byField }, other: placed.other }}
        problem={shown}
        onSubmit={send}
      >
        <div className={errors('branch') ? 'has-errors' : undefined}>
          <BranchPicker id="complaint-branch" label={t('field.branch')} branches={branches.data} value={draft.branch} onChange={(branch) => set({ branch })} />
          <FieldErrors id="complaint-branch-errors" errors={errors('branch')} />
        </div>
        <Choice
          id="complaint-channel"
          label={t('complaints.channel')}
          value={draft.channel}
          errors={errors('channel')}
          required
          choices={COMPLAINT_CHANNELS.map((code) => ({ code, label: channelLabel(code, i18n) }))}
          onChange={(channel) => set({ channel })}
        />
        <TextBox
          id="complaint-about"
          label={t('complaints.about')}
          hint={t('complaints.aboutHint', { max: ABOUT_MAX })}
          required
          rows={4}
          value={draft.about}
          errors={errors('about')}
          onChange={(about) => set({ about })}
        />
        <PolicyChoice id="complaint-policy" value={draft.policy} errors={errors('policy')} onChange={(policy) => set({ policy })} />
        <TextBox
          id="complaint-asks"
          label={t('complaints.asks')}
          hint={t('complaints.asksHint', { max: ASKS_MAX })}
          value={draft.asks}
          errors={errors('asks')}
          onChange={(asks) => set({ asks })}
        />
        <fieldset className="contact">
          <legend>{t('complaints.contact')}</legend>
          <p className="hint">{t('complaints.contactHint')}</p>
          <Field id="complaint-name" label={t('complaints.contact.name')} errors={errors('name')}>
            {(ids) => <input {...ids} {...NAME_INPUT} value={draft.name} onChange={(event) => set({ name: event.target.value })} />}
          </Field>
          <Field id="complaint-email" label={t('complaints.contact.email')} errors={errors('email')}>
            {(ids) => <input {...ids} type="email" autoComplete="off" maxLength={254} value={draft.email} onChange={(event) => set({ email: event.target.value })} />}
          </Field>
          <Field id="complaint-phone" label={t('complaints.contact.phone')} errors={errors('phone')}>
            {(ids) => <input {...ids} type="tel" autoComplete="off" maxLength={40} value={draft.phone} onChange={(event) => set({ phone: event.target.value })} />}
          </Field>
          <LanguageChoice id="complaint-language" label={t('complaints.contact.language')} value={draft.language} errors={errors('language')} onChange={(language) => set({ language })} />
        </fieldset>
      </ActionForm>
    </>
  );
}
