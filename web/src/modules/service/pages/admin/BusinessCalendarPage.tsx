import { useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Calendar, Card, Col, Flex, Form, Input, Row, Skeleton, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../../app/i18n/useT';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { errorMessage } from '../../../../shared/ui/apiErrors';
import { serviceApi } from '../../api';
import { serviceKeys } from '../../queries';
import type { BusinessCalendar, CalendarDay } from '../../types';
import { CalendarDayModal } from '../../components/admin/CalendarDayModal';
import { ErrorAlert } from '../../../../shared/ui/ErrorAlert';

const kRegion = 'CN';
const kHolidayColor = '#cf1322';
const kMakeUpColor = '#1f4fd1';
const kTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A day's cell: red 休 on a holiday, blue 班 on a make-up working day, grey at the weekend. */
function DayCell({ date, exception, onOpen }: { date: Dayjs; exception: CalendarDay | undefined; onOpen: () => void }) {
  const t = useT();
  const weekend = date.day() === 0 || date.day() === 6;
  const holiday = exception && !exception.working;
  const makeUp = exception?.working;
  const cell = (
    <div
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      data-testid={`day-${date.format('YYYY-MM-DD')}`}
      data-kind={holiday ? 'holiday' : makeUp ? 'makeup' : weekend ? 'weekend' : 'workday'}
      style={{
        position: 'relative',
        margin: '0 auto',
        width: 30,
        height: 28,
        lineHeight: '28px',
        borderRadius: 6,
        cursor: 'pointer',
        background: holiday ? '#fff1f0' : makeUp ? '#eef3ff' : undefined,
        color: holiday ? kHolidayColor : makeUp ? kMakeUpColor : weekend ? '#a0a8b8' : undefined,
        fontWeight: exception ? 600 : undefined,
      }}
    >
      {date.date()}
      {exception && (
        <span style={{ position: 'absolute', top: -6, right: -6, fontSize: 9, lineHeight: '13px', padding: '0 2px', borderRadius: 3, color: '#fff', background: holiday ? kHolidayColor : kMakeUpColor }}>
          {holiday ? t('serviceAdmin.holiday') : t('serviceAdmin.makeUp')}
        </span>
      )}
    </div>
  );
  return exception?.name ? <Tooltip title={exception.name}>{cell}</Tooltip> : cell;
}

/** 系统管理 › 工作日历: working hours, and a year of holidays and 调休 days the SLA clocks skip or count. */
export default function BusinessCalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: serviceKeys.calendar(kRegion), queryFn: ({ signal }) => serviceApi.calendar(kRegion, signal) });
  const calendar = query.data;
  const error = query.error;
  // A fetch still on its way began before this change: cancel it so that its older answer
  // cannot overwrite the calendar the server has just returned.
  const setCalendar = (next: BusinessCalendar) => {
    void queryClient.cancelQueries({ queryKey: serviceKeys.calendar(kRegion) });
    queryClient.setQueryData(serviceKeys.calendar(kRegion), next);
  };
  const [year, setYear] = useState(() => dayjs().year());
  const [savingHours, setSavingHours] = useState(false);
  const [hoursForm] = Form.useForm<{ day_start: string; day_end: string }>();
  const { modal, openModal, closeModal } = useModalTarget<Dayjs>();

  // The hours form shows the working hours as read (not again after a day is marked).
  const dayStart = calendar?.day_start;
  const dayEnd = calendar?.day_end;
  useEffect(() => {
    if (dayStart !== undefined && dayEnd !== undefined) hoursForm.setFieldsValue({ day_start: dayStart, day_end: dayEnd });
  }, [dayStart, dayEnd, hoursForm]);

  const byDay = useMemo(() => new Map((calendar?.days ?? []).map((d) => [d.day, d])), [calendar]);
  const ofYear = (calendar?.days ?? []).filter((d) => d.day.startsWith(`${year}-`));

  const saveHours = async () => {
    const values = await hoursForm.validateFields();
    setSavingHours(true);
    try {
      setCalendar(await serviceApi.setWorkingHours(kRegion, values));
      message.success(t('serviceAdmin.hoursSaved'));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSavingHours(false);
    }
  };

  const hoursPerDay = calendar
    ? Math.round(((dayjs(`2000-01-01T${calendar.day_end}`).diff(dayjs(`2000-01-01T${calendar.day_start}`), 'minute') / 60) * 10)) / 10
    : 0;
  const timeRule = [{ required: true, pattern: kTimePattern, message: t('serviceAdmin.invalidTime') }];
  const legend = (color: string, background: string, text: string, mark?: string) => (
    <Flex align="center" gap={6}>
      <span style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, background, color, fontSize: 11, textAlign: 'center', lineHeight: '18px', fontWeight: 600 }}>{mark}</span>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('serviceAdmin.calendarTitle')}
        description={t('serviceAdmin.calendarDescription')}
        onRefresh={() => void query.refetch()}
      />
      <ErrorAlert error={error} />
      <Card variant="borderless" title={t('serviceAdmin.workingHours')} style={{ marginBottom: 16 }}>
        <Form form={hoursForm} layout="inline" onFinish={() => void saveHours()} data-testid="working-hours">
          <Form.Item name="day_start" label={t('serviceAdmin.dayStart')} rules={timeRule}>
            <Input style={{ width: 90 }} maxLength={5} placeholder="09:00" data-testid="day-start" />
          </Form.Item>
          <Form.Item name="day_end" label={t('serviceAdmin.dayEnd')} rules={timeRule}>
            <Input style={{ width: 90 }} maxLength={5} placeholder="18:00" data-testid="day-end" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={savingHours} data-testid="save-hours">
              {t('common.save')}
            </Button>
          </Form.Item>
          {calendar && (
            <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
              {t('serviceAdmin.slaWorkday', { hours: hoursPerDay })}
            </Typography.Text>
          )}
        </Form>
      </Card>
      <Card
        variant="borderless"
        title={
          <Flex align="center" gap={8}>
            <Button type="text" size="small" icon={<LeftOutlined />} onClick={() => setYear((y) => y - 1)} aria-label={String(year - 1)} data-testid="year-prev" />
            <span data-testid="calendar-year">{year}</span>
            <Button type="text" size="small" icon={<RightOutlined />} onClick={() => setYear((y) => y + 1)} aria-label={String(year + 1)} data-testid="year-next" />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13, marginLeft: 8 }}>
              {t('serviceAdmin.yearSummary', { year, holidays: ofYear.filter((d) => !d.working).length, makeups: ofYear.filter((d) => d.working).length })}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={16}>
            {legend('#fff', kHolidayColor, t('serviceAdmin.legendHoliday'), t('serviceAdmin.holiday'))}
            {legend('#fff', kMakeUpColor, t('serviceAdmin.legendMakeUp'), t('serviceAdmin.makeUp'))}
            {legend('#a0a8b8', '#f3f5f9', t('serviceAdmin.legendWeekend'), '6')}
          </Flex>
        }
      >
        {!calendar ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Row gutter={[16, 16]} data-testid="year-calendar">
            {Array.from({ length: 12 }, (_, month) => {
              const first = dayjs(new Date(year, month, 1));
              return (
                <Col key={month} xs={24} md={12} xl={8} xxl={6}>
                  <div style={{ border: '1px solid #f0f2f5', borderRadius: 8, padding: '8px 4px' }}>
                    <Calendar
                      fullscreen={false}
                      value={first}
                      headerRender={() => (
                        <Typography.Text strong style={{ display: 'block', padding: '0 8px 4px' }}>
                          {first.format('MMMM')}
                        </Typography.Text>
                      )}
                      fullCellRender={(date, info) => {
                        if (info.type !== 'date') return info.originNode;
                        if (date.month() !== month) return <div style={{ height: 28 }} />;
                        return <DayCell date={date} exception={byDay.get(date.format('YYYY-MM-DD'))} onOpen={() => openModal(date)} />;
                      }}
                    />
                  </div>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
      {modal && (
        <CalendarDayModal
          key={modal.key}
          region={kRegion}
          date={modal.target}
          exception={byDay.get(modal.target.format('YYYY-MM-DD'))}
          onClose={closeModal}
          onSaved={setCalendar}
          onStale={() => void query.refetch()}
        />
      )}
    </>
  );
}
