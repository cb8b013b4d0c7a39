import { useState } from 'react';
import { App, Form, Select, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../../app/i18n/useT';
import type { Translate } from '../../../app/i18n/i18nContext';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useDebouncedValue } from '../../../shared/hooks/useDebouncedValue';
import { clubApi } from '../api';
import { clubKeys, signupChanged, useClubSettings } from '../queries';
import { tierMinName } from '../labels';
import type { ClubEvent, ClubTier } from '../types';

interface Values {
  member_id: number;
}

const kFields = ['member_id'] as const;
const kSearchDelayMs = 250;

/** A refused sign-up in words: 名额已满, 已结束, 已报名, 等级不够; the generic sentence for others. */
export function signupErrorText(t: Translate, err: unknown, event: Pick<ClubEvent, 'tier_min'>, tiers: readonly ClubTier[] | undefined): string {
  if (err instanceof ApiError) {
    if (err.code === 'event_full') return t('clubEvent.full');
    if (err.code === 'event_closed') return t('clubEvent.closed');
    if (err.code === 'already_signed') return t('clubEvent.alreadySigned');
    if (err.code === 'member_left') return t('clubEvent.memberLeft');
    if (err.fields.member_id === 'tier_too_low') return t('clubEvent.tierTooLow', { tier: tierMinName(t, tiers, event.tier_min) });
  }
  return errorMessage(t, err);
}

/**
 * 报名: picks a member by the start of their number (name and number shown) and signs them up;
 * a refusal (名额已满, the event over, signed up already, a tier below the event's) is told in words.
 */
export function SignUpModal({ event, onClose }: { event: ClubEvent; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useClubSettings();
  const [form] = Form.useForm<Values>();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed.trim(), kSearchDelayMs);
  const found = useQuery({ queryKey: clubKeys.pick(q), queryFn: ({ signal }) => clubApi.pickMembers(q, signal), staleTime: 30_000 });

  const save = async ({ member_id }: Values) => {
    const signup = await clubApi.signUp(event.id, member_id);
    signupChanged(queryClient, signup);
    void message.success(t('clubEvent.signedUp', { name: signup.customer_name }));
  };

  return (
    <FormModal<Values>
      form={form}
      name="club-event-signup"
      formFields={kFields}
      errorText={(cause) => signupErrorText(t, cause, event, settings.data?.tiers)}
      initialValues={{}}
      title={t('clubEvent.signUpTitle')}
      okText={t('clubEvent.signUp')}
      width={460}
      testId="signup-modal"
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {event.title} · {tierMinName(t, settings.data?.tiers, event.tier_min)}
      </Typography.Paragraph>
      <Form.Item name="member_id" label={t('clubEvent.member')} rules={required(t('clubEvent.memberRequired'))}>
        <Select<number>
          showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
          placeholder={t('clubEvent.memberPlaceholder')}
          aria-label={t('clubEvent.member')}
          loading={found.isFetching}
          notFoundContent={found.isFetching ? undefined : t('clubEvent.noMember')}
          options={(found.data ?? []).map((member) => ({ value: member.id, label: `${member.customer_name}（${member.member_no}）` }))}
          data-testid="signup-member"
        />
      </Form.Item>
    </FormModal>
  );
}
