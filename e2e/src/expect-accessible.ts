/**
 * Runs axe-core (WCAG 2.0 / 2.1 A and AA rules) on a page, shadow roots included, and fails with every serious or
 * critical violation listed by rule, element and reason. The page's context needs `bypassCSP: true`: the script goes
 * in inline, which the server's Content-Security-Policy would refuse.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: AxeNode[];
}

/**
 * Rules waived for named elements, each with its reason. A list row's button (a conversation, a site) is named by its
 * main words only on purpose (`aria-describedby` carries the rest, so state words do not read as part of the action);
 * axe's label-in-name rule wants every word on the button in the name.
 */
const WAIVED: { rule: string; selector: RegExp; why: string }[] = [
  { rule: 'label-content-name-mismatch', selector: /\.conv-item\b/, why: 'a conversation row: named by the visitor, described by the rest' },
  { rule: 'label-content-name-mismatch', selector: /\.site-pick\b/, why: 'a site row: named "编辑 <site>", its key shown beside' },
];

export async function expectAccessible(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  // Colours half-way through an opening animation are not what anyone reads.
  await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    document.querySelectorAll('*').forEach((el) => el.shadowRoot && roots.push(el.shadowRoot));
    return Promise.all(roots.flatMap((root) => root.getAnimations()).map((a) => a.finished.catch(() => undefined)));
  });
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: unknown[] }> } }).axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations),
  )) as AxeViolation[];
  const problems = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !WAIVED.some((w) => w.rule === v.id && w.selector.test(n.target.join(' ')))) }))
    .filter((v) => v.nodes.length > 0);
  if (problems.length === 0) return;
  const lines = problems.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  ]);
  throw new Error(`${where}: ${problems.length} accessibility rule(s) broken:\n${lines.join('\n')}`);
}
