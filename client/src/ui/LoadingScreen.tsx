export function LoadingScreen({ label }: { label: string }) {
  return (
    <main className="full-page" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p role="status">{label}</p>
    </main>
  );
}
