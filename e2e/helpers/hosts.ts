// Where the stand-in course pages are (e2e/helpers/hostServer.ts): the app's port + 1 is the course
// page's origin, + 2 another site's. Pages are e2e/hosts/NAME.html; tests pass their `baseURL`.

/** The course page's origin, or another site's (`other`), for the app at `appBaseUrl`. */
export function hostOrigin(appBaseUrl: string | undefined, other = false): string {
  const app = new URL(appBaseUrl ?? 'http://127.0.0.1:4173/');
  return `http://127.0.0.1:${Number(app.port) + (other ? 2 : 1)}`;
}

/** The URL of e2e/hosts/NAME.html on the course page's origin (or another site's). */
export function hostPage(
  appBaseUrl: string | undefined,
  name: string,
  query = '',
  other = false,
): string {
  return `${hostOrigin(appBaseUrl, other)}/hosts/${name}.html${query ? `?${query}` : ''}`;
}
