/**
 * Progress of long work, on stderr only (Sentry prints it to stdout, which corrupts a redirected
 * backup: self-hosted#3095). A bar on a terminal; one closing line otherwise; nothing when silent.
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  /** Work moved on: `done` of `total` steps, and what is being done. */
  update(done: number, total: number, label: string): void;
  /** Work finished: stops the bar and says `summary` (unless silent). */
  finish(summary: string): void;
}

export function startProgress(io: CliIo, silent: boolean): Progress {
  if (silent) return { update() {}, finish() {} };
  const stream = io.progressStream;
  if (stream === undefined) return { update() {}, finish: (summary) => io.stderr(`${summary}\n`) };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{bar} {percentage}% | {value}/{total} | {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) bar.start(total, done, { label });
      started = true;
      bar.setTotal(total);
      bar.update(done, { label });
    },
    finish(summary) {
      if (started) bar.stop();
      io.stderr(`${summary}\n`);
    },
  };
}
