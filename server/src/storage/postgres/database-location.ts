/** Where a PostgreSQL connection string points, for logs and errors (apart from the pool, which only PostgreSQL nodes load). */

/** host:port/database of a connection string, without the credentials. */
export function databaseLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
