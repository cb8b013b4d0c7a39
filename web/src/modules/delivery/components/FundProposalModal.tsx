import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { yuanToFen } from '../../inventory/labels';
import { MoneyInput } from '../../sales/components/MoneyInput';
import { deliveryApi } from '../api';
import { fundChanged } from '../queries';
import { formatFen } from '../labels';
import type { FundProposal } from '../types';
import { ProjectSelect } from './ProjectSelect';

interface ProposalValues {
  project_id?: number;
  title: string;
  detail: string;
  meeting_on?: Dayjs;
  owners_present?: number | null;
  amount_yuan?: number;
}

const kFields = ['project_id', 'title', 'detail', 'meeting_on', 'owners_present', 'amount_yuan'];

/**
 * 新建提案: a renovation an owners' meeting voted for (the project, what, the meeting's day — not
 * after today — and how many owners came, the amount), to be paid from the project's company's fund
 * once a manager approves it. Mount it once per opening.
 */
export function FundProposalModal({ onCreated, onClose }: { onCreated: (proposal: FundProposal) => void; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProposalValues>();
  return (
    <FormModal<ProposalValues>
      form={form}
      name="fund-proposal"
      formFields={kFields}
      fieldResolver={{ amount_cents: 'amount_yuan' }}
      initialValues={{ title: '', detail: '' }}
      autoComplete="off"
      title={t('proposal.createTitle')}
      okText={t('proposal.submit')}
      width={600}
      testId="fund-proposal-modal"
      onSave={async (values) => {
        const proposal = await deliveryApi.proposeFund({
          project_id: values.project_id!,
          title: values.title.trim(),
          ...(values.detail.trim() ? { detail: values.detail.trim() } : {}),
          meeting_on: values.meeting_on!.format('YYYY-MM-DD'),
          ...(typeof values.owners_present === 'number' ? { owners_present: values.owners_present } : {}),
          amount_cents: yuanToFen(values.amount_yuan) ?? 0,
        });
        fundChanged(queryClient);
        void message.success(t('proposal.created', { title: proposal.title, amount: formatFen(proposal.amount_cents) }));
        onCreated(proposal);
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('proposal.createHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="project_id" label={t('proposal.project')} rules={required(t('batch.projectRequired'))}>
        <ProjectSelect autoFocus aria-label={t('proposal.project')} placeholder={t('batch.filterProject')} data-testid="fund-proposal-project" />
      </Form.Item>
      <Form.Item name="title" label={t('proposal.titleLabel')} rules={[...requiredText(t('proposal.titleRequired')), { max: 200, message: t('reason.too_long') }]}>
        <Input maxLength={200} placeholder={t('proposal.titlePlaceholder')} data-testid="fund-proposal-title" />
      </Form.Item>
      <Form.Item name="detail" label={t('proposal.detail')} rules={[{ max: 4000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={4000} placeholder={t('proposal.detailPlaceholder')} data-testid="fund-proposal-detail" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="meeting_on" label={t('proposal.meetingOn')} rules={required(t('proposal.meetingOnRequired'))}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="fund-proposal-meeting" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="owners_present" label={t('proposal.ownersPresent')}>
            <InputNumber<number> min={0} max={100_000} precision={0} suffix={t('proposal.ownersUnit')} style={{ width: '100%' }} data-testid="fund-proposal-owners" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="amount_yuan" label={t('proposal.amount')} rules={required(t('fund.amountRequired'))}>
        <MoneyInput min={0.01} step={1_000} data-testid="fund-proposal-amount" />
      </Form.Item>
    </FormModal>
  );
}
