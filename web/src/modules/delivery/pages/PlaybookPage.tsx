import { useMemo, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Grid, Input, InputNumber, Radio, Row, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { listFallback } from '../../../shared/ui/QueryState';
import { FormModal } from '../../../shared/ui/FormModal';
import { requiredText } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useOrgUnits } from '../../platform/useOrgUnits';
import type { Me } from '../../platform/types';
import { deliveryApi } from '../api';
import { journeyKeys, usePlaybook } from '../queries';
import { deliveryAccess } from '../access';
import { dueRule, stepTitle, teamLabel, teamOptions, triggerLabel, triggerOptions } from '../labels';
import { touchErrorText } from '../errors';
import { kJourneySteps, type JourneyTeam, type JourneyTouch, type JourneyTrigger, type TouchPatch } from '../types';
import { TouchKindTag } from '../components/Tags';
import { MakeTasksButton } from '../components/MakeTasksButton';

/**
 * Whose playbook the page shows and edits: the group's, or a company's own version (its touches over
 * the group's). Administrators and the group's people choose; a company's people see their company's;
 * a project's see their company's too (the server answers it when no company is asked, the company
 * being above their scope), and edit nothing.
 */
interface Scope {
  /** The company asked for, or undefined: the group's playbook, or for a project's people their company's. */
  companyId: number | undefined;
  /** Which version is shown: the group standard (集团标准) or a company's (本公司版本). */
  version: 'group' | 'company';
  /** Whether the user may choose the company (administrators and the group's people). */
  choose: boolean;
  /** Whether a manager here may edit what is shown (the server's rule: the group's touches are the group's managers'). */
  editable: boolean;
}

function scopeOf(me: Me | null, chosen: number | undefined, manage: boolean): Scope {
  const kind = me?.org_unit?.kind;
  if (me?.roles.includes('admin') || kind === 'group') return { companyId: chosen, version: chosen ? 'company' : 'group', choose: true, editable: manage };
  if (kind === 'region' || kind === 'city') return { companyId: me?.org_unit_id, version: 'company', choose: false, editable: manage };
  if (kind === 'project') return { companyId: undefined, version: 'company', choose: false, editable: false };
  return { companyId: undefined, version: 'group', choose: false, editable: false };
}

/**
 * /journey/playbook?company_id= — 旅程手册: the 6+2 playbook as data, one card per step (温馨牵手 …
 * 四年之约), each touch with whether it is standard (counted by the audit) or optional, the milestone
 * it falls due from and how many days before or after, the team that does it, and whether it is
 * the company's own version or switched off. A manager edits a touch (the group's, or their
 * company's own version of it) and may make the tasks now. On a phone the touches stack.
 */
export default function PlaybookPage() {
  const t = useT();
  const { me } = useAuth();
  const access = deliveryAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const edit = useModalTarget<JourneyTouch>();
  const [params, setParams] = useSearchParams();
  const companyParam = Number(params.get('company_id'));
  const chosen = Number.isInteger(companyParam) && companyParam > 0 ? companyParam : undefined;
  const scope = scopeOf(me, chosen, access.editPlaybook);
  const orgUnits = useOrgUnits();
  const companies = useMemo(
    () => orgUnits.units.filter((unit) => unit.kind === 'city' || unit.kind === 'region').sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    [orgUnits.units],
  );
  // A project's people may not see their company's unit: then it is 所属公司.
  const ownCompanyId = scope.companyId ?? (scope.version === 'company' ? orgUnits.byId.get(me?.org_unit_id ?? 0)?.parent_id : undefined);
  const companyName =
    scope.version === 'company' ? (orgUnits.byId.get(ownCompanyId ?? 0)?.name ?? (scope.companyId === me?.org_unit_id ? me?.org_unit?.name : undefined) ?? t('touch.yourCompany')) : '';
  const playbook = usePlaybook(scope.companyId);
  const ownCount = (playbook.data ?? []).filter((touch) => touch.company_id !== null).length;

  const setCompany = (id: number | undefined) => {
    const next = new URLSearchParams(params);
    if (id) next.set('company_id', String(id));
    else next.delete('company_id');
    setParams(next, { replace: true });
  };

  const editButton = (touch: JourneyTouch) =>
    scope.editable ? (
      <Button size="small" icon={<EditOutlined />} onClick={() => edit.openModal(touch)} data-testid={`touch-edit-${touch.code}`}>
        {t('common.edit')}
      </Button>
    ) : null;
  const marks = (touch: JourneyTouch) => (
    <>
      {touch.company_id !== null && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid={`touch-own-${touch.code}`}>
          {t('touch.ownVersion')}
        </Tag>
      )}
      {!touch.active && (
        <Tag style={{ marginInlineEnd: 0 }} data-testid={`touch-inactive-${touch.code}`}>
          {t('touch.inactive')}
        </Tag>
      )}
    </>
  );
  const name = (touch: JourneyTouch) => (
    <>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong data-testid={`touch-name-${touch.code}`}>
          {touch.name}
        </Typography.Text>
        {marks(touch)}
      </Flex>
      {touch.description && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, overflowWrap: 'anywhere' }}>
          {touch.description}
        </Typography.Text>
      )}
    </>
  );

  const columns: TableColumnsType<JourneyTouch> = [
    { title: t('touch.name'), key: 'name', render: (_, touch) => name(touch) },
    { title: t('touch.kind'), key: 'kind', width: 100, render: (_, touch) => <TouchKindTag standard={touch.standard} /> },
    { title: t('touch.trigger'), key: 'trigger', width: 130, render: (_, touch) => triggerLabel(t, touch.trigger) },
    {
      title: t('touch.offset'),
      key: 'offset',
      width: 170,
      render: (_, touch) => <span data-testid={`touch-rule-${touch.code}`}>{dueRule(t, touch.trigger, touch.offset_days)}</span>,
    },
    { title: t('touch.team'), key: 'team', width: 80, render: (_, touch) => <span data-testid={`touch-team-${touch.code}`}>{teamLabel(t, touch.team)}</span> },
    ...(scope.editable ? ([{ title: t('common.actions'), key: 'actions', width: 90, render: (_, touch) => editButton(touch) }] satisfies TableColumnsType<JourneyTouch>) : []),
  ];

  const fallback = listFallback(playbook.data, playbook.error, t('touch.empty'));
  const touches = playbook.data ?? [];

  return (
    <>
      <PageHeader
        title={t('touch.title')}
        description={t('touch.description')}
        onRefresh={() => void playbook.refetch()}
        extra={access.makeTasks && <MakeTasksButton />}
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" data-testid="playbook-scope">
          <Typography.Text strong>{t('touch.scope')}</Typography.Text>
          {scope.choose ? (
            <Select<number>
              aria-label={t('touch.scope')}
              style={{ width: 240, maxWidth: '100%' }}
              value={scope.companyId ?? 0}
              onChange={(value) => setCompany(value || undefined)}
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: 0, label: t('touch.groupScope') }, ...companies.map((unit) => ({ value: unit.id, label: unit.name }))]}
              data-testid="playbook-company"
            />
          ) : (
            scope.version === 'company' && <Typography.Text data-testid="playbook-company-name">{companyName}</Typography.Text>
          )}
          {/* Which version applies; the chooser's select names the group standard itself. */}
          {!(scope.choose && scope.version === 'group') && (
            <Tag color={scope.version === 'company' ? 'purple' : 'geekblue'} style={{ marginInlineEnd: 0 }} data-testid="playbook-version" data-version={scope.version}>
              {scope.version === 'group' ? t('touch.groupScope') : scope.choose ? t('touch.companyVersion') : t('touch.ownVersion')}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ flexBasis: narrow ? '100%' : undefined }} data-testid="playbook-hint">
            {scope.version === 'group' ? t('touch.groupHint') : playbook.data ? (ownCount > 0 ? t('touch.ownCount', { count: ownCount }) : t('touch.ownNone')) : null}
          </Typography.Text>
          {me?.org_unit?.kind === 'project' && (
            <Typography.Text type="secondary" style={{ flexBasis: '100%' }} data-testid="playbook-project-hint">
              {t('touch.projectHint')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {fallback ?? (
        <Row gutter={[16, 16]}>
          {kJourneySteps.map((step) => {
            const ofStep = touches.filter((touch) => touch.step === step);
            return (
              <Col span={24} key={step}>
                <Card
                  size="small"
                  title={stepTitle(t, step, ofStep[0]?.step_name)}
                  extra={<Typography.Text type="secondary">{t('touch.count', { count: ofStep.length })}</Typography.Text>}
                  data-testid={`playbook-step-${step}`}
                >
                  {ofStep.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('touch.noneInStep')} />
                  ) : narrow ? (
                    <Flex vertical>
                      {ofStep.map((touch, index) => (
                        <div key={touch.id} style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`touch-row-${touch.code}`}>
                          {name(touch)}
                          <Flex gap={6} wrap align="center" style={{ marginTop: 6, fontSize: 12 }}>
                            <TouchKindTag standard={touch.standard} />
                            <span data-testid={`touch-rule-${touch.code}`}>{dueRule(t, touch.trigger, touch.offset_days)}</span>
                            <span>·</span>
                            <span data-testid={`touch-team-${touch.code}`}>{teamLabel(t, touch.team)}</span>
                          </Flex>
                          {editButton(touch) && <div style={{ marginTop: 8 }}>{editButton(touch)}</div>}
                        </div>
                      ))}
                    </Flex>
                  ) : (
                    <Table<JourneyTouch>
                      rowKey="id"
                      size="small"
                      columns={columns}
                      dataSource={ofStep}
                      pagination={false}
                      onRow={(touch) => ({ 'data-testid': `touch-row-${touch.code}` }) as HTMLAttributes<HTMLElement>}
                    />
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {edit.modal && <TouchModal key={edit.modal.key} touch={edit.modal.target} companyId={scope.companyId} companyName={companyName} onClose={edit.closeModal} />}
    </>
  );
}

interface TouchValues {
  name: string;
  description: string;
  standard: boolean;
  trigger: JourneyTrigger;
  offset_days: number | null;
  team: JourneyTeam;
  active: boolean;
}

/**
 * 编辑动作: a touch's name, description, standard or optional, milestone, days before or after, team
 * and whether it is in use. Only what changed is sent; for a company, its own version (made on the
 * first edit). Mount it once per opening.
 */
function TouchModal({ touch, companyId, companyName, onClose }: { touch: JourneyTouch; companyId: number | undefined; companyName: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TouchValues>();
  const trigger = Form.useWatch('trigger', form) ?? touch.trigger;
  const offset = Form.useWatch('offset_days', form);
  return (
    <FormModal<TouchValues>
      form={form}
      name="touch"
      formFields={['name', 'description', 'standard', 'trigger', 'offset_days', 'team', 'active']}
      errorText={(cause) => touchErrorText(t, cause)}
      initialValues={{
        name: touch.name,
        description: touch.description,
        standard: touch.standard,
        trigger: touch.trigger,
        offset_days: touch.offset_days,
        team: touch.team,
        active: touch.active,
      }}
      autoComplete="off"
      title={t('touch.editTitle', { name: touch.name })}
      okText={t('common.save')}
      width={560}
      testId="touch-modal"
      onSave={async (values) => {
        const patch: TouchPatch = companyId ? { company_id: companyId } : {};
        if (values.name.trim() !== touch.name) patch.name = values.name.trim();
        if (values.description.trim() !== touch.description) patch.description = values.description.trim();
        if (values.standard !== touch.standard) patch.standard = values.standard;
        if (values.trigger !== touch.trigger) patch.trigger = values.trigger;
        if ((values.offset_days ?? 0) !== touch.offset_days) patch.offset_days = values.offset_days ?? 0;
        if (values.team !== touch.team) patch.team = values.team;
        if (values.active !== touch.active) patch.active = values.active;
        const saved = await deliveryApi.updateTouch(touch.id, patch);
        void queryClient.invalidateQueries({ queryKey: [...journeyKeys.all, 'playbook'] });
        void message.success(t('touch.saved', { name: saved.name }));
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={companyId ? t('touch.editCompany', { company: companyName }) : t('touch.editGroup')} style={{ marginBottom: 16 }} />
      <Form.Item name="name" label={t('touch.name')} rules={[...requiredText(t('touch.nameRequired')), { max: 100, message: t('reason.too_long') }]}>
        <Input maxLength={100} data-testid="touch-name" />
      </Form.Item>
      <Form.Item name="description" label={t('touch.descriptionLabel')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="touch-description" />
      </Form.Item>
      <Form.Item name="standard" label={t('touch.kind')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('touch.standard') },
            { value: false, label: t('touch.optional') },
          ]}
          data-testid="touch-standard"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="trigger" label={t('touch.trigger')}>
            <Select<JourneyTrigger> options={triggerOptions(t)} aria-label={t('touch.trigger')} data-testid="touch-trigger" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="offset_days" label={t('touch.offsetDays')} extra={dueRule(t, trigger, offset ?? 0)} rules={[{ type: 'integer', min: -3650, max: 3650, message: t('touch.offsetRange') }]}>
            <InputNumber precision={0} min={-3650} max={3650} style={{ width: '100%' }} aria-label={t('touch.offsetDays')} data-testid="touch-offset" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="team" label={t('touch.team')}>
            <Select<JourneyTeam> options={teamOptions(t)} aria-label={t('touch.team')} data-testid="touch-team" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="active" label={t('touch.active')} valuePropName="checked">
            <Switch data-testid="touch-active" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
