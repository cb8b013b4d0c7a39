import { type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Grid, Spin, Typography } from 'antd';
import { FlagOutlined, HomeOutlined, KeyOutlined, LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { ProjectFilter } from '../components/ProjectSelect';
import { chinaToday, inspectionKindLabel, slotDayLabel, weekdayLabel } from '../labels';
import { reportsApi, type CalendarDay } from '../reportsApi';

const kMonth = /^\d{4}-\d{2}$/;
const kItem: CSSProperties = {
  display: 'block',
  fontSize: 12,
  lineHeight: '18px',
  padding: '0 4px',
  borderRadius: 4,
  marginTop: 2,
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

type Kind = 'batch' | 'inspection' | 'openDay' | 'handovers';
const kKinds: Record<Kind, { color: string; background: string; icon: ReactNode }> = {
  batch: { color: '#0958d9', background: '#e6f4ff', icon: <FlagOutlined /> },
  inspection: { color: '#d46b08', background: '#fff7e6', icon: <SearchOutlined /> },
  openDay: { color: '#389e0d', background: '#f6ffed', icon: <HomeOutlined /> },
  handovers: { color: '#531dab', background: '#f9f0ff', icon: <KeyOutlined /> },
};

/** One thing on a day, a link to its page. */
function Item({ to, kind, text, struck, testId }: { to: string; kind: Kind; text: string; struck?: boolean; testId: string }) {
  const { color, background, icon } = kKinds[kind];
  return (
    <Link to={to} style={{ ...kItem, color, background }} title={text} data-testid={testId}>
      {icon} <span style={{ textDecoration: struck ? 'line-through' : undefined }}>{text}</span>
    </Link>
  );
}

/** A day's things: the batches planned, the inspections, the open days, the handovers (booked of the seats). */
function DayItems({ day, showProject }: { day: CalendarDay; showProject: boolean }) {
  const t = useT();
  const handovers = day.handovers.booked + day.handovers.in_progress + day.handovers.done;
  return (
    <>
      {day.batches.map((batch) => (
        <Item
          key={`b${batch.id}`}
          to={`/delivery/batches/${batch.id}`}
          kind="batch"
          text={t('deliveryCalendar.batch', { name: showProject ? `${batch.project_name} ${batch.name}` : batch.name })}
          testId={`calendar-batch-${batch.id}`}
        />
      ))}
      {day.inspections.map((inspection) => (
        <Item
          key={`i${inspection.id}`}
          to={`/delivery/batches/${inspection.batch_id}`}
          kind="inspection"
          text={t('deliveryCalendar.inspection', { kind: inspectionKindLabel(t, inspection.kind), batch: inspection.batch_name })}
          testId={`calendar-inspection-${inspection.id}`}
        />
      ))}
      {day.open_days.map((openDay) => (
        <Item
          key={`o${openDay.id}`}
          to={`/delivery/open-days?project_id=${openDay.project_id}`}
          kind="openDay"
          struck={openDay.status === 'vetoed'}
          text={t('deliveryCalendar.openDay', { project: openDay.project_name })}
          testId={`calendar-open-day-${openDay.id}`}
        />
      ))}
      {(handovers > 0 || day.slots.capacity > 0) && (
        <Item
          to={`/delivery/desk?on=${day.day}`}
          kind="handovers"
          text={
            day.slots.capacity > 0
              ? t('deliveryCalendar.handovers', { booked: day.slots.booked, capacity: day.slots.capacity })
              : t('deliveryCalendar.handoversNoSlots', { count: handovers })
          }
          testId={`calendar-handovers-${day.day}`}
        />
      )}
    </>
  );
}

/**
 * /delivery/calendar?month=YYYY-MM&project_id= — 交付日历: a month of the projects' delivery, by day:
 * the batches planned, the inspections, the site open days, the handovers booked of the seats
 * opened; each a link to its page (the batch, the open days, the handover desk of the day). On a phone,
 * a list of the days that have something.
 */
export default function DeliveryCalendarPage() {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [params, show] = useParamsPatch();
  const today = chinaToday();
  const monthParam = params.get('month') ?? '';
  const month = dayjs(`${kMonth.test(monthParam) ? monthParam : today.slice(0, 7)}-01`);
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const from = month.format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const calendar = useQuery({
    queryKey: ['delivery-calendar', from, to, projectId],
    queryFn: ({ signal }) => reportsApi.calendar({ from, to, ...(projectId ? { project_id: projectId } : {}) }, signal),
    placeholderData: (previous) => previous,
  });
  const byDay = new Map((calendar.data?.days ?? []).map((day) => [day.day, day]));
  const go = (months: number) => show({ month: month.add(months, 'month').format('YYYY-MM') });
  // Monday first: the blank cells before the 1st.
  const lead = (month.day() + 6) % 7;
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: month.daysInMonth() }, (_, i) => month.date(i + 1).format('YYYY-MM-DD'))];
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => weekdayLabel(t, weekday));

  return (
    <>
      <PageHeader title={t('deliveryCalendar.title')} description={t('deliveryCalendar.description')} onRefresh={() => void calendar.refetch()} />
      <ErrorAlert error={calendar.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <Button icon={<LeftOutlined />} aria-label={t('deliveryCalendar.prev')} onClick={() => go(-1)} data-testid="calendar-prev" />
            <Typography.Text strong style={{ fontSize: 16, minWidth: 96, textAlign: 'center' }} data-testid="calendar-month" data-month={month.format('YYYY-MM')}>
              {t('deliveryCalendar.month', { year: month.year(), month: month.month() + 1 })}
            </Typography.Text>
            <Button icon={<RightOutlined />} aria-label={t('deliveryCalendar.next')} onClick={() => go(1)} data-testid="calendar-next" />
            <Button onClick={() => show({ month: null })} data-testid="calendar-today">
              {t('deliveryCalendar.today')}
            </Button>
          </Flex>
          <ProjectFilter value={projectId} onChange={(id) => show({ project_id: id })} />
        </Flex>
        <Flex gap={12} wrap style={{ fontSize: 12, marginBottom: 8 }} data-testid="calendar-legend">
          {(
            [
              ['batch', t('deliveryCalendar.legendBatch')],
              ['inspection', t('deliveryCalendar.legendInspection')],
              ['openDay', t('deliveryCalendar.legendOpenDay')],
              ['handovers', t('deliveryCalendar.legendHandovers')],
            ] as const
          ).map(([kind, label]) => (
            <span key={kind} style={{ color: kKinds[kind].color }}>
              {kKinds[kind].icon} {label}
            </span>
          ))}
        </Flex>
        <Spin spinning={calendar.isFetching}>
          {narrow ? (
            byDay.size === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliveryCalendar.empty')} />
            ) : (
              <Flex vertical data-testid="calendar-list">
                {[...byDay.values()].map((day, index) => (
                  <div key={day.day} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`calendar-day-${day.day}`}>
                    <Typography.Text strong style={{ color: day.day === today ? '#1677ff' : undefined }}>
                      {slotDayLabel(t, day.day)}
                    </Typography.Text>
                    <DayItems day={day} showProject={!projectId} />
                  </div>
                ))}
              </Flex>
            )
          ) : (
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', border: '1px solid #f0f0f0', borderRadius: 6 }} data-testid="calendar-grid">
              {weekdays.map((weekday) => (
                <div key={weekday} style={{ padding: '4px 8px', background: '#fafafa', fontSize: 12, color: '#595959', borderBottom: '1px solid #f0f0f0' }}>
                  {weekday}
                </div>
              ))}
              {cells.map((cell, index) => {
                const day = cell ? byDay.get(cell) : undefined;
                return (
                  <div
                    key={cell ?? `blank-${index}`}
                    style={{
                      minHeight: 96,
                      padding: 4,
                      borderTop: index >= 7 ? '1px solid #f0f0f0' : undefined,
                      borderInlineStart: index % 7 ? '1px solid #f0f0f0' : undefined,
                      background: cell === today ? '#f0f7ff' : undefined,
                      minWidth: 0,
                    }}
                    data-testid={cell ? `calendar-day-${cell}` : undefined}
                  >
                    {cell && (
                      <>
                        <Typography.Text strong={cell === today} style={{ fontSize: 12, color: cell === today ? '#1677ff' : '#8c8c8c' }}>
                          {Number(cell.slice(8))}
                        </Typography.Text>
                        {day && <DayItems day={day} showProject={!projectId} />}
                      </>
                    )}
                  </div>
                );
              })}
            </div>
          )}
        </Spin>
      </Card>
    </>
  );
}
