import { type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Grid, Input, Spin, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CursorListFooter, CursorTable } from '../../../shared/ui/CursorTable';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormModal } from '../../../shared/ui/FormModal';
import { required } from '../../../shared/ui/formRules';
import { useCursorList } from '../../../shared/hooks/useCursorList';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { deliveryAccess } from '../access';
import { chinaToday, formatMinute } from '../labels';
import { ProjectSelect } from '../components/ProjectSelect';
import { kTitleStages, kTitleSteps, reportsApi, type TitleCertificate, type TitleCertificateList, type TitleQuery, type TitleStage } from '../reportsApi';
import { nextTitleStep, titleStageLabel, titleStepErrorText } from '../certificateLabels';

const kPageSize = 50;
const titleKeys = {
  all: ['title-certificates'] as const,
  list: (query: TitleQuery) => ['title-certificates', 'list', query] as const,
};
const isStage = (value: string | null): value is TitleStage => kTitleStages.some((stage) => stage === value);

/**
 * /delivery/certificates?project_id=&stage=&overdue=1 — 产权办理: a project's sold units with their
 * property certificate's progress (资料收齐 → 契税完税 → 递件受理 → 已出证 → 已领证, each step with its
 * day), the certificate number, the day it is promised by (keys + 365 days; 逾期 in red after). Above,
 * the count at each step and the overdue, each a filter. 记录下一步 records the step due next (customer
 * relations). On a phone the rows are cards.
 */
export default function CertificatesPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const record = useModalTarget<TitleCertificate>();
  const [params, show] = useParamsPatch();
  const projectParam = Number(params.get('project_id'));
  const projectId = Number.isInteger(projectParam) && projectParam > 0 ? projectParam : undefined;
  const stageParam = params.get('stage');
  const stage = isStage(stageParam) ? stageParam : undefined;
  const overdue = params.get('overdue') === '1';
  const query: TitleQuery = { project_id: projectId ?? 0, ...(stage ? { stage } : {}), ...(overdue ? { overdue: true } : {}), limit: kPageSize };
  const titles = useCursorList(titleKeys.list(query), (cursor, signal) =>
    projectId ? reportsApi.listTitles({ ...query, cursor }, signal) : Promise.resolve({ items: [], next_cursor: null } as unknown as TitleCertificateList),
  );
  const summary = (titles.pages[0] as TitleCertificateList | undefined)?.summary;
  const filtered = !!stage || overdue;

  const owners = (title: TitleCertificate) => title.owners.map((owner) => owner.name).join('、');
  const unit = (title: TitleCertificate) => (
    <Link to={`/units/${title.unit_id}`} style={{ fontWeight: 600 }}>
      {title.unit_code}
    </Link>
  );
  const due = (title: TitleCertificate) =>
    title.due_by && (
      <Typography.Text type={title.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid={`title-due-${title.unit_id}`} data-overdue={title.overdue}>
        {title.due_by}
        {title.overdue && (
          <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
            {t('titleCert.overdueTag')}
          </Tag>
        )}
      </Typography.Text>
    );
  const action = (title: TitleCertificate) => {
    const next = nextTitleStep(title.stage);
    if (!next)
      return (
        <Typography.Text type="success" style={{ whiteSpace: 'nowrap' }}>
          <CheckCircleFilled /> {t('titleCert.complete')}
        </Typography.Text>
      );
    return (
      access.work && (
        <Button size="small" onClick={() => record.openModal(title)} data-testid={`title-record-${title.unit_id}`}>
          {t('titleCert.recordNext')}
        </Button>
      )
    );
  };

  const columns: TableColumnsType<TitleCertificate> = [
    {
      title: t('titleCert.unit'),
      key: 'unit',
      width: 150,
      render: (_, title) => (
        <div style={{ minWidth: 0 }}>
          {unit(title)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
            {owners(title)}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('titleCert.deliveredOn'), key: 'delivered', width: 108, render: (_, title) => title.delivered_on ?? <Typography.Text type="secondary">{t('titleCert.notDelivered')}</Typography.Text> },
    { title: t('titleCert.stage'), key: 'stage', render: (_, title) => <StageTrack title={title} /> },
    {
      title: t('titleCert.certificateNo'),
      key: 'no',
      width: 180,
      render: (_, title) => (
        <Typography.Text style={{ overflowWrap: 'anywhere' }} data-testid={`title-no-${title.unit_id}`}>
          {title.certificate_no}
        </Typography.Text>
      ),
    },
    { title: t('titleCert.dueBy'), key: 'due', width: 150, render: (_, title) => due(title) },
    { title: t('titleCert.actions'), key: 'actions', width: 110, render: (_, title) => action(title) },
  ];

  return (
    <>
      <PageHeader title={t('titleCert.listTitle')} description={t('titleCert.listDescription')} onRefresh={projectId ? () => void titles.reload() : undefined} />
      <ErrorAlert error={titles.error} />
      <Card variant="borderless">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <ProjectSelect
            aria-label={t('titleCert.project')}
            placeholder={t('titleCert.chooseProject')}
            style={{ width: 240, maxWidth: '100%' }}
            value={projectId}
            onChange={(value) => show({ project_id: value, stage: null, overdue: null })}
            data-testid="title-project"
          />
          {summary && (
            <Typography.Text type="secondary" data-testid="title-sold" data-count={summary.sold}>
              {t('titleCert.sold', { count: summary.sold })}
            </Typography.Text>
          )}
        </Flex>
        {summary && (
          <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="title-summary">
            <SummaryChip label={t('titleCert.all')} count={summary.sold} active={!filtered} onClick={() => show({ stage: null, overdue: null })} testId="title-summary-all" />
            {kTitleStages.map((key) => (
              <SummaryChip
                key={key}
                label={titleStageLabel(t, key)}
                count={summary.by_stage[key]}
                active={stage === key}
                onClick={() => show({ stage: stage === key ? null : key, overdue: null })}
                testId={`title-summary-${key}`}
              />
            ))}
            <SummaryChip
              label={t('titleCert.overdue')}
              count={summary.overdue}
              danger
              active={overdue}
              onClick={() => show({ overdue: overdue ? null : 1, stage: null })}
              testId="title-summary-overdue"
            />
          </Flex>
        )}
        {!projectId ? (
          <Empty description={t('titleCert.chooseProjectHint')} />
        ) : narrow ? (
          <Spin spinning={titles.loading}>
            {titles.items.length === 0 && !titles.loading ? (
              <Typography.Text type="secondary">{t(filtered ? 'titleCert.emptyFiltered' : 'titleCert.empty')}</Typography.Text>
            ) : (
              <Flex vertical data-testid="title-cards">
                {titles.items.map((title, index) => (
                  <div key={title.unit_id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`title-row-${title.unit_id}`}>
                    <Flex justify="space-between" align="center" gap={8}>
                      {unit(title)}
                      {action(title)}
                    </Flex>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
                      {owners(title)}
                      {title.delivered_on ? ` · ${t('titleCert.deliveredOn')} ${title.delivered_on}` : ` · ${t('titleCert.notDelivered')}`}
                    </Typography.Text>
                    <div style={{ margin: '8px 0 4px' }}>
                      <StageTrack title={title} />
                    </div>
                    {title.certificate_no && (
                      <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere' }} data-testid={`title-no-${title.unit_id}`}>
                        {t('titleCert.certificateNo')}：{title.certificate_no}
                      </Typography.Text>
                    )}
                    {title.due_by && (
                      <div style={{ fontSize: 13 }}>
                        {t('titleCert.dueBy')}：{due(title)}
                      </div>
                    )}
                  </div>
                ))}
              </Flex>
            )}
            <CursorListFooter list={titles} pageSize={kPageSize} />
          </Spin>
        ) : (
          <CursorTable<TitleCertificate>
            list={titles}
            pageSize={kPageSize}
            columns={columns}
            rowKey="unit_id"
            scroll={{ x: 1100 }}
            onRow={(title) => ({ 'data-testid': `title-row-${title.unit_id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: t(filtered ? 'titleCert.emptyFiltered' : 'titleCert.empty') }}
            data-testid="title-table"
          />
        )}
      </Card>
      {record.modal && <StepModal key={record.modal.key} title={record.modal.target} onClose={record.closeModal} />}
    </>
  );
}

/** A count of the summary, a filter when clicked. */
function SummaryChip({ label, count, active, danger, onClick, testId }: { label: string; count: number; active: boolean; danger?: boolean; onClick: () => void; testId: string }) {
  return (
    <Button
      size="small"
      type={active ? 'primary' : 'default'}
      danger={danger && count > 0}
      icon={danger && count > 0 ? <WarningOutlined /> : undefined}
      onClick={onClick}
      aria-pressed={active}
      data-testid={testId}
      data-count={count}
    >
      {label} <strong style={{ marginInlineStart: 2 }}>{count}</strong>
    </Button>
  );
}

/** The five steps in a row: each done one green with its day, the next one outlined, the rest grey. */
function StageTrack({ title }: { title: TitleCertificate }) {
  const t = useT();
  const next = nextTitleStep(title.stage);
  return (
    <Flex gap={4} style={{ minWidth: 0 }} data-testid={`title-stage-${title.unit_id}`} data-stage={title.stage}>
      {kTitleSteps.map((step) => {
        const day = title.days[step];
        const done = !!day;
        const color = done ? '#52c41a' : step === next ? '#1677ff' : '#d9d9d9';
        return (
          <Tooltip key={step} title={done ? `${titleStageLabel(t, step)} ${day}` : undefined}>
            <div
              style={{ borderTop: `3px solid ${color}`, padding: '2px 2px 0', minWidth: 0, flex: '1 1 0', maxWidth: 96 }}
              data-testid={`title-step-${title.unit_id}-${step}`}
              data-day={day ?? ''}
            >
              <Typography.Text style={{ fontSize: 12, display: 'block', whiteSpace: 'nowrap', color: done ? undefined : step === next ? '#1677ff' : '#8c8c8c' }}>
                {titleStageLabel(t, step)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 11, display: 'block', whiteSpace: 'nowrap' }}>
                {day ? day.slice(5) : ' '}
              </Typography.Text>
            </div>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

interface StepValues {
  on?: Dayjs;
  certificate_no: string;
  note: string;
}

/** 记录下一步: the day (not after today, nor before the previous step's), the certificate number for 已出证, a note. Mount it once per opening. */
function StepModal({ title, onClose }: { title: TitleCertificate; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StepValues>();
  const step = nextTitleStep(title.stage)!;
  const todayDay = dayjs(chinaToday());
  const previous = kTitleSteps
    .map((key) => title.days[key])
    .filter((day): day is string => !!day)
    .sort()
    .at(-1);
  return (
    <FormModal<StepValues>
      form={form}
      name="title-step"
      formFields={['on', 'certificate_no', 'note']}
      errorText={(cause) => titleStepErrorText(t, cause)}
      initialValues={{ on: todayDay, certificate_no: title.certificate_no ?? '', note: '' }}
      autoComplete="off"
      title={t('titleCert.stepTitle', { step: titleStageLabel(t, step), unit: title.unit_code })}
      okText={t('common.save')}
      width={480}
      testId="title-step-modal"
      onSave={async (values) => {
        const saved = await reportsApi.recordTitleStep(title.unit_id, step, title.version, {
          on: values.on!.format('YYYY-MM-DD'),
          ...(step === 'issued' && values.certificate_no.trim() ? { certificate_no: values.certificate_no.trim() } : {}),
          ...(values.note.trim() ? { note: values.note.trim() } : {}),
        });
        await queryClient.invalidateQueries({ queryKey: titleKeys.all });
        void message.success(t('titleCert.recorded', { unit: saved.unit_code, step: titleStageLabel(t, step) }));
      }}
      onReload={() => queryClient.invalidateQueries({ queryKey: titleKeys.all })}
      onClose={onClose}
    >
      {title.updated_by_name && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('titleCert.updatedBy', { name: title.updated_by_name, at: formatMinute(title.updated_at) })}
        </Typography.Paragraph>
      )}
      <Form.Item name="on" label={t('titleCert.stepOn')} rules={required(t('titleCert.stepOnRequired'))}>
        <DatePicker
          style={{ width: '100%', maxWidth: 240 }}
          disabledDate={(date) => date.isAfter(todayDay, 'day') || (!!previous && date.isBefore(dayjs(previous), 'day'))}
          data-testid="title-step-on"
        />
      </Form.Item>
      {step === 'issued' && (
        <Form.Item name="certificate_no" label={t('titleCert.certificateNo')} rules={[{ max: 64, message: t('reason.too_long') }]}>
          <Input maxLength={64} placeholder={t('titleCert.certificateNoPlaceholder')} data-testid="title-step-no" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('titleCert.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('titleCert.notePlaceholder')} data-testid="title-step-note" />
      </Form.Item>
    </FormModal>
  );
}
