import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, Skeleton, Steps, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import type { Translate } from '../../../app/i18n/i18nContext';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { serviceApi } from '../api';
import { serviceKeys, ticketKeys, workOrderKeys } from '../queries';
import { chargeToLabel, formatFen, isSettled, kWorkOrderAllowed, kWorkOrderStatusColors, workOrderActionLabel, workOrderStatusLabel } from '../labels';
import type { Ticket, WorkOrder, WorkOrderAction } from '../types';
import type { Users } from '../../platform/useUsers';
import { WorkOrderActionModal, WorkOrderCreateModal } from './WorkOrderModals';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

const kTime = 'YYYY-MM-DD HH:mm';
const short = (at: string | null) => (at ? formatDateTime(at).slice(0, kTime.length) : '');

/**
 * Where the repair stands on 报修 → 派工 → 上门 → 验收 → 回访, from the latest work order that is
 * not cancelled and the ticket's own status (回访 is the ticket's call-back).
 */
function RepairSteps({ t, ticket, order }: { t: Translate; ticket: Ticket; order: WorkOrder | undefined }) {
  const stage = !order ? 1 : order.status === 'pending_approval' ? 1 : order.status === 'dispatched' ? 2 : order.status === 'visited' ? 3 : 4;
  const done = ticket.status === 'closed';
  const items = [
    { title: t('workOrder.stepReported'), content: short(ticket.created_at) },
    {
      title: t('workOrder.stepDispatched'),
      content: order?.status === 'pending_approval' ? t('workOrder.awaitingApproval') : order ? order.contractor : t('workOrder.notDispatched'),
    },
    { title: t('workOrder.stepVisited'), content: order?.visited_at ? short(order.visited_at) : order && stage === 2 ? t('workOrder.appointmentAt', { at: short(order.appointment_at) }) : '' },
    { title: t('workOrder.stepAccepted'), content: order?.accepted_at ? short(order.accepted_at) : '' },
    { title: t('workOrder.stepCallback'), content: ticket.satisfaction !== null ? t('workOrder.satisfactionValue', { value: ticket.satisfaction }) : '' },
  ];
  return (
    <Steps
      size="small"
      current={done ? 4 : stage}
      status={done ? 'finish' : order?.status === 'pending_approval' ? 'wait' : 'process'}
      items={items}
      style={{ marginBottom: 20 }}
      data-testid="repair-steps"
      data-stage={done ? 5 : stage}
    />
  );
}

/**
 * 维修工单 of a repair ticket: where the repair stands, each work order with its appointment,
 * contractor, cost and who pays, and the buttons its status allows, each opening a short form.
 */
export function WorkOrdersCard({ ticket, users, writable, onChanged }: { ticket: Ticket; users: Users; writable: boolean; onChanged: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ticketKeys.workOrders(ticket.id),
    queryFn: async ({ signal }) => (await serviceApi.workOrders(ticket.id, signal)).items,
  });
  const orders = query.data ?? null;
  const error = query.error;
  const create = useModalTarget<true>();
  const step = useModalTarget<{ order: WorkOrder; action: WorkOrderAction }>();
  const { me } = useAuth();
  const pending = orders?.some((o) => o.status === 'pending_approval') ?? false;
  // Who may approve a major case's plan: administrators and engineering's members (null: not known
  // yet; unknown after a failure, when the button is offered and the server decides).
  const isAdmin = !!me?.roles.includes('admin');
  const engineering = useQuery({
    queryKey: serviceKeys.departmentMembers('engineering'),
    queryFn: async ({ signal }) => (await serviceApi.departmentMembers('engineering', signal)).items,
    enabled: pending && !!me && !isAdmin,
  });
  const mayApprove = !me ? null : isAdmin ? true : engineering.data ? engineering.data.some((m) => m.user_id === me.id) : engineering.isError ? true : null;

  const saved = (order: WorkOrder) => {
    queryClient.setQueryData<WorkOrder[]>(ticketKeys.workOrders(ticket.id), (current) =>
      current?.some((o) => o.id === order.id) ? current.map((o) => (o.id === order.id ? order : o)) : [...(current ?? []), order],
    );
    void queryClient.invalidateQueries({ queryKey: workOrderKeys.ofCustomer(ticket.customer_id) });
    onChanged();
  };

  const active = [...(orders ?? [])].reverse().find((o) => o.status !== 'cancelled');
  // A second trade may be sent while the first works: any open repair ticket can be dispatched.
  const canDispatch = writable && !isSettled(ticket.status);

  const charge = (order: WorkOrder) => {
    if (!order.charge_to) return '—';
    return (
      <Tag color={order.charge_to === 'contractor' ? 'red' : order.charge_to === 'owner' ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="work-order-charge">
        {order.charge_to === 'contractor' ? t('workOrder.chargeBack', { amount: formatFen(order.cost_fen) }) : chargeToLabel(t, order.charge_to)}
      </Tag>
    );
  };

  const item = (order: WorkOrder) => {
    const actions = writable ? (kWorkOrderAllowed[order.status] ?? []) : [];
    return (
      <div
        key={order.id}
        style={{ border: '1px solid #eef0f4', borderRadius: 8, padding: '12px 16px', background: order.status === 'cancelled' ? '#fafbfc' : '#fff' }}
        data-testid={`work-order-${order.id}`}
        data-status={order.status}
      >
        <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('workOrder.ref', { id: order.id })}</Typography.Text>
          <Tag color={kWorkOrderStatusColors[order.status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-testid="work-order-status" data-status={order.status}>
            {workOrderStatusLabel(t, order.status)}
          </Tag>
          <Typography.Text>{order.contractor}</Typography.Text>
          {actions.length > 0 && (
            <Flex gap={8} wrap style={{ marginLeft: 'auto' }}>
              {actions.map((action, index) => {
                const refused = action === 'approve' && mayApprove === false;
                const button = (
                  <Button
                    key={action}
                    size="small"
                    type={action === 'cancel' ? 'default' : 'primary'}
                    ghost={action !== 'cancel' && index > 0}
                    danger={action === 'cancel' || action === 'reject'}
                    disabled={refused}
                    onClick={() => step.openModal({ order, action })}
                    data-testid={`work-order-${action}`}
                  >
                    {workOrderActionLabel(t, action)}
                  </Button>
                );
                return refused ? (
                  <Tooltip key={action} title={t('workOrder.approveNote')}>
                    {button}
                  </Tooltip>
                ) : (
                  button
                );
              })}
            </Flex>
          )}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} styles={{ label: { color: '#8c94a3' } }}>
          <Descriptions.Item label={t('workOrder.appointment')}>
            <span data-testid="work-order-appointment-at">{short(order.appointment_at)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.visitedAt')}>{short(order.visited_at) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('workOrder.acceptedAt')}>{short(order.accepted_at) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('workOrder.approval')}>
            {order.approved_at ? t('workOrder.approvedBy', { name: users.name(order.approved_by, t('user.someone')), at: short(order.approved_at) }) : order.status === 'pending_approval' ? t('workOrder.awaitingApproval') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.cost')}>
            <span data-testid="work-order-cost-value">{formatFen(order.cost_fen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrder.chargeTo')}>{charge(order)}</Descriptions.Item>
          <Descriptions.Item label={t('workOrder.plan')} span={{ xs: 1, md: 2, xl: 2 }}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{order.plan}</span>
          </Descriptions.Item>
          {order.note && (
            <Descriptions.Item label={t('workOrder.note')} span="filled">
              <span style={{ whiteSpace: 'pre-wrap' }}>{order.note}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </div>
    );
  };

  return (
    <Card
      variant="borderless"
      title={
        <Flex align="center" gap={8}>
          <ToolOutlined />
          {t('workOrder.title')}
        </Flex>
      }
      extra={
        canDispatch && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => create.openModal(true)} data-testid="new-work-order">
            {t('workOrder.dispatch')}
          </Button>
        )
      }
      data-testid="work-orders"
    >
      <RepairSteps t={t} ticket={ticket} order={active} />
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      {orders === null && !error ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : orders && orders.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={canDispatch ? t('workOrder.none') : t('workOrder.noneYet')} />
      ) : (
        <Flex vertical gap={12}>
          {orders?.map(item)}
        </Flex>
      )}
      {create.modal && <WorkOrderCreateModal key={create.modal.key} ticket={ticket} onClose={create.closeModal} onSaved={saved} />}
      {step.modal && (
        <WorkOrderActionModal
          key={step.modal.key}
          ticket={ticket}
          order={step.modal.target.order}
          action={step.modal.target.action}
          onClose={step.closeModal}
          onSaved={saved}
          onStale={() => void query.refetch()}
        />
      )}
    </Card>
  );
}
