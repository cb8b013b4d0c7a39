/**
 * The first letter of a name in a round badge (the header's user, the home page's greeting), as
 * antd's Avatar draws it, without it (it is not otherwise on the first screen).
 */
export function InitialAvatar({ name, size = 32, fontSize = 14, color = '#1f4fd1' }: { name: string; size?: number; fontSize?: number; color?: string }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flex: 'none',
        width: size,
        height: size,
        borderRadius: '50%',
        background: color,
        color: '#fff',
        fontSize,
        lineHeight: 1,
        userSelect: 'none',
      }}
    >
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
