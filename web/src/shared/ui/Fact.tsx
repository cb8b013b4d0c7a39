import type { CSSProperties, ReactNode } from 'react';
import { Grid, Typography } from 'antd';

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

/**
 * The row of facts under a header, divided from it by a thin line: `columns` on a wide screen, two
 * columns on a phone unless `narrowColumns` says otherwise.
 */
export function FactGrid({ columns, narrowColumns = 'repeat(2, minmax(0, 1fr))', children }: { columns: string; narrowColumns?: string; children: ReactNode }) {
  const narrow = !Grid.useBreakpoint().md;
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: narrow ? narrowColumns : columns,
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
