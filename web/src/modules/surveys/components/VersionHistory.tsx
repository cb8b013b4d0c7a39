import { Collapse, Flex, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { listFallback } from '../../../shared/ui/QueryState';
import { useVersions } from '../queries';
import { QuestionSummary } from './QuestionCard';

/**
 * 版本记录: the published versions, latest first — 第 n 版, who published it and when, how many
 * questions — each opening to its questions as they were frozen. A version never changes: waves keep
 * the one they were started with.
 */
export function VersionHistory({ surveyId }: { surveyId: number }) {
  const t = useT();
  const versions = useVersions(surveyId);
  const fallback = listFallback(versions.data, versions.error, t('version.empty'));
  return (
    <Flex vertical gap={12} data-testid="version-history">
      <Typography.Text type="secondary">{t('version.hint')}</Typography.Text>
      {fallback ?? (
        <Collapse
          items={versions.data!.map((version) => ({
            key: version.id,
            label: (
              <Flex gap={8} wrap align="baseline" data-testid={`version-${version.number}`}>
                <Typography.Text strong>{t('version.number', { number: version.number })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('version.publishedBy', { name: version.published_by_name, at: formatDateTime(version.published_at) })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('version.questions', { count: version.questions.length })}
                </Typography.Text>
              </Flex>
            ),
            children: (
              <>
                <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
                  {version.title}
                </Typography.Text>
                {version.questions.map((question, index) => (
                  <QuestionSummary key={question.key} question={question} position={index + 1} questions={version.questions} />
                ))}
              </>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
