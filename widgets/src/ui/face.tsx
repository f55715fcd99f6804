// A face for the CSAT scale, drawn (not an emoji: emoji fonts differ or are missing), from frown to smile.
export function Face({ level }: { level: 1 | 2 | 3 | 4 | 5 }) {
  const curve = (level - 3) * 2.5; // mouth: -5 (frown) .. +5 (smile)
  return (
    <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
      <circle cx="12" cy="12" r="10" />
      <circle cx="8.5" cy="10" r="1" fill="currentColor" stroke="none" />
      <circle cx="15.5" cy="10" r="1" fill="currentColor" stroke="none" />
      <path d={`M7.5 ${16 - curve / 2} Q12 ${16 + curve} 16.5 ${16 - curve / 2}`} />
    </svg>
  );
}
