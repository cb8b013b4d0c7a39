import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Select, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { formatYuan, yuanToFen } from '../../inventory/labels';
import { salesApi } from '../api';
import { dealChanged, useOpenUnits } from '../queries';
import type { Lead, Pledge } from '../types';
import { MoneyInput } from './MoneyInput';

interface PledgeValues {
  amount_yuan: number;
  unit_id?: number;
}

const kFields = ['amount_yuan', 'unit_id'];

/** 认筹: a queue number of the lead's project for an amount, maybe hoping for a unit (shown 认筹 on the board). */
export function PledgeModal({ lead, onClose, onSaved }: { lead: Lead; onClose: () => void; onSaved: (pledge: Pledge) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PledgeValues>();
  const units = useOpenUnits(lead.project_id, false);

  const save = async (values: PledgeValues) => {
    const pledge = await salesApi.pledge({
      project_id: lead.project_id,
      customer_id: lead.customer_id,
      amount_cents: yuanToFen(values.amount_yuan) ?? 0,
      unit_id: values.unit_id,
      lead_id: lead.id,
    });
    void message.success(t('pledge.created', { queue: pledge.queue_no }));
    dealChanged(queryClient, pledge);
    onSaved(pledge);
  };

  return (
    <FormModal<PledgeValues>
      form={form}
      name="pledge"
      formFields={kFields}
      fieldResolver={{ amount_cents: 'amount_yuan' }}
      initialValues={{ amount_yuan: 50_000 }}
      autoComplete="off"
      title={t('pledge.title', { name: lead.customer_name })}
      okText={t('pledge.submit')}
      width={520}
      testId="pledge-modal"
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('pledge.explain', { project: lead.project_name })}</Typography.Paragraph>
      <Form.Item name="amount_yuan" label={t('pledge.amount')} rules={required(t('pledge.amountRequired'))}>
        <MoneyInput min={1} step={10_000} data-testid="pledge-amount" />
      </Form.Item>
      <Form.Item name="unit_id" label={t('pledge.unit')} extra={t('pledge.unitHint')}>
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={units.isLoading}
          placeholder={t('pledge.unitPlaceholder')}
          options={(units.data ?? []).map((unit) => ({ value: unit.id, label: `${unit.code} · ${unit.layout || '—'} · ${formatYuan(unit.list_price_cents)}` }))}
          data-testid="pledge-unit"
        />
      </Form.Item>
    </FormModal>
  );
}
