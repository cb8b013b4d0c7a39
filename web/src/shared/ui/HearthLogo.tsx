import { kBrandBlue, kBrandFlame } from '../../app/theme';

/** The Hearth mark: a house with a flame at its heart. */
export function HearthLogo({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="Hearth">
      <rect width="64" height="64" rx="14" fill={inverted ? '#ffffff' : kBrandBlue} />
      <path d="M32 12 10 30h6v20h32V30h6z" fill={inverted ? kBrandBlue : '#ffffff'} />
      <path
        d="M32 46c-5 0-8-3.4-8-7.6 0-4.6 4.2-7.2 5.4-11.4 2.4 2 3.2 4.2 3 6.4 1.6-.8 2.6-2.4 2.8-4.2 3 2.4 4.8 5.6 4.8 9.2 0 4.2-3 7.6-8 7.6z"
        fill={kBrandFlame}
      />
    </svg>
  );
}
