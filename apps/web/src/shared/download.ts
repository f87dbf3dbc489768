import { authFetch } from '../api/http';
import { ApiError, ErrorBody } from '../api/errors';

/** Downloads a file the API answers (exports), with the signed-in user's token and the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await authFetch(new Request(new URL(path, location.origin)));
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({}))) as ErrorBody);
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
