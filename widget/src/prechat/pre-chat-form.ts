/**
 * The pre-chat form in plain DOM (the chunk carries no Preact): the fields the site asks, labelled, with
 * their problems shown under them in the visitor's language; 开始咨询 submits, 跳过 (optional forms) hands
 * off without answers, 返回 goes back to the chat. While open it takes the composer's place in the panel.
 */
import type { PreChatMode } from '@kefu/shared';
import { el } from '../files/dom.ts';
import type { PreChatRequest } from './api.ts';
import { addStyles } from './form-css.ts';
import { stringsFor } from './strings.ts';
import { answersOf, problems, type PreChatField, type PreChatValues } from './validate.ts';

/** The composer the form stands in for (its wrapper, so the attach button goes too). */
const composerOf = (panel: HTMLElement): HTMLElement | null => panel.querySelector<HTMLElement>('.ft');

function field(id: PreChatField, label: string, control: HTMLInputElement | HTMLSelectElement, mode: PreChatMode): HTMLElement {
  control.id = `kpc-${id}`;
  control.name = id;
  control.setAttribute('aria-describedby', `kpc-${id}-e`);
  if (mode === 'required') control.setAttribute('aria-required', 'true');
  return el('div', { class: 'kpc-f' }, el('label', { for: control.id }, label), control, el('p', { class: 'kpc-e', id: `kpc-${id}-e`, 'aria-live': 'polite' }));
}

export function showForm({ panel, site, lang, submit }: PreChatRequest): void {
  const open = panel.querySelector<HTMLFormElement>('.kpc');
  if (open) return void open.querySelector<HTMLElement>('input,select')?.focus();
  addStyles(panel);
  const s = stringsFor(lang);
  const { mode, askName, askContact, askDepartment } = site.preChat;
  const label = (text: string) => (mode === 'optional' ? text + s.optional : text);
  const controls: Partial<Record<PreChatField, HTMLInputElement | HTMLSelectElement>> = {};
  const fields: HTMLElement[] = [];
  if (askName) {
    controls.name = el('input', { type: 'text', autocomplete: 'name', maxlength: '80' });
    fields.push(field('name', label(s.name), controls.name, mode));
  }
  if (askContact) {
    controls.contact = el('input', { type: 'text', autocomplete: 'email', inputmode: 'email', maxlength: '254' });
    fields.push(field('contact', label(s.contact), controls.contact, mode));
  }
  if (askDepartment && site.departments.length > 0) {
    const options = site.departments.map((d) => el('option', { value: d.key }, lang === 'en' ? d.nameEn : d.nameZh));
    controls.department = el('select', {}, el('option', { value: '' }, s.choose), ...options);
    fields.push(field('department', label(s.department), controls.department, mode));
  }

  const start = el('button', { type: 'submit', class: 'pb' }, s.start);
  const buttons = el('div', { class: 'kpc-b' }, start);
  if (mode === 'optional') buttons.append(el('button', { type: 'button', class: 'kpc-l', 'data-skip': '' }, s.skip));
  buttons.append(el('button', { type: 'button', class: 'kpc-l', 'data-back': '' }, s.cancel));
  const form = el('form', { class: 'kpc', novalidate: '', 'aria-labelledby': 'kpc-t' }, el('h3', { id: 'kpc-t' }, s.title), ...fields, buttons);

  const composer = composerOf(panel);
  const close = () => {
    form.remove();
    if (composer) composer.style.display = '';
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values: PreChatValues = {};
    for (const [key, control] of Object.entries(controls)) values[key as PreChatField] = control.value.trim();
    const wrong = problems(values, mode, s);
    let first: HTMLElement | undefined;
    for (const [key, control] of Object.entries(controls)) {
      const message = wrong[key as PreChatField] ?? '';
      control.setAttribute('aria-invalid', String(message !== ''));
      panel.querySelector(`#kpc-${key}-e`)!.textContent = message;
      if (message) first ??= control;
    }
    if (first) return first.focus();
    close();
    submit(answersOf(values));
  });
  form.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest('button');
    if (button?.hasAttribute('data-skip')) {
      close();
      submit();
    } else if (button?.hasAttribute('data-back')) close();
  });

  if (composer) composer.style.display = 'none';
  panel.append(form);
  // The log just got shorter: keep its latest message (the bot's ask, or the last answer) in sight.
  const log = panel.querySelector('.lg');
  if (log) log.scrollTop = log.scrollHeight;
  (form.querySelector<HTMLElement>('input,select') ?? start).focus();
}
