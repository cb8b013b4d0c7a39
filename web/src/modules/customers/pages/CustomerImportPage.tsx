import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Steps, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CloudUploadOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useOrgUnits } from '../../platform/useOrgUnits';
import { customerAccess } from '../access';
import { customerKeys } from '../queries';
import { fileFormatOf, type ImportOptions } from '../importApi';
import { formatCount, importFailureText } from '../importLabels';
import { useImportRun, type ImportRunState } from '../useImportRun';
import { ImportFileStep, type ImportChoice } from '../components/ImportFileStep';
import { ImportProgress } from '../components/ImportProgress';
import { ImportReportView } from '../components/ImportReportView';

type Step = 0 | 1 | 2;

const stepStatus = (state: ImportRunState, active: boolean) =>
  !active ? undefined : state.phase === 'failed' ? 'error' : state.phase === 'done' ? 'finish' : 'process';

/**
 * 导入客户: choose a file and options, check it (a dry run that writes nothing and reports every bad
 * row), then import the good rows. Progress comes from the upload and, when the server runs the
 * import as a job, from its row count.
 */
export default function CustomerImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const { me } = useAuth();
  const access = customerAccess(me);
  const orgUnits = useOrgUnits();
  const [step, setStep] = useState<Step>(0);
  const [choice, setChoice] = useState<ImportChoice>({ file: null, onDuplicate: 'skip' });
  const check = useImportRun();
  const load = useImportRun();
  const queryClient = useQueryClient();

  if (!access.write) {
    return <Result status="403" title={t('forbidden.title')} subTitle={t('import.error.forbidden')} />;
  }

  const file = choice.file;
  const fileName = file?.name ?? '';
  const options = (dryRun: boolean): ImportOptions => ({ dryRun, onDuplicate: choice.onDuplicate, orgUnitId: choice.orgUnitId });

  const startCheck = () => {
    const format = file && fileFormatOf(file.name);
    if (!file || !format) return;
    load.reset();
    setStep(1);
    void check.run(file, format, options(true));
  };
  const startImport = () => {
    const format = file && fileFormatOf(file.name);
    if (!file || !format) return;
    setStep(2);
    void load.run(file, format, options(false)).then((report) => {
      // The lists and searches show the imported customers from now on.
      if (report) void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    });
  };
  const backToFile = () => {
    check.reset();
    load.reset();
    setStep(0);
  };
  const startOver = () => {
    backToFile();
    setChoice({ file: null, onDuplicate: choice.onDuplicate, orgUnitId: choice.orgUnitId });
  };

  const checked = check.state.phase === 'done' ? check.state.report : null;
  const goodRows = checked?.imported ?? 0;

  const failure = (state: ImportRunState, mode: 'check' | 'import') =>
    state.phase === 'failed' && (
      <Card>
        <Result
          status="error"
          title={mode === 'check' ? t('import.failed.check') : t('import.failed.import')}
          subTitle={
            <Flex vertical gap={4} data-testid="import-failure">
              <span>{importFailureText(t, state.error)}</span>
              {mode === 'import' && <span>{t('import.failed.importPartial')}</span>}
            </Flex>
          }
          extra={[
            <Button key="back" icon={<ArrowLeftOutlined />} onClick={backToFile}>
              {t('import.backToFile')}
            </Button>,
            <Button key="retry" type="primary" icon={<ReloadOutlined />} onClick={mode === 'check' ? startCheck : startImport}>
              {t('common.retry')}
            </Button>,
          ]}
        />
      </Card>
    );

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        extra={
          <Button icon={<TeamOutlined />} onClick={() => navigate('/customers')}>
            {t('customer.backToList')}
          </Button>
        }
      />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          items={[
            { title: t('import.step.file'), content: t('import.step.fileHint'), status: step > 0 ? 'finish' : 'process' },
            { title: t('import.step.check'), content: t('import.step.checkHint'), status: step === 1 ? stepStatus(check.state, true) : step > 1 ? 'finish' : 'wait' },
            { title: t('import.step.import'), content: t('import.step.importHint'), status: step === 2 ? stepStatus(load.state, true) : 'wait' },
          ]}
          data-testid="import-steps"
        />
      </Card>

      {step === 0 && <ImportFileStep choice={choice} onChange={setChoice} tree={orgUnits.tree} onStart={startCheck} />}

      {step === 1 && (
        <>
          <ImportProgress state={check.state} mode="check" fileName={fileName} onCancel={backToFile} />
          {failure(check.state, 'check')}
          {checked && (
            <Card
              title={
                <span>
                  {t('import.report.checkTitle')}
                  <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>
                    {fileName}
                  </Typography.Text>
                </span>
              }
            >
              {file && <ImportReportView report={checked} mode="check" onDuplicate={choice.onDuplicate} file={file} />}
              <Flex justify="space-between" gap={8} wrap style={{ marginTop: 20 }}>
                <Flex gap={8}>
                  <Button icon={<ArrowLeftOutlined />} onClick={backToFile} data-testid="import-back">
                    {t('import.backToFile')}
                  </Button>
                  <Button icon={<ReloadOutlined />} onClick={startCheck}>
                    {t('import.recheck')}
                  </Button>
                </Flex>
                <Tooltip title={goodRows === 0 ? t('import.nothingToImport') : undefined}>
                  <Button
                    type="primary"
                    size="large"
                    icon={<CloudUploadOutlined />}
                    disabled={goodRows === 0}
                    onClick={startImport}
                    data-testid="import-start"
                  >
                    {t('import.startImport', { count: formatCount(goodRows) })}
                  </Button>
                </Tooltip>
              </Flex>
            </Card>
          )}
        </>
      )}

      {step === 2 && (
        <>
          <ImportProgress state={load.state} mode="import" fileName={fileName} />
          {failure(load.state, 'import')}
          {load.state.phase === 'done' && (
            <Card>
              <Result
                status={load.state.report.imported + load.state.report.merged > 0 ? 'success' : 'warning'}
                title={t('import.done.title')}
                subTitle={
                  <span data-testid="import-done">
                    {t(choice.onDuplicate === 'merge' ? 'import.done.subtitleMerge' : 'import.done.subtitle', {
                      imported: formatCount(load.state.report.imported),
                      merged: formatCount(load.state.report.merged),
                      skipped: formatCount(load.state.report.duplicates - load.state.report.merged),
                      rejected: formatCount(load.state.report.rejected),
                    })}
                  </span>
                }
                extra={[
                  <Button key="list" type="primary" icon={<TeamOutlined />} onClick={() => navigate('/customers')} data-testid="import-to-list">
                    {t('import.done.toList')}
                  </Button>,
                  <Button key="again" icon={<CloudUploadOutlined />} onClick={startOver}>
                    {t('import.done.again')}
                  </Button>,
                ]}
              />
              {file && <ImportReportView report={load.state.report} mode="import" onDuplicate={choice.onDuplicate} file={file} />}
            </Card>
          )}
        </>
      )}
    </>
  );
}
