/**
 * 我的工单 in plain DOM (the chunk carries no Preact): the visitor's tickets, one ticket (status, who
 * has it, when it is due, the 评价 once resolved (ticket-rating.ts), the public replies, a box to add
 * information), the complaint / suggestion form (what happened, contact, optional order or ticket
 * number, the tier proposed from the text and changeable, 重大) and its confirmation (number, tier, response time, the timeline with this ticket's
 * dates). While open it takes the place of the transcript and composer under the panel's header.
 */
import type { Ack, ComplaintConfirmation, ComplaintPrompt, Lang, TicketTier, VisitorTicket, VisitorTicketDetail } from '@kefu/shared';
import { el } from '../files/dom.ts';
import type { HostPanel, TicketsHost } from './api.ts';
import { FIRST, STATUS, TIER, fill, stringsFor } from './strings.ts';
import { attachPart, fileList } from './ticket-files.ts';
import { ratingPart } from './ticket-rating.ts';
import { formatWhen, timeline } from './timeline.ts';

const TIERS: TicketTier[] = ['urgent', 'severe', 'normal'];
/** src/visitor-ticket-schemas.ts: an email, or a phone number. */
const CONTACT = /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?[\d\s()-]{5,20})$/;

export interface TicketsView {
  /** 我的工单: the list. */
  open(): void;
  /** The complaint or suggestion form, filled from what was typed. */
  complain(prompt: ComplaintPrompt): void;
  close(): void;
}

export function createTicketsView(panel: HostPanel, host: TicketsHost, lang: Lang, opener: () => HTMLElement | null, onSeen: () => void): TicketsView {
  const s = stringsFor(lang);
  let section: HTMLElement | undefined;
  /** Each render bumps it, so an answer for a view already left draws nothing. */
  let generation = 0;

  const call = <T>(event: string, payload: unknown): Promise<Ack<T>> =>
    new Promise((resolve) => {
      const io = host.io;
      if (!io || host.state.status !== 'online') return resolve({ ok: false, error: { code: 'unavailable', message: 'offline' } });
      const timer = setTimeout(() => resolve({ ok: false, error: { code: 'unavailable', message: 'timeout' } }), 15_000);
      io.emit(event, payload, (res) => {
        clearTimeout(timer);
        resolve(res as Ack<T>);
      });
    });
  const refusal = (res: Ack<unknown>) => (res.ok ? '' : res.error.code === 'rate_limited' ? s.rateLimited : res.error.code === 'not_found' ? s.notFound : s.error);

  /** Replaces the view's content; returns a check that the view is still this one. */
  const show = (...children: (Node | string)[]): (() => boolean) => {
    if (!section) {
      section = el('section', { class: 'ktk', 'aria-labelledby': 'ktk-t' });
      panel.append(section);
      panel.classList.add('kto');
    }
    section.replaceChildren(...children);
    section.scrollTop = 0;
    const mine = ++generation;
    return () => mine === generation && section !== undefined;
  };
  const heading = (text: string) => el('h3', { id: 'ktk-t', tabindex: '-1' }, text);
  const link = (text: string, action: () => void) => {
    const b = el('button', { type: 'button', class: 'kt-l' }, text);
    b.onclick = action;
    return b;
  };
  const action = (text: string, act: () => void, cls = 'kt-a') => {
    const b = el('button', { type: 'button', class: cls }, text);
    b.onclick = act;
    return b;
  };
  const status = (t: VisitorTicket) => el('span', { class: `kt-s ${t.status}` }, STATUS[t.status][lang]);
  const tier = (t: TicketTier) => el('span', { class: `kt-t ${t}` }, TIER[t][lang]);
  const message = (text = '', role = 'status') => el('p', { role, class: role === 'alert' ? 'kt-e' : 'kt-m' }, text);
  const focusHeading = () => section?.querySelector<HTMLElement>('#ktk-t')?.focus();

  const close = () => {
    generation++;
    section?.remove();
    section = undefined;
    panel.classList.remove('kto');
    opener()?.focus();
  };

  const list = async () => {
    onSeen();
    const note = message(s.loading);
    const items = el('ul', {});
    const current = show(
      el('div', { class: 'kt-n' }, link(s.back, close)),
      heading(s.myTickets),
      el('div', { class: 'kt-b' }, action(s.complain, () => form({ kind: 'complaint', tier: 'normal', text: '' })), action(s.suggest, () => form({ kind: 'suggestion', tier: 'normal', text: '' }))),
      note,
      items,
    );
    focusHeading();
    const res = await call<{ tickets: VisitorTicket[] }>('myTickets', {});
    if (!current()) return;
    if (!res.ok) return void (note.textContent = refusal(res));
    note.textContent = res.data.tickets.length ? '' : s.none;
    for (const t of res.data.tickets) {
      const open = el(
        'button',
        { type: 'button', class: 'kt-i' },
        el('b', {}, t.title),
        el('span', { class: 'kt-n' }, el('small', {}, t.number), status(t), tier(t.tier)),
      );
      open.onclick = () => void detail(t.number);
      items.append(el('li', {}, open));
    }
  };

  /** Facts, timeline and replies of one ticket. */
  const facts = (d: VisitorTicketDetail): HTMLElement[] => {
    const t = d.ticket;
    const department = t.department && (lang === 'en' ? t.department.en : t.department.zh);
    const owner = t.owner ? (department ? fill(s.ownerIn, { a: t.owner, d: department }) : t.owner) : department ? `${department} · ${s.unassigned}` : s.unassigned;
    const rows: [string, Node | string][] = [
      [s.number, t.number],
      [s.status, status(t)],
      [s.tier, tier(t.tier)],
      [s.owner, owner],
    ];
    if (t.nextDueAt !== undefined && t.status !== 'resolved' && t.status !== 'closed') rows.push([s.due, formatWhen(t.nextDueAt, lang)]);
    const out: HTMLElement[] = [el('div', { class: 'kt-c' }, el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])))];
    const steps = t.kind === 'fault' ? [] : timeline(t.clocks, lang);
    if (steps.length) {
      out.push(
        el('h4', {}, s.timeline),
        el('ol', { class: 'kt-tl' }, ...steps.map((x) => el('li', { class: x.done ? 'done' : '' }, x.label, el('span', {}, x.when)))),
      );
    }
    return out;
  };

  const replies = (d: VisitorTicketDetail) =>
    el(
      'ul',
      { 'aria-label': s.replies },
      ...d.replies.map((r) => {
        const who = `${r.author === 'agent' ? (r.name ?? s.agent) : s.you} · ${formatWhen(r.createdAt, lang)}`;
        const item = el('li', { class: `kt-r ${r.author}` }, el('small', { class: 'kt-m' }, who), el('br', {}), r.text);
        if (r.files?.length) item.append(fileList(r.files, s, `${s.files} · ${who}`));
        return item;
      }),
    );

  /** `notice`: what just happened (the thank-you after rating). */
  const detail = async (number: string, loaded?: VisitorTicketDetail, notice = '') => {
    const note = message(loaded ? notice : s.loading);
    const current = show(el('div', { class: 'kt-n' }, link(s.backToList, () => void list()), link(s.back, close)), heading(loaded?.ticket.title ?? number), note);
    focusHeading();
    const res: Ack<VisitorTicketDetail> = loaded ? { ok: true, data: loaded } : await call<VisitorTicketDetail>('ticket', { number });
    if (!current()) return;
    if (!res.ok) return void (note.textContent = refusal(res));
    note.textContent = notice;
    const d = res.data;
    section!.querySelector('#ktk-t')!.textContent = d.ticket.title;
    section!.append(...facts(d));
    const survey = ratingPart(d, {
      s,
      lang,
      refusal,
      rate: (score, comment) => call<VisitorTicketDetail>('rateTicket', { number, score, ...(comment ? { comment } : {}) }),
      rated: (after) => current() && void detail(number, after, s.thanks),
    });
    if (survey) section!.append(survey);
    if (d.files?.length) section!.append(el('h4', { id: 'ktk-fs' }, s.files), fileList(d.files, s, s.files));
    section!.append(el('h4', {}, s.replies), replies(d));
    if (d.ticket.status !== 'closed') {
      const box = el('textarea', { id: 'ktk-add', name: 'info', maxlength: '2000' });
      const error = message('', 'alert');
      const files = attachPart(s, error);
      const send = action(s.send, async () => {
        const text = box.value.trim();
        if (!text && !files.count()) return box.focus();
        send.disabled = true;
        send.textContent = files.count() ? s.sending : s.send;
        error.textContent = '';
        const ids = await files.send(number);
        const added = ids ? await call<VisitorTicketDetail>('addTicketInfo', { number, ...(text ? { text } : {}), ...(ids.length ? { files: ids } : {}) }) : undefined;
        send.disabled = false;
        send.textContent = s.send;
        if (!current() || !added) return;
        if (!added.ok) return void (error.textContent = refusal(added));
        void detail(number, added.data);
      }, 'pb');
      section!.append(el('div', { class: 'kt-f' }, el('label', { for: 'ktk-add' }, s.addInfo), box, files.node, error), el('div', { class: 'kt-b' }, send));
    }
  };

  const form = (prompt: ComplaintPrompt) => {
    const complaint = prompt.kind === 'complaint';
    const field = (id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) => {
      control.id = `ktk-${id}`;
      control.name = id;
      control.setAttribute('aria-describedby', `ktk-${id}-e`);
      if (hint) control.setAttribute('placeholder', hint);
      return el('div', { class: 'kt-f' }, el('label', { for: control.id }, label), control, el('p', { class: 'kt-e', id: `ktk-${id}-e`, 'aria-live': 'polite' }));
    };
    const what = el('textarea', { maxlength: '2000', 'aria-required': 'true' });
    what.value = prompt.text;
    const contact = el('input', { type: 'text', autocomplete: 'email', maxlength: '120', 'aria-required': 'true' });
    const reference = el('input', { type: 'text', maxlength: '64' });
    const radios = TIERS.map((x) => {
      const r = el('input', { type: 'radio', name: 'ktk-tier', value: x });
      r.checked = x === prompt.tier;
      r.onchange = () => (chosen = true);
      return r;
    });
    const proposed = message(prompt.text ? fill(s.tierProposed, { t: TIER[prompt.tier][lang] }) : '');
    const tiers = el('fieldset', {}, el('legend', {}, s.tier), ...radios.map((r, i) => el('label', { class: 'kt-o' }, r, TIER[TIERS[i]!][lang])));
    const major = el('input', { type: 'checkbox', id: 'ktk-major' });
    const error = message('', 'alert');
    const submit = el('button', { type: 'submit', class: 'pb' }, complaint ? s.submitComplaint : s.submitSuggestion);
    const fields = [field('what', complaint ? s.what : s.whatSuggestion, what), field('contact', s.contact, contact, s.contactHint), field('reference', s.reference, reference)];
    const formEl = el(
      'form',
      { novalidate: '', 'aria-labelledby': 'ktk-t' },
      ...fields,
      ...(complaint ? [tiers, proposed, el('label', { class: 'kt-o' }, major, s.major)] : []),
      error,
      el('div', { class: 'kt-b' }, submit),
    );
    formEl.style.cssText = 'display:flex;flex-direction:column;gap:10px';
    const current = show(el('div', { class: 'kt-n' }, link(s.backToList, () => void list()), link(s.back, close)), heading(complaint ? s.complaintTitle : s.suggestionTitle), formEl);

    // The tier follows the text until the visitor picks one.
    let chosen = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    what.oninput = () => {
      clearTimeout(timer);
      if (!complaint || chosen) return;
      timer = setTimeout(async () => {
        const res = await call<{ tier: TicketTier }>('proposeTier', { text: what.value });
        if (!res.ok || chosen || !current()) return;
        for (const r of radios) r.checked = r.value === res.data.tier;
        proposed.textContent = fill(s.tierProposed, { t: TIER[res.data.tier][lang] });
      }, 500);
    };

    const problem = (control: HTMLElement, text: string) => {
      control.setAttribute('aria-invalid', String(text !== ''));
      section!.querySelector(`#${control.id}-e`)!.textContent = text;
      return text;
    };
    formEl.onsubmit = async (e) => {
      e.preventDefault();
      const input = { text: what.value.trim(), contact: contact.value.trim(), reference: reference.value.trim() };
      const wrong = [
        problem(what, input.text ? '' : s.emptyWhat) && what,
        problem(contact, CONTACT.test(input.contact) ? '' : s.badContact) && contact,
        problem(reference, /^[\w-]*$/.test(input.reference) ? '' : s.badReference) && reference,
      ].find(Boolean);
      if (wrong) return wrong.focus();
      submit.disabled = true;
      submit.textContent = s.submitting;
      const res = await call<ComplaintConfirmation>('complain', {
        kind: prompt.kind,
        text: input.text,
        contact: input.contact,
        ...(input.reference ? { reference: input.reference } : {}),
        tier: complaint ? (radios.find((r) => r.checked)?.value ?? 'normal') : 'normal',
        ...(complaint && major.checked ? { major: true } : {}),
      });
      if (!current()) return;
      submit.disabled = false;
      submit.textContent = complaint ? s.submitComplaint : s.submitSuggestion;
      if (!res.ok) return void (error.textContent = refusal(res));
      confirmation(res.data);
    };
    what.focus();
  };

  const confirmation = (c: ComplaintConfirmation) => {
    const t = c.ticket;
    // "1 working day", not "1 working days" (the Chinese words have no plural).
    const within = fill(s[c.responseWithin.unit], { n: c.responseWithin.amount }).replace(c.responseWithin.amount === 1 ? /s$/ : /$^/, '');
    const first = FIRST[c.responseClock === 'acceptance' ? 'acceptance' : 'response'][lang];
    show(
      el('div', { class: 'kt-n' }, link(s.backToList, () => void list()), link(s.back, close)),
      heading(t.kind === 'complaint' ? s.doneComplaint : s.doneSuggestion),
      el('p', { role: 'status' }, fill(s.responseWithin, { w: within, c: first, d: formatWhen(c.responseDueAt, lang) })),
      ...facts(c),
    );
    focusHeading();
  };

  return {
    open: () => void list(),
    complain: form,
    close,
  };
}
