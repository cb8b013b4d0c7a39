import type { CSSProperties, ReactNode } from 'react';

export interface LightCardProps {
  /** The header's title; with `extra`, a header line above the body like antd's Card. */
  title?: ReactNode;
  /** On the header's right (a link). */
  extra?: ReactNode;
  /** `small`: a 12 px body, a 14 px title, as antd's Card size="small". */
  size?: 'default' | 'small';
  /** A thin border instead of the shadow (antd's default Card; without it, variant="borderless"). */
  bordered?: boolean;
  /** Raised on hover, with a pointer (a card that leads somewhere; pass `onClick`). */
  hoverable?: boolean;
  onClick?: () => void;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
  testId?: string;
  children?: ReactNode;
}

/**
 * A card drawn as antd's Card is, without it: antd's Card imports Tabs (for its tab list), ~10 KB
 * gzip that the first screen (the frame, the home page) would download for nothing. Pages beyond it
 * use antd's Card. Its look is global.css's `.hearth-card` (antd's tokens for app/theme.ts).
 */
export function LightCard({ title, extra, size = 'default', bordered = false, hoverable, onClick, style, bodyStyle, testId, children }: LightCardProps) {
  const classes = ['hearth-card'];
  if (size === 'small') classes.push('hearth-card-small');
  if (bordered) classes.push('hearth-card-bordered');
  if (hoverable) classes.push('hearth-card-hoverable');
  return (
    <div className={classes.join(' ')} data-testid={testId} onClick={onClick} style={style}>
      {(title !== undefined || extra !== undefined) && (
        <div className="hearth-card-head">
          <div className="hearth-card-title">{title}</div>
          {extra !== undefined && <div className="hearth-card-extra">{extra}</div>}
        </div>
      )}
      <div className="hearth-card-body" style={bodyStyle}>
        {children}
      </div>
    </div>
  );
}
