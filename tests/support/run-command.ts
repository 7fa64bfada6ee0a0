/**
 * Runs a command (`run(argv, io)` from src/commands/) in this process, capturing what it
 * prints: the tests of the tools call them like this, and spawn Node only where the process
 * boundary itself is under test (exit status, the pinned runtime, Astro).
 */
import type { Command } from '../../src/commands/cli.ts';

export type CommandResult = { code: number; stdout: string; stderr: string };

export async function runCommand(
  command: Command,
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
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
