import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Col, Flex, Form, Grid, Input, Row, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { BackLink, RecordFallback, recordPage } from '../../../shared/ui/RecordPage';
import { Fact, FactGrid } from '../../../shared/ui/Fact';
import { FormModal } from '../../../shared/ui/FormModal';
import { requiredText } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryApi } from '../api';
import { handoverChanged, useHandover } from '../queries';
import { deliveryAccess } from '../access';
import { backToDesk, bookedViaLabel, formatDay, formatMinute } from '../labels';
import { stepErrorText } from '../errors';
import type { Handover } from '../types';
import { HandoverSteps } from '../components/HandoverSteps';
import { HandoverStatusTag, StepProgress } from '../components/Tags';
import { HandoverRepairs } from '../components/Repairs';
import { RescheduleModal } from '../components/RescheduleModal';

/**
 * A handover (收房): the unit, the owner, the slot and how far it has come; the six steps in order
 * with the form of the step due now; the repairs its inspection opened with their 复验; 改约 to another
 * slot while booked; 取消预约.
 */
function HandoverView({ id }: { id: number }) {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const cancelling = useModalTarget<true>();
  const moving = useModalTarget<true>();
  const query = useHandover(id);
  const handover = query.data;

  if (!handover) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('handover.notFoundTitle'), subtitle: t('handover.notFoundSubtitle') }}
        back={backToDesk(t)}
      />
    );
  }

  const day = formatDay(handover.slot_at);
  const open = handover.status === 'booked' || handover.status === 'in_progress';
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={backToDesk(t, day)} testId="back-to-desk" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'desk', title: <Link to={`/delivery/desk?on=${day}`}>{t('nav.handoverDesk')}</Link> },
              { key: 'handover', title: handover.unit_code },
            ]}
          />
        )}
      </Flex>

      <Card variant="borderless" data-testid="handover-header">
        <Flex justify="space-between" align="flex-start" gap={12} wrap>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} className="hearth-mono" data-testid="handover-unit-code">
              {handover.unit_code}
            </Typography.Title>
            <HandoverStatusTag status={handover.status} testId="handover-status" />
          </Flex>
          <Flex gap={8} wrap>
            {access.reschedule(handover) && (
              <Button onClick={() => moving.openModal(true)} data-testid="handover-reschedule">
                {t('reschedule.action')}
              </Button>
            )}
            {access.work && open && (
              <Button danger onClick={() => cancelling.openModal(true)} data-testid="handover-cancel">
                {t('handover.cancel')}
              </Button>
            )}
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('handover.headerMeta', { project: handover.project_name, at: formatMinute(handover.slot_at) })}
        </Typography.Text>
        <FactGrid columns="repeat(auto-fit, minmax(150px, 1fr))">
          <Fact label={t('handover.unit')} testId="fact-unit">
            <Link to={`/units/${handover.unit_id}`} data-testid="handover-unit-link">
              {handover.unit_code}
            </Link>
          </Fact>
          <Fact label={t('handover.owner')} testId="fact-owner">
            {handover.customer_id !== null ? <Link to={`/customers/${handover.customer_id}`}>{handover.customer_name}</Link> : t('desk.noOwner')}
          </Fact>
          <Fact label={t('handover.slot')} testId="fact-slot">
            {formatMinute(handover.slot_at)}
          </Fact>
          <Fact label={t('handover.bookedVia')} testId="fact-booked-via">
            {bookedViaLabel(t, handover.booked_via)}
          </Fact>
          <Fact label={t('handover.progress')} testId="fact-progress">
            <Flex align="center" gap={8}>
              <StepProgress done={handover.steps_done} cancelled={handover.status === 'cancelled'} />
              <span>{t('desk.progress', { done: handover.steps_done })}</span>
            </Flex>
          </Fact>
          <Fact label={t('handover.deliveredOn')} testId="fact-delivered">
            {handover.delivered_on ?? '—'}
          </Fact>
        </FactGrid>
      </Card>

      {handover.status === 'done' && handover.delivered_on && (
        <Alert type="success" showIcon title={t('handover.deliveredBanner', { date: handover.delivered_on })} data-testid="handover-delivered" />
      )}
      {handover.status === 'cancelled' && (
        <Alert type="warning" showIcon title={t('handover.cancelledNote', { reason: handover.note })} style={{ overflowWrap: 'anywhere' }} data-testid="handover-cancelled" />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card variant="borderless" title={t('handover.stepsTitle')} extra={open && !narrow ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('handover.onlyNext')}</Typography.Text> : undefined}>
            <HandoverSteps handover={handover} writable={access.work} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card variant="borderless" title={t('handover.repairs')}>
            <HandoverRepairs handover={handover} />
          </Card>
        </Col>
      </Row>
      {cancelling.modal && <CancelModal key={cancelling.modal.key} handover={handover} onClose={cancelling.closeModal} />}
      {moving.modal && <RescheduleModal key={moving.modal.key} handover={handover} onClose={moving.closeModal} />}
    </Flex>
  );
}

/** 取消预约 with a reason (required). Mount it once per opening. */
function CancelModal({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      form={form}
      name="cancel-handover"
      formFields={['reason']}
      errorText={(cause) => stepErrorText(t, cause)}
      initialValues={{ reason: '' }}
      autoComplete="off"
      title={t('handover.cancelTitle', { code: handover.unit_code })}
      okText={t('handover.cancel')}
      okDanger
      width={480}
      testId="cancel-handover-modal"
      onSave={async (values) => {
        const cancelled = await deliveryApi.cancel(handover.id, values.reason.trim());
        handoverChanged(queryClient, cancelled);
        void message.success(t('handover.cancelled', { code: cancelled.unit_code }));
      }}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('handover.cancelReason')} rules={[...requiredText(t('handover.cancelReasonRequired')), { max: 500, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="cancel-handover-reason" />
      </Form.Item>
    </FormModal>
  );
}

/** /delivery/handovers/:id */
export default recordPage(HandoverView, 'handover.notFoundTitle', (t) => backToDesk(t));
