/**
 * Preloaded into a build under test (`node --import`): when the build writes a line containing
 * INTERRUPT_ON_OUTPUT to standard output, the process sends itself INTERRUPT_SIGNAL. Node runs
 * the signal's handlers at the next turn of its event loop, so the build is interrupted at that
 * point of its work however loaded the machine is, which a parent watching the output from
 * another process cannot promise. The build must run without colour (cleanEnv in
 * tests/support/build-site.ts), or the marker may be split by escape codes.
 */
const marker = process.env.INTERRUPT_ON_OUTPUT ?? '';
const signal = (process.env.INTERRUPT_SIGNAL ?? 'SIGTERM') as NodeJS.Signals;
const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
let sent = false;
const text = (chunk: unknown) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
  const result = write(chunk, ...rest);
  if (!sent && marker && text(chunk).includes(marker)) {
    sent = true;
    process.kill(process.pid, signal);
  }
  return result;
}) as typeof process.stdout.write;
