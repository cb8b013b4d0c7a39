import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Empty, Flex, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormModal } from '../../../shared/ui/FormModal';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { CategoryTreeSelect } from '../../service/components/CategoryTreeSelect';
import { useCategories } from '../../service/useCategories';
import { deliveryApi } from '../api';
import { batchKeys, findingsChanged, useInspections, useProjectUnits } from '../queries';
import { inspectionKindLabel, kDaysAhead, severityLabel } from '../labels';
import { PhotoChooser, findingPhotoKeys, uploadFindingPhoto } from './FindingPhotos';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { kInspectionKinds, kSeverities, type DeliveryBatch, type Inspection, type InspectionKind, type Severity } from '../types';

const natural = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * The batch's inspections by day (交付风险排查, 模拟验收, 复查): who recorded each, its findings and
 * how many are open; 新增检查 and, on each, 记录问题 for customer relations.
 */
export function InspectionList({ batch, writable }: { batch: DeliveryBatch; writable: boolean }) {
  const t = useT();
  const inspections = useInspections(batch.id);
  const adding = useModalTarget<true>();
  const recording = useModalTarget<Inspection>();
  const items = inspections.data;

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('inspection.title')}
        </Typography.Text>
        {writable && (
          <Button icon={<PlusOutlined />} onClick={() => adding.openModal(true)} data-testid="inspection-add">
            {t('inspection.add')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={inspections.error} />
      {!items ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.empty')} />
      ) : (
        <Flex vertical data-testid="inspection-list">
          {items.map((inspection, index) => (
            <Flex
              key={inspection.id}
              justify="space-between"
              align="flex-start"
              gap={8}
              wrap
              style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }}
              data-testid={`inspection-${inspection.id}`}
              data-kind={inspection.kind}
            >
              <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{inspectionKindLabel(t, inspection.kind)}</Typography.Text>
                  <Typography.Text>{inspection.on}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('inspection.by', { name: inspection.created_by_name })} ·{' '}
                  {inspection.finding_count ? t('inspection.counts', { count: inspection.finding_count, open: inspection.open_count }) : t('inspection.noFindings')}
                </Typography.Text>
                {inspection.note && (
                  <Typography.Text style={{ display: 'block', fontSize: 13, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{inspection.note}</Typography.Text>
                )}
              </div>
              {writable && (
                <Button size="small" onClick={() => recording.openModal(inspection)} data-testid={`finding-add-${inspection.id}`}>
                  {t('inspection.addFinding')}
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {adding.modal && <InspectionModal key={adding.modal.key} batch={batch} onClose={adding.closeModal} />}
      {recording.modal && <FindingModal key={recording.modal.key} batch={batch} inspection={recording.modal.target} onClose={recording.closeModal} />}
    </>
  );
}

interface InspectionValues {
  kind?: InspectionKind;
  on?: Dayjs;
  note: string;
}

/** 新增检查: its kind (each with the day it is due by), its day, a note. Mount it once per opening. */
function InspectionModal({ batch, onClose }: { batch: DeliveryBatch; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<InspectionValues>();
  const held = new Set(queryClient.getQueryData<Inspection[]>(batchKeys.inspections(batch.id))?.map((i) => i.kind) ?? []);
  const first = kInspectionKinds.find((kind) => !held.has(kind)) ?? 'recheck';
  const kind = Form.useWatch('kind', form) ?? first;
  const due = dayjs(batch.planned_on).subtract(kDaysAhead[kind], 'day').format('YYYY-MM-DD');

  return (
    <FormModal<InspectionValues>
      form={form}
      name="delivery-inspection"
      formFields={['kind', 'on', 'note']}
      initialValues={{ kind: first, on: dayjs(), note: '' }}
      autoComplete="off"
      title={t('inspection.addTitle')}
      okText={t('common.save')}
      width={520}
      testId="inspection-modal"
      onSave={async (values) => {
        const inspection = await deliveryApi.addInspection(batch.id, { kind: values.kind!, on: values.on!.format('YYYY-MM-DD'), note: values.note.trim() || undefined });
        queryClient.setQueryData<Inspection[]>(batchKeys.inspections(batch.id), (current) =>
          [...(current ?? []), inspection].sort((a, b) => a.on.localeCompare(b.on) || a.id - b.id),
        );
        findingsChanged(queryClient, batch.id);
        void message.success(t('inspection.added', { kind: inspectionKindLabel(t, inspection.kind), date: inspection.on }));
      }}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('inspection.kind')} rules={required(t('inspection.kindRequired'))} extra={t('inspection.dueHint', { days: kDaysAhead[kind], date: due })}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={kInspectionKinds.map((value) => ({ value, label: inspectionKindLabel(t, value) }))}
          data-testid="inspection-kind"
        />
      </Form.Item>
      <Form.Item name="on" label={t('inspection.on')} rules={required(t('inspection.onRequired'))}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} data-testid="inspection-on" />
      </Form.Item>
      <Form.Item name="note" label={t('inspection.note')} rules={[{ max: 1000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('inspection.notePlaceholder')} data-testid="inspection-note" />
      </Form.Item>
    </FormModal>
  );
}

interface FindingValues {
  unit_id?: number;
  location: string;
  category_id?: number;
  severity?: Severity;
  description: string;
}

/**
 * 记录问题 on an inspection: the unit (by its code, among the batch's), where, the ticket category
 * (the service module's tree), how serious, what. Mount it once per opening.
 */
function FindingModal({ batch, inspection, onClose }: { batch: DeliveryBatch; inspection: Inspection; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FindingValues>();
  const [photos, setPhotos] = useState<File[]>([]);
  const { byId } = useProjectUnits(batch.project_id);
  const categories = useCategories();
  const unitOptions = useMemo(
    () =>
      (batch.unit_ids ?? [])
        .map((id) => ({ value: id, label: byId.get(id)?.code ?? '' }))
        .filter((option) => option.label)
        .sort((a, b) => natural(a.label, b.label)),
    [batch.unit_ids, byId],
  );

  return (
    <FormModal<FindingValues>
      form={form}
      name="delivery-finding"
      formFields={['unit_id', 'location', 'category_id', 'severity', 'description']}
      fieldResolver={{ category: 'category_id' }}
      initialValues={{ location: '', description: '', severity: 'major' }}
      autoComplete="off"
      title={t('finding.addTitle', { kind: inspectionKindLabel(t, inspection.kind), date: inspection.on })}
      okText={t('common.save')}
      width={560}
      testId="finding-modal"
      onSave={async (values) => {
        const finding = await deliveryApi.addFinding(inspection.id, {
          unit_id: values.unit_id!,
          location: values.location.trim(),
          ...(values.category_id ? { category_id: values.category_id } : {}),
          severity: values.severity!,
          description: values.description.trim(),
        });
        void queryClient.invalidateQueries({ queryKey: batchKeys.inspections(batch.id) });
        void message.success(t('finding.added', { code: finding.unit_code }));
        // The finding is saved: a photo refused is said, and can be added again on its row.
        for (const photo of photos) {
          try {
            await uploadFindingPhoto(finding.id, photo);
          } catch (err) {
            void message.error(t('findingPhoto.failed', { reason: `${photo.name}: ${errorMessage(t, err)}` }));
          }
        }
        if (photos.length) void queryClient.invalidateQueries({ queryKey: findingPhotoKeys.of(finding.id) });
        // The lists read again once the photos are up, so that the new finding's photo count is right.
        findingsChanged(queryClient, batch.id, finding);
      }}
      onClose={onClose}
    >
      <Form.Item name="unit_id" label={t('finding.unit')} rules={required(t('finding.unitRequired'))}>
        <Select<number>
          autoFocus
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
          placeholder={t('finding.unitPlaceholder')}
          style={{ maxWidth: 240 }}
          data-testid="finding-unit"
        />
      </Form.Item>
      <Form.Item name="location" label={t('finding.location')} rules={[...requiredText(t('finding.locationRequired')), { max: 100, message: t('reason.too_long') }]}>
        <Input maxLength={100} placeholder={t('finding.locationPlaceholder')} data-testid="finding-location" />
      </Form.Item>
      <Form.Item name="category_id" label={t('finding.category')}>
        <CategoryTreeSelect tree={categories.tree} placeholder={t('finding.categoryPlaceholder')} data-testid="finding-category" />
      </Form.Item>
      <Form.Item name="severity" label={t('finding.severity')} rules={required(t('finding.severityRequired'))}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={kSeverities.map((value) => ({ value, label: severityLabel(t, value) }))}
          data-testid="finding-severity"
        />
      </Form.Item>
      <Form.Item name="description" label={t('finding.description')} rules={[...requiredText(t('finding.descriptionRequired')), { max: 2000, message: t('reason.too_long') }]}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('finding.descriptionPlaceholder')} data-testid="finding-description" />
      </Form.Item>
      <Form.Item label={t('findingPhoto.title')}>
        <PhotoChooser files={photos} onChange={setPhotos} />
      </Form.Item>
    </FormModal>
  );
}
