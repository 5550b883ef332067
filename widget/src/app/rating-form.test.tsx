// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { translator } from './i18n.ts';
import { RatingForm } from './rating-form.tsx';

function setup(result = true, lang: 'zh-CN' | 'en' = 'zh-CN') {
  let settle: (ok: boolean) => void = () => undefined;
  const onRate = vi.fn((_score: number, _comment: string) => new Promise<boolean>((resolve) => (settle = resolve)));
  render(<RatingForm t={translator(lang)} onRate={onRate} />);
  return { user: userEvent.setup(), onRate, settle: () => settle(result) };
}

const submit = () => screen.getByRole('button', { name: '提交评价' }) as HTMLButtonElement;

describe('RatingForm', () => {
  it('offers five stars by name, under the question', () => {
    setup();
    expect(screen.getByRole('group', { name: '请为本次服务打分' })).toBeTruthy();
    const stars = within(screen.getByRole('radiogroup', { name: '评价' })).getAllByRole('radio');
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星']);
    expect(stars.every((s) => !(s as HTMLInputElement).checked)).toBe(true);
  });

  it('cannot be sent before a star is chosen', async () => {
    const { user, onRate } = setup();
    expect(submit().disabled).toBe(true);
    await user.type(screen.getByRole('textbox', { name: '补充意见（选填）' }), '很好');
    expect(submit().disabled).toBe(true);
    expect(onRate).not.toHaveBeenCalled();
  });

  it('sends the stars and the trimmed comment, and holds the button while it goes', async () => {
    const { user, onRate } = setup();
    await user.click(screen.getByRole('radio', { name: '2 星' }));
    await user.click(screen.getByRole('radio', { name: '4 星' }));
    expect((screen.getByRole('radio', { name: '4 星' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '2 星' }) as HTMLInputElement).checked).toBe(false);
    await user.type(screen.getByRole('textbox', { name: '补充意见（选填）' }), '  回复很快 ');
    await user.click(submit());
    expect(onRate).toHaveBeenCalledExactlyOnceWith(4, '回复很快');
    expect(submit().disabled).toBe(true);
    await user.click(submit());
    expect(onRate).toHaveBeenCalledOnce();
  });

  it('can be sent again when the rating did not go through', async () => {
    const { user, onRate, settle } = setup(false);
    await user.click(screen.getByRole('radio', { name: '5 星' }));
    await user.click(submit());
    settle();
    await waitFor(() => expect(submit().disabled).toBe(false));
    await user.click(submit());
    expect(onRate).toHaveBeenCalledTimes(2);
    expect(onRate).toHaveBeenLastCalledWith(5, '');
  });

  it('speaks English to an English visitor', () => {
    setup(true, 'en');
    expect(screen.getByRole('radio', { name: '1 star' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '5 stars' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit rating' })).toBeTruthy();
  });
});
