/** A failure shown next to the control that caused it, announced as it appears. */
export function InlineError({ message, block = false }: { message: string | null | undefined; block?: boolean }) {
  if (!message) return null;
  const Tag = block ? 'p' : 'span';
  return (
    <Tag className="form-error small" role="alert">
      {message}
    </Tag>
  );
}
