/** Same-origin calls to the sites admin routes (admins only); every call resolves, with the data or an error code. */
import type { SiteCreateInput, SitePatchInput, SiteView } from '@kefu/shared';
import { request } from './team-api.ts';

export const sitesApi = {
  list: () => request<{ sites: SiteView[] }>('GET', '/api/sites'),
  create: (input: SiteCreateInput) => request<{ site: SiteView }>('POST', '/api/sites', input),
  patch: (key: string, patch: SitePatchInput) => request<{ site: SiteView }>('PATCH', `/api/sites/${encodeURIComponent(key)}`, patch),
};
