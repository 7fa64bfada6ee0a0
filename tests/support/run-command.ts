/**
 * Runs a command (`run(argv, io)` from src/commands/) in this process, capturing what it
 * prints: the tests of the tools call them like this, and spawn Node only where the process
 * boundary itself is under test (exit status, the pinned runtime, Astro).
 */
import { runCheck } from '../../src/commands/check.ts';
import type { Command } from '../../src/commands/cli.ts';
import { PROJECT_ROOT } from './build-site.ts';

export type CommandResult = { code: number; stdout: string; stderr: string };

export async function runCommand(
  command: Command,
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string | undefined } = {},
): Promise<CommandResult> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { ...process.env, CONTENT_ROOT: undefined, INIT_CWD: undefined, ...options.env };
  const code = await command(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    stdin: async () => options.stdin ?? '',
  });
  const text = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');
  return { code, stdout: text(out), stderr: text(err) };
}

/** `npm run check` in this process, with `root` as the content root (CONTENT_ROOT); `args` are its arguments. */
export function checkContent(root: string, ...args: string[]): Promise<CommandResult> {
  return runCommand((argv, io) => runCheck(argv, io.env, PROJECT_ROOT, io), ['--format', 'human', ...args], {
    env: { CONTENT_ROOT: root, GITHUB_ACTIONS: '' },
  });
}
