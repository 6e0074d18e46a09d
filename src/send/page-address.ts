/**
 * A page's address without its query and fragment: what the widget sends and shares. Mailing
 * tools and sign-in flows put readers' tokens there (`?mc_eid=…`, `?email=…`,
 * `#access_token=…`), which belong neither to the organizer nor to whoever gets a shared link.
 */
export function pageAddress(url: string): string {
  const page = new URL(url);
  page.search = '';
  page.hash = '';
  return page.href;
}
