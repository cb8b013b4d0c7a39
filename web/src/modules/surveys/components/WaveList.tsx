import { type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Flex, Grid, Progress, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { listFallback } from '../../../shared/ui/QueryState';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { surveysAccess } from '../access';
import { useWaves } from '../queries';
import { channelLabel, formatShare } from '../labels';
import type { Survey, SurveyWave } from '../types';
import { WaveStatusTag } from './Tags';
import { WaveModal } from './WaveModal';

/** A wave's response rate as a bar with its percentage, answered of invited beside it. */
export function RateBar({ answered, invited, testId }: { answered: number; invited: number; testId?: string }) {
  const t = useT();
  const share = invited > 0 ? answered / invited : null;
  return (
    <Tooltip title={t('wave.answeredOf', { answered, invited })}>
      <Flex gap={8} align="center" style={{ minWidth: 120 }} data-testid={testId} data-rate={share ?? ''}>
        <Progress percent={share === null ? 0 : share * 100} showInfo={false} size="small" style={{ margin: 0, flex: 1, minWidth: 60 }} />
        <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{formatShare(share)}</Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/**
 * 调查轮次: the survey's waves, newest first — name, channel, owners invited and answered, the response
 * rate, the last day, open or closed — each to its page; 发起调查 for customer relations once a version
 * is published. On a phone the rows are cards.
 */
export function WaveList({ survey }: { survey: Survey }) {
  const t = useT();
  const { me } = useAuth();
  const access = surveysAccess(me);
  const narrow = !Grid.useBreakpoint().md;
  const waves = useWaves(survey.id);
  const create = useModalTarget<true>();
  const canSend = access.send(survey);

  const name = (wave: SurveyWave) => (
    <Link to={`/surveys/waves/${wave.id}`} data-testid={`wave-link-${wave.id}`}>
      <Typography.Text strong style={{ color: '#1f4fd1' }}>
        {wave.name}
      </Typography.Text>
    </Link>
  );
  const columns: TableColumnsType<SurveyWave> = [
    { title: t('wave.name'), key: 'name', render: (_, wave) => name(wave) },
    { title: t('wave.version'), key: 'version', width: 80, render: (_, wave) => t('survey.versionShort', { version: wave.version_number }) },
    { title: t('wave.channel'), key: 'channel', width: 80, render: (_, wave) => channelLabel(t, wave.channel) },
    { title: t('wave.invited'), dataIndex: 'invited', key: 'invited', width: 80, align: 'right' },
    { title: t('wave.answered'), key: 'answered', width: 80, align: 'right', render: (_, wave) => wave.counts.answered },
    { title: t('wave.rate'), key: 'rate', width: 160, render: (_, wave) => <RateBar answered={wave.counts.answered} invited={wave.invited} testId={`wave-rate-${wave.id}`} /> },
    { title: t('wave.closesOn'), dataIndex: 'closes_on', key: 'closes_on', width: 110 },
    { title: t('wave.status'), key: 'status', width: 90, render: (_, wave) => <WaveStatusTag status={wave.status} testId={`wave-status-${wave.id}`} /> },
  ];

  const fallback = listFallback(waves.data, waves.error, survey.published_version > 0 ? t('wave.empty') : t('wave.emptyDraft'));
  return (
    <Flex vertical gap={12} data-testid="wave-list">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('wave.listHint')}</Typography.Text>
        {access.create && survey.status !== 'archived' && (
          <Tooltip title={canSend ? undefined : t('wave.publishFirst')}>
            <Button type="primary" icon={<SendOutlined />} disabled={!canSend} onClick={() => create.openModal(true)} data-testid="wave-create">
              {t('wave.create')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {survey.status === 'archived' && <Alert type="info" showIcon title={t('wave.archivedHint')} />}
      {fallback ??
        (narrow ? (
          <Flex vertical data-testid="wave-cards">
            {waves.data!.map((wave, index) => (
              <div key={wave.id} style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f2f5' }} data-testid={`wave-row-${wave.id}`}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  {name(wave)}
                  <WaveStatusTag status={wave.status} testId={`wave-status-${wave.id}`} />
                </Flex>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '2px 0 6px' }}>
                  {t('wave.cardMeta', { channel: channelLabel(t, wave.channel), invited: wave.invited, answered: wave.counts.answered, closes: wave.closes_on })}
                </Typography.Text>
                <RateBar answered={wave.counts.answered} invited={wave.invited} testId={`wave-rate-${wave.id}`} />
              </div>
            ))}
          </Flex>
        ) : (
          <Table<SurveyWave>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={waves.data}
            pagination={false}
            onRow={(wave) => ({ 'data-testid': `wave-row-${wave.id}` }) as HTMLAttributes<HTMLElement>}
            data-testid="wave-table"
          />
        ))}
      {create.modal && <WaveModal key={create.modal.key} survey={survey} onClose={create.closeModal} />}
    </Flex>
  );
}
