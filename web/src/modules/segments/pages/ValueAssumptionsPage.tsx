import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Popconfirm, Row, Skeleton, Tag, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { FormSection } from '../../../shared/ui/FormSection';
import { clearChangedFieldErrors, errorMessage } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { OrgUnitTreeSelect } from '../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../platform/orgTree';
import { segmentsApi } from '../api';
import { assumptionsChanged, useValueAssumptions } from '../queries';
import { assumptionsSource, assumptionText, kAssumptionFields, kAssumptionGroups, typedOf, wireOf, type AssumptionField } from '../labels';
import type { AssumptionKey, AssumptionsInput, ValueAssumptions } from '../types';

type Values = Record<AssumptionKey, number | string>;

const kFieldKeys = kAssumptionFields.map((field) => field.key);

/** The form's values (percent, yuan) of the assumptions the server answered. */
const valuesOf = (view: ValueAssumptions): Values =>
  Object.fromEntries(kAssumptionFields.map((field) => [field.key, typedOf(field.kind, view.assumptions[field.key])])) as Values;

/** "2950000.5" as "2,950,000.5" while typing is done; commas typed or pasted are ignored. */
const grouped = (value: string | number | undefined) => {
  if (value === undefined || value === '') return '';
  const [whole, fraction] = String(value).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction !== undefined ? `.${fraction}` : ''}`;
};

/** The tree without its projects: the units whose customers' value the assumptions set. */
function withoutProjects(tree: readonly OrgTreeNode[]): OrgTreeNode[] {
  return tree.filter((node) => node.kind !== 'project').map((node) => ({ ...node, children: node.children ? withoutProjects(node.children) : undefined }));
}
const countNodes = (tree: readonly OrgTreeNode[]): number => tree.reduce((sum, node) => sum + 1 + countNodes(node.children ?? []), 0);

/** An assumption's input: percent with 2 decimals, households a year with 3, yuan grouped, whole years, a word. */
function AssumptionInput({ field, testId, ...props }: { field: AssumptionField; testId: string; value?: number | string; onChange?: (value: number | string | null) => void; disabled?: boolean }) {
  const t = useT();
  if (field.kind === 'text') {
    return <Input maxLength={120} value={props.value as string} onChange={(event) => props.onChange?.(event.target.value)} disabled={props.disabled} data-testid={testId} />;
  }
  const common = { min: 0, max: field.max, style: { width: '100%' }, value: props.value as number, onChange: (value: number | null) => props.onChange?.(value), disabled: props.disabled, 'data-testid': testId };
  switch (field.kind) {
    case 'percent':
      return <InputNumber<number> {...common} precision={2} suffix="%" />;
    case 'perYear':
      return <InputNumber<number> {...common} precision={3} step={0.01} suffix={t('valueAssumption.perYearUnit')} />;
    case 'money':
      return <InputNumber<number> {...common} precision={2} suffix={t('valueAssumption.yuanUnit')} formatter={grouped} parser={(text) => Number((text ?? '').replace(/[,\s¥]/g, ''))} />;
    default:
      return <InputNumber<number> {...common} min={1} precision={0} suffix={t('valueAssumption.yearsUnit')} />;
  }
}

/** The unit's assumptions as a form: editable by its managers (If-Match the unit's version), read-only for others. */
function AssumptionsForm({ view, asked }: { view: ValueAssumptions; asked: number | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit, recover, settle } = useFormSubmit<Values>(form, kFieldKeys);
  const editable = view.editable;
  const own = view.version > 0;

  const save = () =>
    void submit(async (values) => {
      const body = Object.fromEntries(kAssumptionFields.map((field) => [field.key, wireOf(field.kind, values[field.key])])) as AssumptionsInput;
      const saved = await segmentsApi.setAssumptions(view.org_unit_id, view.version, body);
      assumptionsChanged(queryClient, saved, asked);
      void message.success(t('valueAssumption.saved', { unit: saved.org_unit_name }));
    });

  const reload = async () => {
    const fresh = await segmentsApi.assumptions(view.org_unit_id);
    assumptionsChanged(queryClient, fresh, asked);
    form.setFieldsValue(valuesOf(fresh));
  };

  const inherit = async () => {
    try {
      const cleared = await segmentsApi.clearAssumptions(view.org_unit_id);
      assumptionsChanged(queryClient, cleared, asked);
      void message.success(t('valueAssumption.cleared', { source: assumptionsSource(t, cleared) }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <>
      <FormErrorAlert error={error} onReload={() => void recover(reload)} />
      <Form<Values>
        form={form}
        name="value-assumptions"
        layout="vertical"
        disabled={!editable}
        requiredMark={false}
        initialValues={valuesOf(view)}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        data-testid="assumptions-form"
      >
        {kAssumptionGroups.map(({ group, fields }) => (
          <FormSection key={group} title={t(`valueAssumption.group.${group}` as MessageKey)}>
            <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 13 }}>
              {t(`valueAssumption.groupHint.${group}` as MessageKey)}
            </Typography.Paragraph>
            <Row gutter={16}>
              {fields.map((field) => (
                <Col key={field.key} xs={24} md={12} xl={8}>
                  <Form.Item
                    name={field.key}
                    label={t(`valueAssumption.field.${field.key}` as MessageKey)}
                    extra={t('valueAssumption.defaultIs', { value: assumptionText(t, field.kind, view.defaults[field.key]) })}
                    rules={field.kind === 'text' ? requiredText(t('valueAssumption.required')) : required(t('valueAssumption.required'))}
                  >
                    <AssumptionInput field={field} testId={`assumption-${field.key}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </FormSection>
        ))}
        {editable && (
          <Flex justify="flex-end" gap={8} wrap>
            {own && (
              <Popconfirm
                title={t('valueAssumption.inheritConfirm')}
                description={t('valueAssumption.inheritConfirmHint')}
                okText={t('valueAssumption.inherit')}
                cancelText={t('common.cancel')}
                onConfirm={() => inherit()}
              >
                <Button icon={<RollbackOutlined />} data-testid="assumptions-inherit">
                  {t('valueAssumption.inherit')}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" loading={saving} onClick={save} data-testid="assumptions-save">
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Form>
    </>
  );
}

/**
 * /segments/value-assumptions?org_unit_id= — 价值假设: the assumptions the lifetime value of a
 * company's customers is computed with (毛利率, 折现率, 年限, the rates of buying again and of
 * referring, the amounts in yuan), each with the group's default, and where they come from (the
 * unit's own, a unit's above it, 集团默认). The unit's managers change them or give them up
 * (恢复继承); others read them. Whoever sees units below their own picks one.
 */
export default function ValueAssumptionsPage() {
  const t = useT();
  const [params, patch] = useParamsPatch();
  const chosen = Number(params.get('org_unit_id'));
  const asked = Number.isInteger(chosen) && chosen > 0 ? chosen : undefined;
  const query = useValueAssumptions(asked);
  const view = query.data;
  const { tree } = useOrgUnits();
  const companies = useMemo(() => withoutProjects(tree), [tree]);
  const choose = countNodes(companies) > 1;

  return (
    <>
      <PageHeader title={t('valueAssumption.title')} description={t('valueAssumption.description')} onRefresh={() => void query.refetch()} />
      <Card variant="borderless" style={{ maxWidth: 1080 }}>
        <Flex gap="8px 12px" align="center" wrap style={{ marginBottom: 16 }}>
          {choose ? (
            <>
              <Typography.Text strong>{t('valueAssumption.unit')}</Typography.Text>
              <OrgUnitTreeSelect
                tree={companies}
                aria-label={t('valueAssumption.unit')}
                value={view?.org_unit_id ?? asked}
                onChange={(id) => patch({ org_unit_id: id })}
                style={{ width: 280, maxWidth: '100%' }}
                data-testid="assumptions-unit"
              />
            </>
          ) : (
            view && (
              <Typography.Text strong data-testid="assumptions-unit-name">
                {view.org_unit_name}
              </Typography.Text>
            )
          )}
          {view && (
            <Tag color={view.version > 0 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="assumptions-source">
              {assumptionsSource(t, view)}
            </Tag>
          )}
        </Flex>
        <ErrorAlert error={query.error} />
        {view && !view.editable && <Alert type="info" showIcon title={t('valueAssumption.readOnly')} style={{ marginBottom: 16 }} data-testid="assumptions-read-only" />}
        {view && view.editable && view.version === 0 && (
          <Alert type="info" showIcon title={t('valueAssumption.inheritedHint', { unit: view.org_unit_name, source: assumptionsSource(t, view) })} style={{ marginBottom: 16 }} />
        )}
        {view ? <AssumptionsForm key={`${view.org_unit_id}-${view.version}-${view.source_unit_id ?? 0}`} view={view} asked={asked} /> : !query.error && <Skeleton active paragraph={{ rows: 8 }} />}
      </Card>
    </>
  );
}
