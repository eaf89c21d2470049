import { fetchOk } from '../../http';

/** How long the browser may take to start saving before the file's object URL is released. */
const RELEASE_AFTER_MS = 60_000;

/**
 * Saves what an authenticated endpoint returns as a file. A plain link cannot send the
 * Authorization header, so we fetch, then hand the browser a Blob through a download link.
 */
export async function downloadFile(url: string, token: string, fallbackName: string): Promise<void> {
  const response = await fetchOk(url, { headers: { Authorization: `Bearer ${token}` } });
  saveBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition')) ?? fallbackName);
}

/** Hands the browser a file to save, from what the page holds. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), RELEASE_AFTER_MS);
}

function fileNameOf(disposition: string | null): string | null {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
