/**
 * The tickets chunk's entry. Like the files chunk it works on the widget's DOM by itself (the app only
 * fetches it, see app/lazy-parts.ts, and leaves its chat client on the panel element): it adds the
 * 我的工单 button to the panel's header with a badge when an agent has answered since the visitor last
 * looked, opens the complaint form when the bot's reply asks for it (MessageMeta.complaint), and
 * draws the tickets view (tickets-view.ts).
 */
import type { Lang } from '@kefu/shared';
import { el } from '../files/dom.ts';
import type { HostPanel, TicketsHost } from './api.ts';
import { stringsFor } from './strings.ts';
import { addStyles } from './tickets-css.ts';
import { createTicketsView } from './tickets-view.ts';

const site = document.querySelector<HTMLScriptElement>('script[src*="/widget.js"]')?.dataset.site ?? 'demo';
const SEEN = `kefu:tickets-seen:${site}`;
const HANDLED = `kefu:complaint-asks:${site}`;

function read(store: Storage | undefined, key: string): string {
  try {
    return store?.getItem(key) ?? '';
  } catch {
    return '';
  }
}
function write(store: Storage | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    /* storage blocked: the badge comes back after a reload */
  }
}
const local = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
const session = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

/** Sets the part up on a panel carrying its client; returns the view (tests drive it). */
export function attach(panel: HostPanel, host: TicketsHost, lang: Lang) {
  addStyles(panel);
  const s = stringsFor(lang);
  const button = el('button', { type: 'button', class: 'ktb' }, s.myTickets);
  const badge = el('span', { class: 'kbd' }, s.newReply);
  const close = panel.querySelector('.h > button:last-of-type');
  const header = panel.querySelector('.h');
  if (close) close.before(button);
  else header?.append(button);
  const markSeen = () => {
    badge.remove();
    write(local(), SEEN, String(Date.now()));
  };
  const answered = (at: number) => {
    if (at > Number(read(local(), SEEN) || 0) && !panel.classList.contains('kto')) button.append(badge);
  };
  const view = createTicketsView(panel, host, lang, () => button, markSeen);
  button.onclick = () => view.open();

  // The bot's reply to 我要投诉 opens the form, once per reply (a reload does not open it again).
  const handled = new Set(read(session(), HANDLED).split(',').filter(Boolean));
  let listening = false;
  let checked = false;
  const onState = () => {
    const { messages, status } = host.state;
    if (host.io && !listening) {
      listening = true;
      host.io.on('ticketReply', (push) => answered(push.at));
    }
    if (status === 'online' && !checked) {
      // Answers that came while the visitor was away (the push after hello may have come before this chunk).
      checked = true;
      host.io?.emit('myTickets', {}, (res) => {
        if (res.ok) for (const t of (res.data as { tickets: { lastReplyAt?: number }[] }).tickets) if (t.lastReplyAt) answered(t.lastReplyAt);
      });
    }
    const latest = messages[messages.length - 1];
    const prompt = latest?.meta?.complaint;
    // An ask left from an earlier visit (another tab, a day ago) does not open the form by itself.
    if (prompt && !handled.has(latest.id) && Date.now() - latest.createdAt < 10 * 60_000) {
      handled.add(latest.id);
      write(session(), HANDLED, [...handled].slice(-20).join(','));
      view.complain(prompt);
    }
  };
  host.subscribe(onState);
  onState();
  return { view, button };
}

/** The widget's shadow root: the one holding the chat panel. */
function widgetPanel(): HostPanel | undefined {
  for (const host of document.querySelectorAll('body > *')) {
    const panel = host.shadowRoot?.querySelector<HostPanel>('[role="dialog"]');
    if (panel?.k) return panel;
  }
  return undefined;
}

let tries = 0;
function start(): void {
  const panel = widgetPanel();
  // The app mounts the panel as it runs, before this chunk arrives; a slow page gets a few more chances.
  if (!panel) return void (tries++ < 50 && setTimeout(start, 200));
  attach(panel, panel.k!, panel.getAttribute('lang') === 'en' ? 'en' : 'zh-CN');
}
if (typeof document !== 'undefined' && document.currentScript) start();
