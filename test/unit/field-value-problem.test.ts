/**
 * The per-field value rules (core/values/field-value-problem.ts): Django's integer ranges per field
 * class at their edges, text PostgreSQL cannot store, IP addresses (checked against Python's
 * ipaddress where /usr/bin/python3 is installed), datetime offsets, nullability and lists.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyFloat } from '../../src/core/json/python-json.js';
import type { FieldClass } from '../../src/core/registry/field-classes.js';
import { REGISTRY } from '../helpers/registry.js';
import type { Field } from '../../src/core/registry/types.js';
import { fieldValueProblem, textProblem } from '../../src/core/values/field-value-problem.js';
import { ipAddressProblem } from '../../src/core/values/ip-address.js';

const field = (cls: FieldClass, extra: Partial<Field> = {}): Field => ({ name: 'x', column: 'x', class: cls, nullable: false, ...extra });
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

describe('integers: Django\'s range per field class', () => {
  const ranges: [FieldClass[], number, number][] = [
    [['SmallIntegerField'], -32768, 32767],
    [['PositiveSmallIntegerField'], 0, 32767],
    [['IntegerField', 'AutoField', 'BoundedIntegerField', 'BoundedAutoField'], -(2 ** 31), 2 ** 31 - 1],
    [['PositiveIntegerField', 'BoundedPositiveIntegerField'], 0, 2 ** 31 - 1],
    [['BigIntegerField', 'BigAutoField', 'BoundedBigIntegerField', 'BoundedBigAutoField', 'FlexibleForeignKey', 'HybridCloudForeignKey', 'BitField'], -MAX_SAFE, MAX_SAFE],
    [['PositiveBigIntegerField', 'BoundedPositiveBigIntegerField'], 0, MAX_SAFE],
  ];
  it.each(ranges)('%s: %i to %i, and nothing past either end', (classes, min, max) => {
    for (const cls of classes) {
      expect(fieldValueProblem(field(cls), min), cls).toBeUndefined();
      expect(fieldValueProblem(field(cls), max), cls).toBeUndefined();
      expect(fieldValueProblem(field(cls), min - 1), cls).toContain(`expected an integer from ${min} to ${max}`);
      expect(fieldValueProblem(field(cls), max + 1), cls).toContain(`got ${max + 1}`);
    }
  });

  it('the campaign\'s cases: avatar_type 40000 and -1, status 2^31', () => {
    const user = REGISTRY.get('sentry.user').fields.find((f) => f.name === 'avatar_type') as Field;
    expect(fieldValueProblem(user, 40000)).toBe('expected an integer from 0 to 32767, got 40000');
    expect(fieldValueProblem(user, -1)).toBe('expected an integer from 0 to 32767, got -1');
    const status = REGISTRY.get('sentry.organization').fields.find((f) => f.name === 'status') as Field;
    expect(fieldValueProblem(status, 2 ** 31)).toBe('expected an integer from 0 to 2147483647, got 2147483648');
  });

  it('bit fields may be decimal text; floats and text are not integers', () => {
    expect(fieldValueProblem(field('BitField'), '12')).toBeUndefined();
    expect(fieldValueProblem(field('BitField'), '99999999999999999')).toContain('got "99999999999999999"');
    expect(fieldValueProblem(field('IntegerField'), 1.5)).toContain('got 1.5');
    expect(fieldValueProblem(field('IntegerField'), '1')).toContain('got "1"');
  });
});

describe('text', () => {
  it('refuses NUL and lone surrogates, saying where; takes surrogate pairs and everything else', () => {
    expect(textProblem('ok \u{1F642} é')).toBeUndefined();
    expect(textProblem('a\u0000b')).toBe('expected text without NUL (U+0000), which PostgreSQL cannot store; found one at character 2');
    expect(textProblem('ab\ud800')).toBe('expected valid Unicode text; found a lone UTF-16 surrogate \\ud800 at character 3, which has no UTF-8 form');
    expect(textProblem('\udc00x')).toContain('\\udc00 at character 1');
    expect(textProblem('\ud83d\ude42\udc00')).toContain('at character 3');
  });

  it('applies to every string class and to the strings of an ArrayField, not to JSON values', () => {
    for (const cls of ['CharField', 'TextField', 'SlugField', 'EmailField', 'URLField', 'UUIDField', 'DecimalField', 'DateField'] as const) {
      expect(fieldValueProblem(field(cls), 'a\u0000'), cls).toContain('NUL');
    }
    expect(fieldValueProblem(field('DateTimeField'), '2024-01-01T00:00:00.000Z\u0000')).toContain('NUL');
    expect(fieldValueProblem(field('ArrayField'), ['a', 'b\u0000'])).toBe('item 2: expected text without NUL (U+0000), which PostgreSQL cannot store; found one at character 2');
    expect(fieldValueProblem(field('ArrayField'), "['a', 'b\\ud800']")).toContain('item 2: expected valid Unicode text');
    expect(fieldValueProblem(field('ArrayField'), 'not a list')).toContain('expected a list');
    for (const cls of ['JSONField', 'PickledObjectField', 'GzippedDictField'] as const) {
      expect(fieldValueProblem(field(cls), { a: ['\u0000', '\ud800'] }), cls).toBeUndefined();
    }
  });
});

const VALID_IPS = ['127.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', '1::', '2001:db8::8a2e:370:7334', '2001:DB8:0:0:8:800:200C:417A',
  'fe80::1', '::ffff:192.0.2.128', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '64:ff9b::192.0.2.33', '1:2:3:4:5:6:1.2.3.4'];
const INVALID_IPS = ['', 'localhost', '300.1.2.3', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4/32', '1:2:3:4:5:6:7:8:9',
  '1::2::3', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '12345::', 'g::1', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', 'fe80::1%eth0', '1.2.3.4::'];

describe('GenericIPAddressField', () => {
  it('takes IPv4 and IPv6 addresses and refuses anything else', () => {
    for (const ip of VALID_IPS) expect(ipAddressProblem(ip), ip).toBeUndefined();
    for (const ip of INVALID_IPS) expect(ipAddressProblem(ip), ip).toBeDefined();
    expect(ipAddressProblem('fe80::1%eth0')).toBe('expected an IP address without a zone index, got "fe80::1%eth0"');
    const userIp = REGISTRY.get('sentry.userip').fields.find((f) => f.name === 'ip_address') as Field;
    expect(fieldValueProblem(userIp, '300.1.2.3')).toBe('expected an IPv4 or IPv6 address, got "300.1.2.3"');
  });

  const python = spawnSync('/usr/bin/python3', ['--version']).status === 0 ? '/usr/bin/python3' : undefined;
  it.skipIf(python === undefined)('agrees with Python\'s ipaddress (zone indexes aside: PostgreSQL\'s inet has none)', () => {
    const script = 'import ipaddress,json,sys\nout=[]\nfor a in json.load(sys.stdin):\n  try:\n    ipaddress.ip_address(a); out.append(True)\n  except ValueError:\n    out.append(False)\nprint(json.dumps(out))';
    const all = [...VALID_IPS, ...INVALID_IPS].filter((ip) => !ip.includes('%'));
    const verdicts = JSON.parse(spawnSync(python as string, ['-c', script], { input: JSON.stringify(all), encoding: 'utf8' }).stdout) as boolean[];
    expect(all.map((ip) => ipAddressProblem(ip) === undefined)).toEqual(verdicts);
  });
});

describe('datetimes, nulls and the other classes', () => {
  it('refuses a UTC offset of a day or more, which Django refuses too', () => {
    const cls = field('DateTimeField');
    expect(fieldValueProblem(cls, '2024-07-01T10:00:00+23:59')).toBeUndefined();
    expect(fieldValueProblem(cls, '2024-07-01T10:00:00-2359')).toBeUndefined();
    expect(fieldValueProblem(cls, '2024-07-01T10:00:00+24:00')).toBe('Expected a UTC offset of less than 24 hours, got "2024-07-01T10:00:00+24:00"');
    expect(fieldValueProblem(cls, '2024-07-01T10:00:00-99:00')).toContain('less than 24 hours');
    expect(fieldValueProblem(cls, '2024-13-01T10:00:00Z')).toContain('real date');
  });

  it('null only where the field is nullable', () => {
    expect(fieldValueProblem(field('SentryOrgSlugField'), null)).toBe('expected a value: this field cannot be null');
    expect(fieldValueProblem(field('CharField', { nullable: true }), null)).toBeUndefined();
  });

  it('booleans and floats by type', () => {
    expect(fieldValueProblem(field('BooleanField'), true)).toBeUndefined();
    expect(fieldValueProblem(field('BooleanField'), 1)).toBe('expected true or false, got 1');
    expect(fieldValueProblem(field('FloatField'), new PyFloat(1))).toBeUndefined();
    expect(fieldValueProblem(field('FloatField'), '1')).toBe('expected a number, got "1"');
  });
});
