import { useEffect, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Grid, Input, InputNumber, Radio, Spin, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { ApiError } from '../../../shared/api/client';
import { deliveryApi } from '../api';
import { openDayChanged, openDayKeys } from '../queries';
import { deliveryAccess } from '../access';
import { formatMinute, openDayDecorationLabel, openDayDecorationOptions, openDayFull, signedUpLabel } from '../labels';
import { OpenDayStateTag } from '../components/Tags';
import { vetoErrorText } from '../errors';
import type { OpenDay, OpenDayDecoration, OpenDayQuery } from '../types';
import { ProjectFilter, ProjectSelect } from '../components/ProjectSelect';
import { PrepCell, PrepModal, prepWaiting } from '../components/OpenDayPrep';
import { OpenDaySignups } from '../components/OpenDaySignups';

const kPageSize = 50;

/**
 * /delivery/open-days — 工地开放日: by project, the day, raw or finished units, held / scheduled /
 * vetoed (by whom, why); the households signed up (of the capacity) and checked in; the 筹备会 due two
 * months before (已逾期 red, 即将到期 orange, 已召开 with its day). 新建开放日 (with an optional capacity)
 * and 记录筹备会 for customer relations, 否决 for its managers; 报名签到 opens the day's sign-ups in a
 * drawer (OpenDaySignups). On a phone the rows are cards.
 */
export default function OpenDaysPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const create = useModalTarget<true>();
  const veto = useModalTarget<OpenDay>();
  const prep = useModalTarget<OpenDay>();
  const signups = useModalTarget<OpenDay>();
  const [params, setParams] = useSearchParams();
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const query: OpenDayQuery = { ...(projectId ? { project_id: projectId } : {}), limit: kPageSize };
  const days = useCursorList(openDayKeys.list(query), (cursor, signal) => deliveryApi.listOpenDays({ ...query, cursor }, signal));

  // From the bell's 筹备会提醒 (?open_day=): the day's 记录筹备会 opens once, for those who record it.
  const openDayParam = Number(params.get('open_day'));
  useEffect(() => {
    if (!Number.isInteger(openDayParam) || openDayParam <= 0) return;
    const abort = new AbortController();
    const next = new URLSearchParams(params);
    next.delete('open_day');
    deliveryApi.getOpenDay(openDayParam, abort.signal).then(
      (day) => {
        if (access.recordPrep && day.status === 'scheduled') prep.openModal(day);
        else signups.openModal(day);
        setParams(next, { replace: true });
      },
      () => setParams(next, { replace: true }),
    );
    return () => abort.abort();
    // Once per ?open_day=; the modals' handles are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openDayParam]);

  const setProject = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('project_id', String(id));
    else next.delete('project_id');
    setParams(next, { replace: true });
  };

  const vetoed = (day: OpenDay) =>
    day.status === 'vetoed' && (
      <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }} data-testid={`open-day-veto-${day.id}`}>
        {t('openDay.vetoedBy', { name: day.vetoed_by_name ?? '', at: formatMinute(day.vetoed_at), reason: day.veto_reason ?? '' })}
      </Typography.Text>
    );
  const action = (day: OpenDay) => {
    const recordPrep = access.recordPrep && prepWaiting(day);
    const mayVeto = access.manage && day.status === 'scheduled';
    return (
      <Flex gap={8} wrap>
        <Button size="small" icon={<TeamOutlined />} onClick={() => signups.openModal(day)} data-testid={`open-day-signups-${day.id}`}>
          {t('openDay.manageSignups')}
        </Button>
        {recordPrep && (
          <Button size="small" onClick={() => prep.openModal(day)} data-testid={`open-day-prep-button-${day.id}`}>
            {t('openDay.recordPrep')}
          </Button>
        )}
        {mayVeto && (
          <Button size="small" danger onClick={() => veto.openModal(day)} data-testid={`open-day-veto-button-${day.id}`}>
            {t('openDay.veto')}
          </Button>
        )}
      </Flex>
    );
  };
  const project = (day: OpenDay) => <Link to={`/projects/${day.project_id}`}>{day.project_name}</Link>;
  // The households: signed up of the capacity, checked in.
  const households = (day: OpenDay) => (
    <Flex vertical gap={2} align="flex-start" style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <Typography.Text style={{ whiteSpace: 'nowrap' }} data-testid={`open-day-signed-up-${day.id}`} data-count={day.signed_up} data-capacity={day.capacity ?? ''}>
          {signedUpLabel(t, day)}
        </Typography.Text>
        {openDayFull(day) && day.status === 'scheduled' && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('openDay.full')}
          </Tag>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }} data-testid={`open-day-checked-in-${day.id}`} data-count={day.checked_in}>
        {t('openDay.checkedIn', { count: day.checked_in })}
      </Typography.Text>
    </Flex>
  );
  // The drawer shows the day as the list has it now (its counts read again after each change).
  const shownDay = signups.modal && (days.items.find((day) => day.id === signups.modal!.target.id) ?? signups.modal.target);
  // 报名签到 for everyone; 记录筹备会 and 否决 beside it for those who may.
  const actionsWidth = 110 + (access.recordPrep ? 104 : 0) + (access.manage ? 60 : 0);

  const columns: TableColumnsType<OpenDay> = [
    { title: t('openDay.on'), dataIndex: 'on', key: 'on', width: 108, render: (on: string) => <Typography.Text strong>{on}</Typography.Text> },
    {
      title: t('openDay.project'),
      key: 'project',
      render: (_, day) => (
        <div style={{ minWidth: 0 }}>
          {project(day)}
          {day.note && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }} data-testid={`open-day-note-${day.id}`}>
              {day.note}
            </Typography.Text>
          )}
          {vetoed(day)}
        </div>
      ),
    },
    { title: t('openDay.decoration'), dataIndex: 'decoration', key: 'decoration', width: 84, render: (value: string) => openDayDecorationLabel(t, value) },
    { title: t('openDay.status'), key: 'state', width: 84, render: (_, day) => <OpenDayStateTag day={day} /> },
    { title: t('openDay.signups'), key: 'signups', width: 160, render: (_, day) => households(day) },
    { title: t('openDay.prep'), key: 'prep', width: 210, render: (_, day) => <PrepCell day={day} onEdit={access.recordPrep ? () => prep.openModal(day) : undefined} /> },
    { title: t('openDay.actions'), key: 'actions', width: actionsWidth, render: (_, day) => action(day) },
  ];

  return (
    <>
      <PageHeader
        title={t('openDay.listTitle')}
        description={t('openDay.listDescription')}
        onRefresh={() => void days.reload()}
        extra={
          access.work && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => create.openModal(true)} data-testid="open-day-create">
              {t('openDay.create')}
            </Button>
          )
        }
      />
      <ErrorAlert error={days.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <ProjectFilter value={projectId} onChange={setProject} />
        </Flex>
        {narrow ? (
          <Spin spinning={days.loading}>
            {days.items.length === 0 && !days.loading ? (
              <Typography.Text type="secondary">{t('openDay.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="open-day-cards">
                {days.items.map((day, index) => (
                  <div key={day.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`open-day-row-${day.id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong>
                        {day.on} · {openDayDecorationLabel(t, day.decoration)}
                      </Typography.Text>
                      <OpenDayStateTag day={day} />
                    </Flex>
                    <div style={{ fontSize: 13 }}>{project(day)}</div>
                    <div style={{ margin: '6px 0' }}>{households(day)}</div>
                    <PrepCell day={day} labelled onEdit={access.recordPrep ? () => prep.openModal(day) : undefined} />
                    {day.note && <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere', marginTop: 4 }}>{day.note}</Typography.Text>}
                    {vetoed(day)}
                    <div style={{ marginTop: 8 }}>{action(day)}</div>
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={days} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<OpenDay>
            list={days}
            pageSize={kPageSize}
            columns={columns}
            scroll={{ x: 846 + actionsWidth }}
            onRow={(day) => ({ 'data-testid': `open-day-row-${day.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t('openDay.empty') }}
            data-testid="open-day-table"
          />
        )}
      </Card>
      {create.modal && <OpenDayModal key={create.modal.key} projectId={projectId} onClose={create.closeModal} />}
      {veto.modal && <VetoModal key={veto.modal.key} day={veto.modal.target} onClose={veto.closeModal} />}
      {prep.modal && <PrepModal key={prep.modal.key} day={prep.modal.target} onClose={prep.closeModal} />}
      {signups.modal && shownDay && <OpenDaySignups key={signups.modal.key} day={shownDay} onClose={signups.closeModal} />}
    </>
  );
}

interface OpenDayValues {
  project_id?: number;
  on?: Dayjs;
  decoration?: OpenDayDecoration;
  capacity?: number | null;
  note: string;
}

/** 新建开放日: the project, the day, raw or finished units, how many households may sign up (no limit when empty), a note. Mount it once per opening. */
function OpenDayModal({ projectId, onClose }: { projectId?: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OpenDayValues>();
  return (
    <FormModal<OpenDayValues>
      form={form}
      name="open-day"
      formFields={['project_id', 'on', 'decoration', 'capacity', 'note']}
      initialValues={{ project_id: projectId, decoration: 'raw', note: '' }}
      autoComplete="off"
      title={t('openDay.createTitle')}
      okText={t('common.create')}
      width={520}
      testId="open-day-modal"
      onSave={async (values) => {
        const day = await deliveryApi.createOpenDay({
          project_id: values.project_id!,
          on: values.on!.format('YYYY-MM-DD'),
          decoration: values.decoration!,
          ...(values.capacity ? { capacity: values.capacity } : {}),
          note: values.note.trim() || undefined,
        });
        openDayChanged(queryClient);
        void message.success(t('openDay.created', { project: day.project_name, date: day.on, decoration: openDayDecorationLabel(t, day.decoration) }));
      }}
      onClose={onClose}
    >
      <Form.Item name="project_id" label={t('openDay.project')} rules={required(t('batch.projectRequired'))}>
        <ProjectSelect autoFocus placeholder={t('batch.filterProject')} data-testid="open-day-project" />
      </Form.Item>
      <Form.Item name="on" label={t('openDay.on')} rules={required(t('openDay.onRequired'))}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} data-testid="open-day-on" />
      </Form.Item>
      <Form.Item name="decoration" label={t('openDay.decoration')} rules={required(t('openDay.decorationRequired'))}>
        <Radio.Group optionType="button" buttonStyle="solid" options={openDayDecorationOptions(t)} data-testid="open-day-decoration" />
      </Form.Item>
      <Form.Item name="capacity" label={t('openDay.capacity')} extra={t('openDay.capacityHint')}>
        <InputNumber
          min={1}
          max={100000}
          precision={0}
          placeholder={t('openDay.capacityPlaceholder')}
          suffix={t('openDay.capacityUnit')}
          style={{ width: 160 }}
          data-testid="open-day-capacity"
        />
      </Form.Item>
      <Form.Item name="note" label={t('openDay.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('openDay.notePlaceholder')} data-testid="open-day-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 否决 an open day (a manager's), the reason required: the project team's accountability record. Mount it once per opening. */
function VetoModal({ day, onClose }: { day: OpenDay; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      form={form}
      name="open-day-veto"
      formFields={['reason']}
      errorText={(cause) => vetoErrorText(t, cause)}
      initialValues={{ reason: '' }}
      autoComplete="off"
      title={t('openDay.vetoTitle', { project: day.project_name, date: day.on })}
      okText={t('openDay.veto')}
      okDanger
      width={520}
      testId="open-day-veto-modal"
      onSave={async (values) => {
        try {
          const vetoed = await deliveryApi.vetoOpenDay(day.id, values.reason.trim());
          openDayChanged(queryClient);
          void message.success(t('openDay.vetoed', { project: vetoed.project_name, date: vetoed.on }));
        } catch (err) {
          if (err instanceof ApiError && err.code === 'invalid_transition') openDayChanged(queryClient);
          throw err;
        }
      }}
      onClose={onClose}
    >
      <Alert type="warning" showIcon title={t('openDay.vetoWarning')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('openDay.vetoReason')} rules={[...requiredText(t('openDay.vetoReasonRequired')), { max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={1000} autoFocus placeholder={t('openDay.vetoReasonPlaceholder')} data-testid="open-day-veto-reason" />
      </Form.Item>
    </FormModal>
  );
}
