// Where "Open in Handshake Lab" leads from the compact layout: the same page and query without
// `embed`, at the step the student is on.

/**
 * The full page for the embedded page at `href`, showing `step`. With `scenarioParam` (the `s=`
 * value of a scenario the course page loaded, which the query does not hold), the link carries it
 * instead of the query's lesson.
 */
export function fullPageUrl(href: string, step: number, scenarioParam?: string): string {
  const url = new URL(href);
  const query = url.searchParams;
  query.delete('embed');
  if (scenarioParam !== undefined) {
    query.delete('lesson');
    query.set('s', scenarioParam);
  }
  if (step > 0) query.set('step', String(step));
  else query.delete('step');
  url.hash = '';
  return url.href;
}
