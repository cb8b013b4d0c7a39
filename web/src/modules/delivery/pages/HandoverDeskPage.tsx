import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Empty, Flex, Spin, Tooltip, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { deliveryApi } from '../api';
import { handoverKeys } from '../queries';
import { deliveryAccess } from '../access';
import { formatClock, formatDay, handoverStepLabel, today } from '../labels';
import type { Handover, HandoverQuery } from '../types';
import { BookHandoverModal } from '../components/BookHandoverModal';
import { HandoverStatusTag, StepProgress } from '../components/Tags';

const kPageSize = 200;
const kDay = /^\d{4}-\d{2}-\d{2}$/;

/** A handover of the day as a card leading to its page: the slot, the unit, the owner, how far it has come and the step due next. */
function HandoverCard({ handover }: { handover: Handover }) {
  const t = useT();
  return (
    <Link to={`/delivery/handovers/${handover.id}`} className="hearth-card hearth-card-hoverable" style={{ display: 'block', color: 'inherit' }} data-testid={`handover-card-${handover.id}`} data-unit={handover.unit_code}>
      <div className="hearth-card-body" style={{ padding: 16 }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex align="baseline" gap={10} style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 20 }} data-testid="handover-slot">
              {formatClock(handover.slot_at)}
            </Typography.Text>
            <Typography.Text strong className="hearth-mono" style={{ fontSize: 16 }} data-testid="handover-unit">
              {handover.unit_code}
            </Typography.Text>
          </Flex>
          <HandoverStatusTag status={handover.status} testId="handover-status" />
        </Flex>
        <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
          {handover.project_name}
        </Typography.Text>
        <Typography.Text style={{ display: 'block', margin: '4px 0 8px' }} data-testid="handover-owner">
          {handover.customer_name || t('desk.noOwner')}
        </Typography.Text>
        <Flex align="center" gap={8} wrap>
          <StepProgress done={handover.steps_done} cancelled={handover.status === 'cancelled'} />
          <Typography.Text style={{ fontSize: 12 }} data-testid="handover-progress">
            {t('desk.progress', { done: handover.steps_done })}
          </Typography.Text>
          {handover.next_step && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="handover-next">
              {t('desk.next', { step: handoverStepLabel(t, handover.next_step) })}
            </Typography.Text>
          )}
        </Flex>
      </div>
    </Link>
  );
}

/**
 * /delivery/desk?on=YYYY-MM-DD — 交付台: the day's handovers (today to begin with) by slot, as cards
 * (the unit, the owner, x/6 and the step due next) leading to each one's page; 预约收房 for customer
 * relations. The day moves with the picker or the arrows; the address keeps it.
 */
export default function HandoverDeskPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const booking = useModalTarget<true>();
  const [params, setParams] = useSearchParams();
  const onParam = params.get('on') ?? '';
  const day = kDay.test(onParam) && dayjs(onParam).isValid() ? onParam : today();
  const setDay = (next: string) => {
    const search = new URLSearchParams(params);
    if (next === today()) search.delete('on');
    else search.set('on', next);
    setParams(search, { replace: true });
  };
  const shift = (days: number) => setDay(dayjs(day).add(days, 'day').format('YYYY-MM-DD'));

  const query: HandoverQuery = { on: day, limit: kPageSize };
  const list = useCursorList(handoverKeys.list(query), (cursor, signal) => deliveryApi.listHandovers({ ...query, cursor }, signal), { keepPrevious: false });
  const items = list.items;
  const count = (status: Handover['status']) => items.filter((h) => h.status === status).length;

  return (
    <>
      <PageHeader
        title={t('desk.title')}
        description={t('desk.description')}
        onRefresh={() => void list.reload()}
        extra={
          access.work && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => booking.openModal(true)} data-testid="book-handover">
              {t('desk.book')}
            </Button>
          )
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Flex gap={8} align="center" wrap>
          <Tooltip title={t('desk.prevDay')}>
            <Button icon={<LeftOutlined />} aria-label={t('desk.prevDay')} onClick={() => shift(-1)} data-testid="desk-prev" />
          </Tooltip>
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))}
            aria-label={t('desk.day')}
            style={{ width: 150 }}
            data-testid="desk-day"
          />
          <Tooltip title={t('desk.nextDay')}>
            <Button icon={<RightOutlined />} aria-label={t('desk.nextDay')} onClick={() => shift(1)} data-testid="desk-next" />
          </Tooltip>
          {day !== today() && (
            <Button type="link" onClick={() => setDay(today())} data-testid="desk-today">
              {t('desk.today')}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} data-testid="desk-summary">
            {t('desk.summary', { total: items.length - count('cancelled'), done: count('done'), progress: count('in_progress'), booked: count('booked') })}
          </Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={list.error} />
      <Spin spinning={list.loading}>
        {items.length === 0 && !list.loading ? (
          <Card variant="borderless">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.empty')} />
          </Card>
        ) : (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 300px), 1fr))', gap: 12 }} data-testid="desk-cards">
            {items.map((handover) => (
              <HandoverCard key={handover.id} handover={handover} />
            ))}
          </div>
        )}
        {list.nextCursor && <CursorListFooter list={list} pageSize={kPageSize} />}
      </Spin>
      {booking.modal && (
        <BookHandoverModal key={booking.modal.key} day={day} onBooked={(handover) => setDay(formatDay(handover.slot_at))} onClose={booking.closeModal} />
      )}
    </>
  );
}
