export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className={compact ? 'logo logo--compact' : 'logo'}>
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="#1f2937" />
        <circle cx="11" cy="16" r="5" fill="#60a5fa" />
        <circle cx="21" cy="16" r="5" fill="#34d399" fillOpacity=".85" />
      </svg>
      <span className="logo__word">Quorum</span>
    </span>
  );
}
