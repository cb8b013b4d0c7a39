import { useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { inventoryApi } from '../../inventory/api';
import { unitKeys } from '../../inventory/queries';
import { formatShare } from '../../inventory/labels';
import { deliveryApi } from '../api';
import { openDayChanged, signupChanged, useProjectUnits } from '../queries';
import { signupErrorText, signupFailure } from '../errors';
import { kPartySize, type OpenDay, type OpenDaySignup } from '../types';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
/** The units that have owners to sign up: those sold. */
const kSold: readonly string[] = ['subscribed', 'contracted', 'delivered'];

interface SignupValues {
  unit_id?: number;
  customer_id?: number;
  party_size: number;
  note: string;
}

/**
 * 报名 of an owner's household for an open day: the unit by its code among the project's sold ones
 * (those signed up already are marked and cannot be chosen), the owner (the first to begin with; a
 * choice when the unit has several), how many come (1–10), a note. A unit without an owner is refused
 * on its field before the server; the server's refusals (signed up already, full, past, vetoed) in
 * words naming what is wrong. `taken`: the units with a sign-up not cancelled. Mount it once per opening.
 */
export function SignupModal({ day, taken, onClose }: { day: OpenDay; taken: ReadonlySet<number>; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SignupValues>();
  const unitId = Form.useWatch('unit_id', form);
  const { units, byId, loading } = useProjectUnits(day.project_id);
  const options = useMemo(
    () =>
      units
        .filter((unit) => kSold.includes(unit.status))
        .sort((a, b) => natural(a.code, b.code))
        .map((unit) => ({ value: unit.id, label: taken.has(unit.id) ? t('signup.unitTaken', { code: unit.code }) : unit.code, disabled: taken.has(unit.id) })),
    [units, taken, t],
  );
  const unit = useQuery({ queryKey: unitKeys.detail(unitId ?? 0), queryFn: ({ signal }) => inventoryApi.getUnit(unitId!, signal), enabled: unitId !== undefined });
  const owners = unit.data?.id === unitId ? (unit.data?.owners ?? []) : [];
  const ownersKnown = unitId !== undefined && unit.data?.id === unitId;

  // Another unit: its first owner.
  const firstOwner = owners[0]?.customer_id;
  useEffect(() => {
    form.setFieldValue('customer_id', firstOwner);
  }, [firstOwner, form]);
  // The owners came: the unit's field says again whether it has one.
  useEffect(() => {
    if (ownersKnown && form.isFieldTouched('unit_id')) void form.validateFields(['unit_id']).catch(() => undefined);
  }, [ownersKnown, owners.length, form]);

  const code = unitId !== undefined ? byId.get(unitId)?.code : undefined;
  return (
    <FormModal<SignupValues>
      form={form}
      name="open-day-signup"
      formFields={['unit_id', 'customer_id', 'party_size', 'note']}
      errorText={(cause) => signupErrorText(t, cause, day, code)}
      initialValues={{ party_size: 1, note: '' }}
      autoComplete="off"
      title={t('signup.addTitle', { project: day.project_name, date: day.on })}
      okText={t('signup.add')}
      width={520}
      testId="signup-modal"
      onSave={async (values) => {
        let signup: OpenDaySignup;
        try {
          signup = await deliveryApi.signUp(day.id, {
            unit_id: values.unit_id!,
            ...(owners.length > 1 && values.customer_id ? { customer_id: values.customer_id } : {}),
            party_size: values.party_size,
            ...(values.note.trim() ? { note: values.note.trim() } : {}),
          });
        } catch (err) {
          // The day filled, passed or was vetoed meanwhile, or the unit signed up elsewhere: the counts and the list read again.
          if (err instanceof ApiError && err.status === 409) openDayChanged(queryClient);
          throw signupFailure(err);
        }
        signupChanged(queryClient, signup);
        void message.success(t('signup.created', { code: signup.unit_code, name: signup.customer_name, count: signup.party_size }));
      }}
      onClose={onClose}
    >
      <Form.Item
        name="unit_id"
        label={t('signup.unit')}
        rules={[
          ...required(t('signup.unitRequired')),
          { validator: () => (ownersKnown && owners.length === 0 ? Promise.reject(new Error(t('signup.noOwner'))) : Promise.resolve()) },
        ]}
        extra={!loading && options.length === 0 ? t('signup.noSoldUnits') : undefined}
      >
        <Select<number>
          autoFocus
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={loading}
          placeholder={t('signup.unitPlaceholder')}
          data-testid="signup-unit"
        />
      </Form.Item>
      {/* Several owners: one is chosen; one alone is named (the server takes the first when none is given). */}
      {unitId !== undefined && owners.length > 1 && (
        <Form.Item name="customer_id" label={t('signup.owner')}>
          <Radio.Group
            options={owners.map((owner) => ({ value: owner.customer_id, label: t('book.ownerShare', { name: owner.name, share: formatShare(owner.share) }) }))}
            data-testid="signup-owner"
          />
        </Form.Item>
      )}
      {unitId !== undefined && owners.length === 1 && (
        <Form.Item label={t('signup.owner')}>
          <Typography.Text data-testid="signup-owner">{owners[0].name}</Typography.Text>
        </Form.Item>
      )}
      {unitId !== undefined && !ownersKnown && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          …
        </Typography.Paragraph>
      )}
      <Form.Item
        name="party_size"
        label={t('signup.partySize')}
        rules={[
          ...required(t('signup.partySizeRequired')),
          { type: 'integer', min: kPartySize.min, max: kPartySize.max, message: t('signup.partySizeRange') },
        ]}
      >
        <InputNumber min={kPartySize.min} max={kPartySize.max} precision={0} suffix={t('signup.personUnit')} style={{ width: 140 }} data-testid="signup-party-size" />
      </Form.Item>
      <Form.Item name="note" label={t('signup.note')} rules={[{ max: 500, message: t('reason.too_long') }]}>
        <Input maxLength={500} placeholder={t('signup.notePlaceholder')} data-testid="signup-note" />
      </Form.Item>
    </FormModal>
  );
}
