import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Show the command's output as it comes (long steps: debootstrap, podman build). */
  stream?: boolean;
}

/** Runs a command to its end and answers its exit code and output, whatever the code. */
export function runQuietly(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.stream) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.stream) process.stderr.write(chunk);
    });
    child.once('error', reject);
    child.once('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }),
    );
  });
}

/** Runs a command and answers its standard output; fails with its output when it fails. */
export async function run(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<string> {
  const result = await runQuietly(command, args, options);
  if (result.code !== 0) {
    const output = options.stream ? '' : `\n${tail(result.stdout + result.stderr)}`;
    throw new Error(`${command} ${args.join(' ')} exited with ${result.code}${output}`);
  }
  return result.stdout;
}

/** The last lines of a long output: where a failing command says why. */
export function tail(text: string, lines = 60): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
