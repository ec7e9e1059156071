import { describe, expect, test } from 'vitest';
import { checkInvocation, idflowInvocations } from './lint/idflow-command.ts';
import { UnreadableScriptError, shellCommands } from './lint/shell-words.ts';

/** The templates' script lines are read as a shell reads them, or the checks refuse to read them. */
describe('shellCommands', () => {
  test('joins continuations, drops comments and redirections, splits at separators, removes quotes', () => {
    const script = [
      'npm ci # install',
      'npx idflow run --target "$CONFORMANCE_TARGET" \\',
      '  --reporter \'default\' > out.log 2>&1 && echo "done \\"ok\\""; true | cat',
      '# a comment alone',
      'export A=1 & wait',
    ].join('\n');
    expect(shellCommands(script)).toEqual([
      { line: 1, words: ['npm', 'ci'] },
      {
        line: 2,
        words: ['npx', 'idflow', 'run', '--target', '$CONFORMANCE_TARGET', '--reporter', 'default'],
      },
      { line: 3, words: ['echo', 'done "ok"'] },
      { line: 3, words: ['true'] },
      { line: 3, words: ['cat'] },
      { line: 5, words: ['export', 'A=1'] },
      { line: 5, words: ['wait'] },
    ]);
  });

  test.for([
    ['npx idflow run --target $(cat target)', /line 1: command substitution/],
    ['npx idflow run --target "`cat target`"', /line 1: command substitution/],
    ['echo ok\ncat <<EOF\nx\nEOF', /line 2: a here-document/],
    ["npx idflow run --target 'pingone", /line 1: an unterminated quote/],
  ] as const)('%s is refused, not skipped', ([script, expected]) => {
    expect(() => shellCommands(script)).toThrow(UnreadableScriptError);
    expect(() => shellCommands(script)).toThrow(expected);
  });
});

describe('idflow command lines', () => {
  test('are found however idflow is launched, each with its arguments', () => {
    const { invocations, problems } = idflowInvocations(
      'npx idflow doctor\nnpx --no-install idflow run --smoke\nnpm exec -- idflow list\nnode_modules/.bin/idflow sweep',
    );
    expect(problems).toEqual([]);
    expect(invocations.map(({ command, args }) => [command, ...args])).toEqual([
      ['doctor'],
      ['run', '--smoke'],
      ['list'],
      ['sweep'],
    ]);
  });

  test("are checked with idflow's own parser and registry, values resolved from the template", () => {
    const values = (name: string) => (name === 'T' ? ['pingone', 'nope'] : undefined);
    const check = (line: string) => {
      const [invocation] = idflowInvocations(line).invocations;
      if (!invocation) throw new Error(`no idflow call in ${line}`);
      return checkInvocation(invocation, values);
    };
    expect(check('npx idflow run --smoke --reporter junit --output-file junit=r/j.xml')).toEqual({
      problems: [],
      reports: [{ reporter: 'junit', path: 'r/j.xml' }],
    });
    expect(check('npx idflow list --target "$T"').problems).toEqual([
      'line 1: idflow list --target $T: unknown target "nope". Use one of: pingone, lerian-identity (e.g. --target pingone).',
    ]);
    expect(check('npx idflow list --target "$U"').problems).toEqual([
      'line 1: idflow list --target: the template does not say which values $U holds',
    ]);
    expect(
      check('npx idflow run --env-var IDFLOW_REQUEST_TIMEOUT=10s --env-var PINGONE_REGON=EU').problems,
    ).toEqual([
      expect.stringMatching(/^line 1: idflow run --env-var: PINGONE_REGON is not a variable idflow reads/),
    ]);
    expect(check('npx idflow').problems).toEqual([
      'line 1: idflow: not an idflow command (idflow has run, doctor, emulator, list, compare, export, selftest, sweep)',
    ]);
  });
});
