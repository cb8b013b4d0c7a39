import type { CSSProperties, ReactNode } from 'react';
import { Typography } from 'antd';

/** A labelled fact in a record's header (customer, unit, ticket); `style` e.g. to span the grid's columns. */
export function Fact({ label, children, testId, style }: { label: ReactNode; children: ReactNode; testId?: string; style?: CSSProperties }) {
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere', ...style }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginBottom: 2 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 14 }}>{children}</div>
    </div>
  );
}

/** The row of facts under a header, divided from it by a thin line. */
export function FactGrid({ columns, children }: { columns: string; children: ReactNode }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: columns,
        gap: 16,
        marginTop: 20,
        paddingTop: 16,
        borderTop: '1px solid #f0f2f5',
      }}
    >
      {children}
    </div>
  );
}
