import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Radio } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { yuanToFen } from '../../inventory/labels';
import { MoneyInput } from '../../sales/components/MoneyInput';
import { deliveryApi } from '../api';
import { fundChanged } from '../queries';
import { formatFen, formatSignedFen, fundInflowOptions, fundKindLabel } from '../labels';
import { fundEntryErrorText } from '../errors';
import type { FundEntry, FundInflowKind } from '../types';
import { CompanySelect } from './CompanySelect';
import { ProjectSelect } from './ProjectSelect';

interface EntryValues {
  company_id?: number;
  kind: FundInflowKind;
  amount_yuan?: number;
  project_id?: number;
  note: string;
}

const kFields = ['company_id', 'kind', 'amount_yuan', 'project_id', 'note'];
/** 10¹² fen, the server's largest amount. */
const kMaxYuan = 10_000_000_000;

/**
 * 记录入账 (a manager's): into a company's fund — also one without any entry yet — a share of profit
 * (利润提取), owners' contributions (业主捐赠/共建, maybe naming the project), or a correction (更正:
 * signed, never 0, with the reason; it may not take the balance below zero). Mount it once per opening.
 */
export function FundEntryModal({ companyId, onRecorded, onClose }: { companyId?: number; onRecorded: (entry: FundEntry) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EntryValues>();
  const kind = Form.useWatch('kind', form) ?? 'profit_share';
  const amount = Form.useWatch('amount_yuan', form);
  const correction = kind === 'correction';
  return (
    <FormModal<EntryValues>
      form={form}
      name="fund-entry"
      formFields={kFields}
      fieldResolver={{ amount_cents: 'amount_yuan' }}
      errorText={(cause) => fundEntryErrorText(t, cause, yuanToFen(amount) ?? 0)}
      initialValues={{ company_id: companyId, kind: 'profit_share', note: '' }}
      autoComplete="off"
      title={t('fund.recordTitle')}
      okText={t('fund.record')}
      width={560}
      testId="fund-entry-modal"
      onSave={async (values) => {
        const entry = await deliveryApi.recordFundEntry(values.company_id!, {
          kind: values.kind,
          amount_cents: yuanToFen(values.amount_yuan) ?? 0,
          ...(values.kind === 'owner_contribution' && values.project_id ? { project_id: values.project_id } : {}),
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
        });
        fundChanged(queryClient);
        void message.success(t('fund.recorded', { kind: fundKindLabel(t, entry.kind), amount: formatSignedFen(entry.amount_cents), balance: formatFen(entry.balance_after_cents) }));
        onRecorded(entry);
      }}
      onClose={onClose}
    >
      <Form.Item name="company_id" label={t('fund.company')} rules={required(t('fund.companyRequired'))}>
        <CompanySelect aria-label={t('fund.company')} placeholder={t('fund.companyPlaceholder')} data-testid="fund-entry-company" />
      </Form.Item>
      <Form.Item name="kind" label={t('fund.kind')} rules={required(t('fund.kindRequired'))}>
        <Radio.Group optionType="button" buttonStyle="solid" options={fundInflowOptions(t)} data-testid="fund-entry-kind" />
      </Form.Item>
      {correction && <Alert type="info" showIcon title={t('fund.correctionHint')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="amount_yuan"
        label={t('fund.amount')}
        rules={[
          ...required(t('fund.amountRequired')),
          {
            validator: async (_, value?: number) => {
              if (value === undefined || value === null) return;
              if (correction ? value === 0 : value <= 0) throw new Error(t(correction ? 'fund.amountNonZero' : 'fund.amountPositive'));
            },
          },
        ]}
      >
        <MoneyInput min={correction ? -kMaxYuan : 0} max={kMaxYuan} step={1_000} data-testid="fund-entry-amount" />
      </Form.Item>
      {kind === 'owner_contribution' && (
        <Form.Item name="project_id" label={t('fund.contributionProject')} extra={t('fund.contributionProjectHint')}>
          <ProjectSelect allowClear aria-label={t('fund.contributionProject')} placeholder={t('batch.filterProject')} data-testid="fund-entry-project" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('fund.note')}
        rules={[...(correction ? [{ required: true, whitespace: true, message: t('fund.noteRequired') }] : []), { max: 1000, message: t('reason.too_long') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} placeholder={correction ? t('fund.correctionNotePlaceholder') : t('fund.notePlaceholder')} data-testid="fund-entry-note" />
      </Form.Item>
    </FormModal>
  );
}
