import { App, Alert, Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import type { FieldResolver } from '../../../shared/ui/apiErrors';
import { FormSection } from '../../../shared/ui/FormSection';
import { inventoryApi } from '../api';
import { decorationOptions, yuanToFen } from '../labels';
import type { BulkUnitsInput, Decoration, Project } from '../types';
import { required } from '../../../shared/ui/formRules';

interface RoomValues {
  suffix: string;
  layout?: string;
  area_m2?: number | null;
  price_yuan?: number | null;
}

interface BulkFormValues {
  building: string;
  entrance: string;
  phase?: string;
  decoration: Decoration;
  floor_from?: number | null;
  floor_to?: number | null;
  rooms: RoomValues[];
}

const kBulkFormFields = ['building', 'entrance', 'phase', 'decoration', 'floor_from', 'floor_to', 'rooms'] as const;
const kMaxUnits = 5000;
const kMaxRooms = 100;
const kLabelPattern = /^[A-Za-z0-9]{1,10}$/;
const kSuffixPattern = /^[A-Za-z0-9]{1,4}$/;

/** The floors a range covers: there is no floor 0. */
function floorsOf(from: number | null | undefined, to: number | null | undefined): number[] {
  if (typeof from !== 'number' || typeof to !== 'number' || to < from) return [];
  const floors: number[] = [];
  for (let floor = from; floor <= to && floors.length <= kMaxUnits; floor += 1) if (floor !== 0) floors.push(floor);
  return floors;
}

/**
 * Server fields to form fields. Each room is checked as a unit, so its reasons come as
 * "rooms[1].room", "rooms[1].building" …; a room that exists already comes as "code".
 */
const bulkFieldPath: FieldResolver = (field) => {
  const room = /^rooms\[(\d+)\]\.(\w+)$/.exec(field);
  if (room) {
    const index = Number(room[1]);
    switch (room[2]) {
      case 'building':
      case 'entrance':
        return room[2];
      case 'floor':
        return 'floor_from';
      case 'room':
      case 'suffix':
        return ['rooms', index, 'suffix'];
      case 'list_price_cents':
        return ['rooms', index, 'price_yuan'];
      default:
        return ['rooms', index, room[2]];
    }
  }
  if (/^rooms\[\d+\]$/.test(field)) return 'rooms';
  return field;
};

const kNewRoom: RoomValues = { suffix: '', layout: '', area_m2: null, price_yuan: null };

/**
 * "批量生成房源": one building entrance's units, floors × rooms (room "01" on floor 11 is 1101), in one
 * all-or-nothing POST /projects/{id}/units/bulk. Prices are typed in yuan and sent in fen.
 */
export function BulkUnitsModal({
  project,
  building,
  onClose,
  onSaved,
}: {
  project: Project;
  /** The building shown on the board, offered as the default. */
  building?: string;
  onClose: () => void;
  onSaved: (building: string, count: number) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<BulkFormValues>();
  const values = Form.useWatch([], form) as BulkFormValues | undefined;

  const floors = floorsOf(values?.floor_from, values?.floor_to);
  const rooms = (values?.rooms ?? []).filter((room) => room && kSuffixPattern.test(room.suffix ?? ''));
  const count = floors.length * (values?.rooms?.length ?? 0);
  const code = (floor: number, suffix: string) => `${values?.building || '?'}-${values?.entrance || '1'}-${floor}${suffix}`;
  const preview =
    floors.length && rooms.length
      ? `${code(floors[0], rooms[0].suffix)} … ${code(floors[floors.length - 1], rooms[rooms.length - 1].suffix)}`
      : '';

  const save = async (v: BulkFormValues) => {
    const body: BulkUnitsInput = {
      building: v.building.trim(),
      entrance: v.entrance.trim() || '1',
      phase: v.phase?.trim() || undefined,
      decoration: v.decoration,
      floor_from: v.floor_from ?? 1,
      floor_to: v.floor_to ?? 1,
      rooms: v.rooms.map((room) => ({
        suffix: room.suffix.trim(),
        layout: room.layout?.trim() || undefined,
        area_m2: room.area_m2 ?? 0,
        list_price_cents: yuanToFen(room.price_yuan),
      })),
    };
    try {
      const created = await inventoryApi.createUnits(project.id, body);
      message.success(t('bulk.createdMessage', { count: created.count, building: body.building }));
      onSaved(body.building, created.count);
    } catch (err) {
      // A room that exists already: say so on the building, which is where the clash is.
      if (err instanceof ApiError && err.fields.code === 'taken') {
        throw new ApiError(err.status, err.code, err.message, { building: 'units_exist' }, err.extra);
      }
      throw err;
    }
  };

  return (
    <FormModal<BulkFormValues>
      form={form}
      name="bulk-units"
      formFields={kBulkFormFields}
      fieldResolver={bulkFieldPath}
      initialValues={{
        building: building ?? '',
        entrance: '1',
        decoration: 'raw',
        floor_from: 1,
        floor_to: null,
        rooms: [{ ...kNewRoom, suffix: '01' }, { ...kNewRoom, suffix: '02' }],
      }}
      autoComplete="off"
      title={t('bulk.title', { project: project.name })}
      okText={t('bulk.submit')}
      width={820}
      testId="bulk-modal"
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('bulk.explain')}
      </Typography.Paragraph>
      <FormSection title={t('bulk.section.where')}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item
              name="building"
              label={t('inventory.building')}
              rules={[
                { required: true, whitespace: true, message: t('bulk.buildingRequired') },
                { pattern: kLabelPattern, message: t('bulk.labelFormat') },
              ]}
            >
              <Input placeholder={t('bulk.buildingPlaceholder')} maxLength={10} data-testid="bulk-building" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="entrance"
              label={t('inventory.entrance')}
              rules={[
                { required: true, whitespace: true, message: t('bulk.entranceRequired') },
                { pattern: kLabelPattern, message: t('bulk.labelFormat') },
              ]}
            >
              <Input placeholder="1" maxLength={10} data-testid="bulk-entrance" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="phase" label={t('inventory.phase')}>
              <Input placeholder={t('bulk.phasePlaceholder')} maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="decoration" label={t('inventory.decoration')}>
              <Radio.Group optionType="button" options={decorationOptions(t)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="floor_from"
              label={t('bulk.floorFrom')}
              rules={required(t('bulk.floorRequired'))}
            >
              <InputNumber min={-5} max={200} precision={0} style={{ width: '100%' }} data-testid="bulk-floor-from" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="floor_to"
              label={t('bulk.floorTo')}
              dependencies={['floor_from']}
              rules={[
                { required: true, message: t('bulk.floorRequired') },
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null | undefined) => {
                    const from = getFieldValue('floor_from') as number | null | undefined;
                    if (typeof value === 'number' && typeof from === 'number' && value < from) throw new Error(t('reason.before_floor_from'));
                  },
                }),
              ]}
            >
              <InputNumber min={-5} max={200} precision={0} style={{ width: '100%' }} data-testid="bulk-floor-to" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('bulk.preview')}>
              <div style={{ lineHeight: '32px' }} data-testid="bulk-preview">
                {count > 0 ? (
                  <Typography.Text>
                    {t('bulk.previewCount', { count, floors: floors.length, rooms: values?.rooms?.length ?? 0 })}
                    {preview && <Typography.Text type="secondary">{`（${preview}）`}</Typography.Text>}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('bulk.previewNone')}</Typography.Text>
                )}
              </div>
            </Form.Item>
          </Col>
        </Row>
        {count > kMaxUnits && <Alert type="warning" showIcon title={t('bulk.tooMany', { max: kMaxUnits })} style={{ marginBottom: 12 }} />}
      </FormSection>

      <FormSection title={t('bulk.section.rooms')}>
        <Form.List
          name="rooms"
          rules={[
            {
              validator: async (_, list: RoomValues[] | undefined) => {
                if (!list?.length) throw new Error(t('bulk.roomsRequired'));
                const suffixes = list.map((room) => room?.suffix?.trim()).filter(Boolean);
                if (new Set(suffixes).size !== suffixes.length) throw new Error(t('bulk.roomsDuplicate'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              <Flex gap={8} style={{ color: '#8c94a3', fontSize: 12, marginBottom: 6 }}>
                <span style={{ width: 90 }}>{t('bulk.suffix')}</span>
                <span style={{ width: 170 }}>{t('inventory.layout')}</span>
                <span style={{ width: 150 }}>{t('bulk.areaM2')}</span>
                <span style={{ flex: 1 }}>{t('bulk.priceYuan')}</span>
              </Flex>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid={`bulk-room-${index}`}>
                  <Form.Item
                    name={[field.name, 'suffix']}
                    style={{ width: 90, marginBottom: 8 }}
                    rules={[
                      { required: true, whitespace: true, message: t('bulk.suffixRequired') },
                      { pattern: kSuffixPattern, message: t('bulk.suffixFormat') },
                    ]}
                  >
                    <Input placeholder="01" maxLength={4} aria-label={t('bulk.suffix')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'layout']} style={{ width: 170, marginBottom: 8 }}>
                    <Input placeholder={t('bulk.layoutPlaceholder')} maxLength={20} aria-label={t('inventory.layout')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'area_m2']}
                    style={{ width: 150, marginBottom: 8 }}
                    rules={required(t('bulk.areaRequired'))}
                  >
                    <InputNumber min={0.01} max={10000} precision={2} suffix="m²" style={{ width: '100%' }} aria-label={t('bulk.areaM2')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'price_yuan']} style={{ flex: 1, marginBottom: 8 }}>
                    <InputNumber<number>
                      min={0}
                      max={1_000_000_000}
                      precision={2}
                      step={10000}
                      suffix={t('inventory.yuan')}
                      style={{ width: '100%' }}
                      formatter={(value) => (value === undefined || value === null || String(value) === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
                      parser={(text) => Number((text ?? '').replace(/,/g, '')) || 0}
                      aria-label={t('bulk.priceYuan')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('bulk.removeRoom')}
                    style={{ flex: 'none' }}
                  />
                </Flex>
              ))}
              {fields.length < kMaxRooms && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ ...kNewRoom, suffix: String(fields.length + 1).padStart(2, '0') })}
                  data-testid="bulk-add-room"
                >
                  {t('bulk.addRoom')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </FormSection>
    </FormModal>
  );
}
