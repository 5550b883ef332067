/** Picks a readable text colour for the site's accent colour, so a light `data-color` still gets legible labels. */

/** Dark text for light backgrounds, white otherwise; `background` is a computed `rgb(…)`/`rgba(…)` value. */
export function contrastText(background: string): string {
  const [r = 0, g = 0, b = 0] = (background.match(/[\d.]+/g) ?? []).map(Number);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  // The crossover where black and white text have equal WCAG contrast against the background.
  return luminance > 0.179 ? '#111827' : '#fff';
}
