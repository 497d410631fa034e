// The line a page shows above its default view when its query string named something it could not show.
export function ParamNotice({ message }: { message: string }) {
  return (
    <p
      role="status"
      data-testid="param-notice"
      className="mt-4 rounded-lg border border-line bg-surface px-3 py-2 text-sm text-muted"
    >
      {message}
    </p>
  );
}
