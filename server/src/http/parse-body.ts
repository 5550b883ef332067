/** Parses a request body (or params) with a shared schema; a failure is a `bad_request` naming the field. */
import { v } from '@kefu/shared';
import { KefuError } from '../kefu-error.ts';

export function parseBody<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  throw new KefuError('bad_request', `${path ? `${path}: ` : ''}${issue.message}`);
}
