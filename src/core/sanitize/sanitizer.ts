/**
 * Sentry's Sanitizer (§6.1–6.2 of the research): replacements for identifying values, interned so
 * that the same input gives the same output across the whole file (an email in User and in Email
 * stays one email), and injective so that distinct values stay distinct (unique keys survive).
 * Datetimes are re-drawn between their neighbours, all moved by one random shift, so that the
 * order of every date in the file holds, then shifted by a whole number of days.
 */
import { formatSentryDatetime } from '../json/datetime.js';
import { ADJECTIVES, NOUNS } from './petnames.js';

export type RandomInts = (below: number) => number;

/** A uniformly random integer in [0, below), from the platform's cryptographic source. */
export const cryptoRandom: RandomInts = (below) => {
  if (below <= 1) return 0;
  // 53 random bits cover any range a datetime gap can span (years in milliseconds exceed 2^32).
  const words = new Uint32Array(2);
  const span = 2 ** 53;
  const limit = Math.floor(span / below) * below;
  for (;;) {
    globalThis.crypto.getRandomValues(words);
    const value = (words[0] as number) * 2 ** 21 + ((words[1] as number) >>> 11);
    if (value < limit) return value % below;
  }
};

/** Cheap test first: only text with an @ or four dotted numbers can hold what `embedded` replaces. */
const EMBEDDED_HINT = /@|\d\.\d+\.\d+\.\d/;
const EMBEDDED_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/g;
const EMBEDDED_IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\d.])/g;

const UPPER_HEX = 'ABCDEF';
const UPPER_OTHER = 'GHIJKLMNOPQRSTUVWXYZ';
const LOWER_HEX = 'abcdef';
const LOWER_OTHER = 'ghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** A character of the same class: hex stays hex, letters stay letters of their case, digits digits. */
function classOf(ch: string): string | undefined {
  if (UPPER_HEX.includes(ch)) return UPPER_HEX;
  if (UPPER_OTHER.includes(ch)) return UPPER_OTHER;
  if (LOWER_HEX.includes(ch)) return LOWER_HEX;
  if (LOWER_OTHER.includes(ch)) return LOWER_OTHER;
  if (DIGITS.includes(ch)) return DIGITS;
  return ch.charCodeAt(0) > 0x7f ? LOWER_OTHER : undefined; // punctuation keeps the shape
}

export class Sanitizer {
  readonly #interned = new Map<string, string>();
  readonly #taken = new Set<string>();
  readonly #datetimes = new Map<string, string>();

  constructor(datetimes: Iterable<string>, private readonly daysOffset = 0, private readonly random: RandomInts = cryptoRandom) {
    this.#redrawDatetimes(datetimes);
  }

  /** Each distinct instant moves to a random one between the midpoints to its neighbours. */
  #redrawDatetimes(values: Iterable<string>): void {
    const byTime = new Map<number, string[]>();
    for (const value of values) {
      const time = Date.parse(value);
      if (Number.isNaN(time)) continue;
      const same = byTime.get(time);
      if (same === undefined) byTime.set(time, [value]);
      else same.push(value);
    }
    const times = [...byTime.keys()].sort((a, b) => a - b);
    const day = 86_400_000;
    // One random shift for the whole file moves every instant, even those packed a millisecond
    // apart (no room to re-draw them apart); the per-instant draw then blurs the spacing.
    const shift = (this.random(2) === 0 ? -1 : 1) * (3_600_000 + this.random(30 * day));
    times.forEach((time, i) => {
      const before = times[i - 1] ?? time - day;
      const after = times[i + 1] ?? time + day;
      const low = Math.floor((before + time) / 2) + 1;
      const high = Math.ceil((time + after) / 2) - 1;
      const drawn = low <= high ? low + this.random(high - low + 1) : time;
      const text = formatSentryDatetime(new Date(drawn + shift + this.daysOffset * day));
      for (const value of byTime.get(time) as string[]) this.#datetimes.set(value, text);
    });
  }

  /** The re-drawn datetime (null and values that are no datetime are kept). */
  datetime(value: unknown): unknown {
    return typeof value === 'string' ? this.#datetimes.get(value) ?? value : value;
  }

  /** The interned replacement for `value` in `kind`, made once by `make` and never reused for another value. */
  #intern(kind: string, value: string, make: () => string): string {
    if (value === '') return value;
    const key = `${kind}\u0000${value}`;
    const known = this.#interned.get(key);
    if (known !== undefined) return known;
    let made = make();
    for (let tries = 0; this.#taken.has(`${kind}\u0000${made}`) && tries < 100; tries++) made = make();
    this.#interned.set(key, made);
    this.#taken.add(`${kind}\u0000${made}`);
    return made;
  }

  #pick(alphabet: string): string {
    return alphabet[this.random(alphabet.length)] as string;
  }

  /**
   * A random string of the same length and character classes, never the value itself (a token's
   * last four characters drew themselves one run in a few thousand), unless it has no character
   * to change.
   */
  string(value: string): string {
    const draw = (): string => [...value].map((ch) => {
      const alphabet = classOf(ch);
      return alphabet === undefined ? ch : this.#pick(alphabet);
    }).join('');
    return this.#intern('string', value, () => {
      let made = draw();
      for (let tries = 0; made === value && tries < 100; tries++) made = draw();
      return made;
    });
  }

  /**
   * Emails and IP addresses inside free text (a search query, an option's value, a JSON config),
   * each replaced as the field of its kind would be, so that a copy of an address kept in some
   * other field survives no more than the address itself.
   */
  embedded(text: string): string {
    if (!EMBEDDED_HINT.test(text)) return text;
    return text
      .replace(EMBEDDED_EMAIL, (email) => this.email(email))
      .replace(EMBEDDED_IPV4, (ip) => this.ip(ip));
  }

  /** Local part and domain apart, so that addresses of one domain still share it. */
  email(value: string): string {
    const at = value.indexOf('@');
    if (at <= 0 || at !== value.lastIndexOf('@') || at === value.length - 1) return this.string(value);
    return this.#intern('email', value, () => `${this.string(value.slice(0, at))}@${this.string(value.slice(at + 1))}`);
  }

  ip(value: string): string {
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) {
      return this.#intern('ip', value, () => [10 + this.random(200), this.random(256), this.random(256), 1 + this.random(254)].join('.'));
    }
    if (value.includes(':')) {
      return this.#intern('ip', value, () => ['fd00', ...Array.from({ length: 7 }, () => this.random(0x10000).toString(16))].join(':'));
    }
    return this.string(value);
  }

  /** Host labels, path pieces, query and fragment apart; the scheme stays, so it is still a URL. */
  url(value: string): string {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.string(value);
    }
    if (url.hostname === '') return this.string(value);
    return this.#intern('url', value, () => {
      const host = url.hostname.split('.').map((label) => this.string(label)).join('.');
      const path = url.pathname.split('/').map((piece) => piece.split('.').map((part) => this.string(part)).join('.')).join('/');
      const query = url.search === '' ? '' : `?${this.string(url.search.slice(1))}`;
      const hash = url.hash === '' ? '' : `#${this.string(url.hash.slice(1))}`;
      return `${url.protocol}//${host}${url.port === '' ? '' : `:${url.port}`}${path}${query}${hash}`;
    });
  }

  uuid(value: string): string {
    return this.#intern('uuid', value, () => {
      const hex = Array.from({ length: 32 }, () => this.#pick('0123456789abcdef')).join('');
      const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${this.#pick('89ab')}${hex.slice(17, 20)}-${hex.slice(20)}`;
      return value.includes('-') ? uuid : uuid.replaceAll('-', '');
    });
  }

  /** A title-cased two-word pet name, about as long as the old name (and never longer than `max`). */
  name(value: string, max = 128): string {
    return this.#intern('name', value, () => {
      const adjective = ADJECTIVES[this.random(ADJECTIVES.length)] as string;
      const noun = NOUNS[this.random(NOUNS.length)] as string;
      const suffix = this.random(1000);
      const title = (word: string) => word[0]?.toUpperCase() + word.slice(1);
      return `${title(adjective)} ${title(noun)} ${suffix}`.slice(0, Math.max(max, 1));
    });
  }

  /** The slug of a (sanitized) name, as Django's slugify makes it. */
  static slugify(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9\s-]/g, '').trim().replace(/[\s-]+/g, '-');
  }

  /** JSON values (dicts and lists) as one interned replacement of their text. */
  json(value: unknown, make: () => unknown): unknown {
    const text = JSON.stringify(value);
    const replaced = this.#intern('json', text, () => JSON.stringify(make()));
    return JSON.parse(replaced) as unknown;
  }
}
