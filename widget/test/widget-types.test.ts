/// <reference types="node" />
/** widget.d.ts, the page API's published types: real calls compile, wrong commands, events and arguments do not. */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const DECLARATIONS = fileURLToPath(new URL('../widget.d.ts', import.meta.url));

/** Type-checks each snippet as its own module beside widget.d.ts; returns the errors per snippet. */
function check(snippets: Record<string, string>): Record<string, string[]> {
  const files = new Map(Object.entries(snippets).map(([name, code]) => [`/virtual/${name}.ts`, `export {};\n${code}\n`]));
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (file) => files.get(file) ?? read(file);
  host.fileExists = (file) => files.has(file) || exists(file);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    const text = files.get(file);
    return text === undefined ? getSourceFile(file, language) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([DECLARATIONS, ...files.keys()], options, host);
  const result: Record<string, string[]> = {};
  for (const [file] of files) {
    const source = program.getSourceFile(file);
    const name = file.slice('/virtual/'.length, -3);
    result[name] = [...program.getSemanticDiagnostics(source), ...program.getSyntacticDiagnostics(source)].map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  }
  result['widget.d.ts'] = program.getSemanticDiagnostics(program.getSourceFile(DECLARATIONS)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  return result;
}

const GOOD = `
  Kefu('open');
  Kefu('close');
  window.Kefu('toggle');
  Kefu('identify', { name: '张三', email: 'zhang@example.com', userId: '42', signature: 'ab12' });
  Kefu('identify', { userId: '42', jwt: 'e30.e30.sig' });
  Kefu('on', 'message', (m) => { const text: string = m.text; const who: 'visitor' | 'bot' | 'agent' | 'system' = m.author; void text; void who; });
  Kefu('on', 'unread', (count) => { const n: number = count; void n; });
  Kefu('on', 'open', () => undefined);
  Kefu('on', 'close', () => undefined);
  Kefu('send', '客服热线是多少？');
`;

const BAD: Record<string, string> = {
  command: `Kefu('opne');`,
  event: `Kefu('on', 'mesage', () => undefined);`,
  handler: `Kefu('on', 'unread', (count: string) => void count);`,
  sendNumber: `Kefu('send', 42);`,
  sendNothing: `Kefu('send');`,
  identity: `Kefu('identify', { nickname: 'x' });`,
  extra: `Kefu('open', true);`,
};

describe('widget.d.ts', () => {
  let errors: Record<string, string[]> = {};
  // One program for every snippet: loading lib.dom once is most of the cost.
  beforeAll(() => {
    errors = check({ usage: GOOD, ...BAD });
  }, 120_000);

  it('accepts every documented command and types the event handlers', () => {
    expect(errors.usage).toEqual([]);
    expect(errors['widget.d.ts']).toEqual([]);
  });

  it('rejects a misspelt command, an unknown event, wrong arguments and a mistyped handler', () => {
    for (const name of Object.keys(BAD)) expect(errors[name]?.length, `${name} compiled although it is wrong`).toBeGreaterThan(0);
  });
});
