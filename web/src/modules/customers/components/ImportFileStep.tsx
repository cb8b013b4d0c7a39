import { useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Flex, Form, Radio, Row, Table, Typography, Upload } from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { saveBlob } from '../../../shared/api/transfer';
import { OrgUnitTreeSelect } from '../../platform/components/OrgUnitTreeSelect';
import type { OrgTreeNode } from '../../platform/orgTree';
import { fileFormatOf, type OnDuplicate } from '../importApi';
import { formatBytes, importColumnHint, importColumnLabel, kImportColumns } from '../importLabels';
import { templateCsv } from '../importFiles';

export interface ImportChoice {
  file: File | null;
  onDuplicate: OnDuplicate;
  orgUnitId?: number;
}

/** Step 1: the file (dropped or picked), the template and its fill-in guide, and the options. */
export function ImportFileStep({
  choice,
  onChange,
  tree,
  onStart,
}: {
  choice: ImportChoice;
  onChange: (choice: ImportChoice) => void;
  tree: OrgTreeNode[];
  onStart: () => void;
}) {
  const t = useT();
  const [refused, setRefused] = useState<string | null>(null);
  const { file } = choice;
  const format = file ? fileFormatOf(file.name) : null;

  const pick = (picked: File) => {
    if (!fileFormatOf(picked.name)) setRefused(t('import.wrongType', { name: picked.name }));
    else if (picked.size === 0) setRefused(t('import.emptyFile', { name: picked.name }));
    else {
      setRefused(null);
      onChange({ ...choice, file: picked });
    }
  };

  const guide = kImportColumns.map((column) => ({
    key: column.field,
    header: column.header,
    label: importColumnLabel(t, column.field),
    hint: importColumnHint(t, column.field),
  }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t('import.fileTitle')} style={{ height: '100%' }}>
          <Upload.Dragger
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(picked) => {
              pick(picked);
              return Upload.LIST_IGNORE;
            }}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.dropTitle')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          {refused && <Alert type="error" showIcon title={refused} style={{ marginTop: 12 }} data-testid="import-file-refused" />}
          {file && (
            <Flex
              align="center"
              gap={12}
              style={{ marginTop: 12, padding: '10px 14px', border: '1px solid #d9e2f2', borderRadius: 8, background: '#f6f9ff' }}
              data-testid="import-file"
            >
              {format === 'xlsx' ? (
                <FileExcelOutlined style={{ fontSize: 28, color: '#237804' }} />
              ) : (
                <FileTextOutlined style={{ fontSize: 28, color: '#1f4fd1' }} />
              )}
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {file.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format === 'xlsx' ? t('import.formatXlsx') : t('import.formatCsv')} · {formatBytes(file.size)}
                </Typography.Text>
              </div>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => onChange({ ...choice, file: null })}>
                {t('import.removeFile')}
              </Button>
            </Flex>
          )}

          <Form layout="vertical" style={{ marginTop: 20 }} requiredMark={false}>
            <Form.Item label={t('import.onDuplicate')} extra={t('import.onDuplicateHint')}>
              <Radio.Group
                value={choice.onDuplicate}
                onChange={(event) => onChange({ ...choice, onDuplicate: event.target.value as OnDuplicate })}
                data-testid="import-on-duplicate"
              >
                <Flex vertical gap={6}>
                  <Radio value="skip">
                    {t('import.skip')}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t('import.skipHint')}
                    </Typography.Text>
                  </Radio>
                  <Radio value="merge">
                    {t('import.merge')}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {t('import.mergeHint')}
                    </Typography.Text>
                  </Radio>
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('import.orgUnit')} extra={t('import.orgUnitHint')} htmlFor="import-org-unit">
              <OrgUnitTreeSelect
                id="import-org-unit"
                tree={tree}
                allowClear
                value={choice.orgUnitId}
                onChange={(value) => onChange({ ...choice, orgUnitId: value ?? undefined })}
                placeholder={t('import.orgUnitPlaceholder')}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
          </Form>
          <Flex justify="flex-end">
            <Button type="primary" size="large" icon={<SafetyCertificateOutlined />} disabled={!file} onClick={onStart} data-testid="import-check">
              {t('import.startCheck')}
            </Button>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('import.templateTitle')} style={{ height: '100%' }}>
          <Typography.Paragraph type="secondary">{t('import.templateHint')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={() => saveBlob(templateCsv(), t('import.templateName'))} data-testid="import-template">
            {t('import.template')}
          </Button>
          <Collapse
            ghost
            style={{ marginTop: 12, marginInline: -16 }}
            items={[
              {
                key: 'guide',
                label: t('import.guide'),
                children: (
                  <Table
                    size="small"
                    pagination={false}
                    dataSource={guide}
                    columns={[
                      {
                        title: t('import.guideColumn'),
                        dataIndex: 'header',
                        key: 'header',
                        width: 110,
                        render: (header: string, row) => (
                          <span>
                            <Typography.Text strong>{header}</Typography.Text>
                            {row.label !== header && (
                              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                                {row.label}
                              </Typography.Text>
                            )}
                          </span>
                        ),
                      },
                      { title: t('import.guideRule'), dataIndex: 'hint', key: 'hint' },
                    ]}
                  />
                ),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
