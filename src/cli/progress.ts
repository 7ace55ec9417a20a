/**
 * Progress of long work, on stderr only (Sentry prints it to stdout, which corrupts a redirected
 * backup: self-hosted#3095). A bar on a terminal with counts, rate and ETA; one closing line
 * otherwise; nothing when silent. Work is counted in its own unit (rows, or the bytes of a file
 * being checked), so that the bar moves with the work, not with the number of models.
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  /** Work moved on: `done` of `total` (in `unit`s), and what is being done. */
  update(done: number, total: number, label: string, unit?: string): void;
  /** Work finished: stops the bar and says `summary` (unless silent). */
  finish(summary: string): void;
}

/** 1234567 → "1.2M", for counts and rates that must stay short on one line. */
export function short(n: number): string {
  if (n < 10_000) return String(Math.round(n));
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

export function startProgress(io: CliIo, silent: boolean): Progress {
  if (silent) return { update() {}, finish() {} };
  const stream = io.progressStream;
  if (stream === undefined) return { update() {}, finish: (summary) => io.stderr(`${summary}\n`) };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {percentage}% | {done}/{all} {unit} | {rate} {unit}/s | ETA {eta_formatted} | {label}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let since = 0;
  let phase = '';
  return {
    update(done, total, label, unit = 'rows') {
      // A new unit is a new phase (checking the file, then writing rows): its rate starts over.
      if (!started || unit !== phase) {
        if (started) bar.stop();
        since = Date.now();
        phase = unit;
        bar.start(total, done, { label, unit, done: short(done), all: short(total), rate: '0' });
        started = true;
      }
      const seconds = Math.max((Date.now() - since) / 1000, 0.001);
      bar.setTotal(total);
      bar.update(done, { label, unit, done: short(done), all: short(total), rate: short(done / seconds) });
    },
    finish(summary) {
      if (started) bar.stop();
      io.stderr(`${summary}\n`);
    },
  };
}
