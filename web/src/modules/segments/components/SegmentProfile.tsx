import { Flex, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import type { MessageKey } from '../../../app/i18n/messages';
import { formatShare, measureLabel, measureText, mixItems } from '../labels';
import { kProfileGroups, type ProfileValue, type SegmentProfile as Profile } from '../types';

const kGroupTitles: Record<(typeof kProfileGroups)[number], MessageKey> = {
  basics: 'segmentProfile.basics',
  lifestyle: 'segmentProfile.lifestyle',
  home_value: 'segmentProfile.home_value',
  home_needs: 'segmentProfile.home_needs',
};

const isMix = (value: ProfileValue): value is Record<string, number> => typeof value === 'object' && value !== null;

/**
 * A segment's profile over its customers at the last computation, in its four parts — 基本状况, 生活形态,
 * 房屋价值, 房屋需求 — each measure by its name: numbers with their units, mixes as words with their
 * share of the segment (中等 45%, 幼子家庭 30%), largest first. Whatever the server sends is shown, a
 * measure it adds later by its key.
 */
export function SegmentProfile({ profile, testId }: { profile: Profile; testId: string }) {
  const t = useT();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(240px, 100%), 1fr))', gap: 12 }} data-testid={testId}>
      {kProfileGroups.map((group) => {
        const measures = Object.entries(profile[group] ?? {});
        return (
          <div key={group} style={{ background: '#f7f8fa', borderRadius: 8, padding: '8px 12px' }} data-testid={`${testId}-${group}`}>
            <Typography.Text strong style={{ display: 'block', fontSize: 13, marginBottom: 4 }}>
              {t(kGroupTitles[group])}
            </Typography.Text>
            {measures.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>—</Typography.Text>}
            {measures.map(([key, value]) => (
              <Flex key={key} justify="space-between" align="flex-start" gap={8} style={{ padding: '3px 0', fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {measureLabel(t, key)}
                </Typography.Text>
                {isMix(value) ? (
                  <Flex gap={4} wrap justify="flex-end" style={{ minWidth: 0 }}>
                    {mixItems(t, key, value, profile.customers)
                      .slice(0, 4)
                      .map((item) => (
                        <Tag key={item.word} style={{ marginInlineEnd: 0, fontSize: 12 }}>
                          {item.word} {formatShare(item.share)}
                        </Tag>
                      ))}
                    {Object.keys(value).length === 0 && <span>—</span>}
                  </Flex>
                ) : (
                  <span style={{ textAlign: 'right' }}>{measureText(t, key, value)}</span>
                )}
              </Flex>
            ))}
          </div>
        );
      })}
    </div>
  );
}
