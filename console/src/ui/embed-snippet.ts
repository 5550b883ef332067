/** The script tag a site owner pastes into their pages, pointing at this server as the console sees it. */

/**
 * The server's absolute base URL from the console's own address: the console lives at `<base>/console/`,
 * so whatever path a proxy puts in front of the server is kept.
 */
export function serverBase(href: string): string {
  const url = new URL(href);
  const path = url.pathname.replace(/\/console(\/.*)?$/, '').replace(/\/+$/, '');
  return url.origin + path;
}

export function embedSnippet(siteKey: string, base: string): string {
  return `<script src="${base}/widget.js" data-site="${siteKey}" async></script>`;
}
