import { describe, expect, it } from 'vitest';
import { contrastText } from './contrast-text.ts';

describe('contrastText', () => {
  it('keeps white labels on the default blue and other dark accents', () => {
    expect(contrastText('rgb(37, 99, 235)')).toBe('#fff');
    expect(contrastText('rgb(219, 39, 119)')).toBe('#fff');
    expect(contrastText('rgb(0, 0, 0)')).toBe('#fff');
  });

  it('switches to dark labels on light accents such as yellow or white', () => {
    expect(contrastText('rgb(250, 204, 21)')).toBe('#111827');
    expect(contrastText('rgba(255, 255, 255, 1)')).toBe('#111827');
  });
});
