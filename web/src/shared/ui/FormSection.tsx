import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** A titled group of fields inside a long form. */
export function FormSection({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ margin: '16px 0 8px' }}>
      <Flex align="center" justify="space-between" style={{ margin: '4px 0 12px' }}>
        <Typography.Text strong style={{ borderInlineStart: '3px solid #1f4fd1', paddingInlineStart: 8, lineHeight: '16px' }}>
          {title}
        </Typography.Text>
        {extra}
      </Flex>
      {children}
    </section>
  );
}
