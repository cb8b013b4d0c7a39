import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { requiredText } from '../../../shared/ui/formRules';
import { deliveryApi } from '../api';
import { fundChanged, useFund } from '../queries';
import { formatFen } from '../labels';
import { approveErrorText, decideErrorText } from '../errors';
import type { FundProposal } from '../types';

interface DecisionValues {
  note: string;
}

/**
 * 批准 a proposal (a manager's; a note may go with it), which spends its amount from the company's
 * fund at once, saying what the balance will be and warning when it is short (the server refuses
 * then, naming the balance); or 驳回 it, the reason required. A proposal decided meanwhile, or a
 * balance that moved, reads the fund and the lists again. Mount it once per opening.
 */
export function ProposalDecisionModal({ proposal, approve, onClose }: { proposal: FundProposal; approve: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const fund = useFund(proposal.company_id).data;
  const amount = formatFen(proposal.amount_cents);
  const short = fund !== undefined && fund.balance_cents < proposal.amount_cents;
  return (
    <FormModal<DecisionValues>
      form={form}
      name={approve ? 'proposal-approve' : 'proposal-reject'}
      formFields={['note']}
      fieldResolver={{ reason: 'note' }}
      errorText={(cause) => (approve ? approveErrorText(t, cause, proposal.amount_cents) : decideErrorText(t, cause))}
      initialValues={{ note: '' }}
      autoComplete="off"
      title={t(approve ? 'proposal.approveTitle' : 'proposal.rejectTitle', { title: proposal.title })}
      okText={t(approve ? 'proposal.approve' : 'proposal.reject')}
      okDanger={!approve}
      width={540}
      testId={approve ? 'proposal-approve-modal' : 'proposal-reject-modal'}
      onSave={async (values) => {
        try {
          const decided = approve ? await deliveryApi.approveFundProposal(proposal.id, values.note.trim()) : await deliveryApi.rejectFundProposal(proposal.id, values.note.trim());
          fundChanged(queryClient);
          void message.success(t(approve ? 'proposal.approved' : 'proposal.rejected', { title: decided.title, amount }));
        } catch (err) {
          // The balance or the proposal moved since the page read them: show what stands now.
          if (err instanceof ApiError && err.status === 409) fundChanged(queryClient);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="proposal-decision-summary">
        {t('proposal.decisionSummary', { project: proposal.project_name, meeting: proposal.meeting_on, amount })}
      </Typography.Paragraph>
      {approve &&
        fund &&
        (short ? (
          <Alert type="warning" showIcon title={t('proposal.balanceShort', { balance: formatFen(fund.balance_cents), amount })} style={{ marginBottom: 16 }} data-testid="proposal-balance" />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('proposal.balanceAfter', { company: fund.company_name, balance: formatFen(fund.balance_cents), after: formatFen(fund.balance_cents - proposal.amount_cents) })}
            style={{ marginBottom: 16 }}
            data-testid="proposal-balance"
          />
        ))}
      {!approve && <Alert type="warning" showIcon title={t('proposal.rejectWarning')} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="note"
        label={t(approve ? 'proposal.approveNote' : 'proposal.rejectReason')}
        rules={[...(approve ? [] : requiredText(t('proposal.rejectReasonRequired'))), { max: 1000, message: t('reason.too_long') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          autoFocus
          placeholder={t(approve ? 'proposal.approveNotePlaceholder' : 'proposal.rejectReasonPlaceholder')}
          data-testid={approve ? 'proposal-approve-note' : 'proposal-reject-reason'}
        />
      </Form.Item>
    </FormModal>
  );
}
