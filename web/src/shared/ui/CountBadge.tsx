import type { ReactNode } from 'react';

/**
 * A count on the top right of an icon (the header's bells), drawn as antd's Badge size="small" is
 * without it: Badge brings its rolling digits and its Ribbon (~5 KB gzip) to every first screen.
 * Nothing shows for 0; a number above `overflowCount` shows as "99+", a string as it is ("100+").
 */
export function CountBadge({ count, color = '#ff4d4f', overflowCount = 99, children }: { count: number | string; color?: string; overflowCount?: number; children: ReactNode }) {
  const text = typeof count === 'number' ? (count > overflowCount ? `${overflowCount}+` : String(count)) : count;
  const shown = text !== '' && text !== '0';
  return (
    <span style={{ position: 'relative', display: 'inline-block', lineHeight: 1 }}>
      {children}
      {shown && (
        <sup
          title={text}
          style={{
            position: 'absolute',
            top: 0,
            insetInlineEnd: 0,
            transform: 'translate(50%, -50%)',
            zIndex: 1,
            boxSizing: 'border-box',
            minWidth: 14,
            height: 14,
            padding: text.length > 1 ? '0 8px' : 0,
            borderRadius: 7,
            background: color,
            boxShadow: '0 0 0 1px #fff',
            color: '#fff',
            fontSize: 12,
            fontWeight: 'normal',
            lineHeight: '14px',
            textAlign: 'center',
            whiteSpace: 'nowrap',
          }}
        >
          {text}
        </sup>
      )}
    </span>
  );
}
