/**
 * Import rules of the user family (§3.5, §3.7 of the research): privilege sanitization and claim
 * state for users, username collisions (merge or suffix), and the user's own rows, which follow
 * their user: dropped under a merged user, re-verified outside Global.
 */
import { ALNUM, dropUnderMergedUser, uniqueVariant } from './import-rules.js';
import type { ImportRuleContext, ImportRules, ImportingRow, StoredValue } from './import-rules.js';

/** Django's form of a password no input matches (`make_password(None)`): the user must claim the account. */
function unusablePassword(context: ImportRuleContext): string {
  return `!${context.random(40, ALNUM)}`;
}

export const userImport: ImportRules = {
  announces: { username: 'Renamed', is_unclaimed: 'Unclaimed', is_staff: 'PrivilegesRemoved', is_superuser: 'PrivilegesRemoved', is_managed: 'PrivilegesRemoved' },
  normalize(row, context) {
    const { fields } = row;
    // Privilege sanitization: only Config and Global imports keep admin flags.
    if (context.scope !== 'Config' && context.scope !== 'Global') {
      fields.is_staff = 0;
      fields.is_superuser = 0;
      fields.is_managed = 0;
    }
    // Outside Global every user must claim its account; in Global, only those already unclaimed.
    if (context.scope !== 'Global' || fields.is_unclaimed === 1) {
      fields.is_unclaimed = 1;
      fields.password = unusablePassword(context);
      fields.is_password_expired = 0;
      fields.last_password_change = context.now();
    }
    return undefined;
  },
  write(row, context) {
    const username = row.fields.username as string;
    const existing = context.find('sentry.user', { username }, { nocase: ['username'] });
    if (existing !== undefined && context.mergeUsers) return { pk: existing, kind: 'Existing' };
    if (existing !== undefined) {
      const free = uniqueVariant(username, 128, (candidate) =>
        context.find('sentry.user', { username: candidate }, { nocase: ['username'] }) !== undefined, context);
      row.fields.username = free;
      context.renamed('username', username, free);
    }
    const pk = context.insert(row);
    addPrimaryEmail(pk, row.fields.email as string, context);
    // The claim link of an unclaimed user (Sentry's LostPasswordHash).
    if (context.scope !== 'Global') {
      context.insertOther('sentry.lostpasswordhash', { user: pk, hash: context.random(32, ALNUM), date_added: context.now() });
    }
    return { pk, kind: 'Inserted' };
  },
};

/**
 * Sentry's signals on a new user: its primary UserEmail, and the Email row of a new address. The
 * file's own rows for them, which come later, then update these instead of duplicating them.
 */
function addPrimaryEmail(user: number, email: string, context: ImportRuleContext): void {
  if (context.find('sentry.useremail', { user, email }) !== undefined) return;
  context.insertOther('sentry.useremail', {
    user, email, validation_hash: context.random(32, ALNUM), date_hash_added: context.now(), is_verified: 0,
  });
  addEmail(email, context);
}

function addEmail(email: string, context: ImportRuleContext): void {
  if (context.find('sentry.email', { email }, { nocase: ['email'] }) !== undefined) return;
  context.insertOther('sentry.email', { email, date_added: context.now() });
}

/** Email rows are shared by address: an existing one is reused (and written over, as Sentry does). */
export const emailImport: ImportRules = {
  write(row, context) {
    const existing = context.find('sentry.email', { email: row.fields.email as string }, { nocase: ['email'] });
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' };
    context.update(row, existing);
    return { pk: existing, kind: 'Existing' };
  },
};

/** Writes over the row with the same values of `keys`, or inserts; Inserted either way (Sentry's get_or_create then save). */
function upsertBy(keys: readonly string[]) {
  return (row: ImportingRow, context: ImportRuleContext) => {
    const where: Record<string, StoredValue> = {};
    for (const key of keys) where[key] = row.fields[key] as StoredValue;
    const existing = context.find(row.model, where);
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' as const };
    context.update(row, existing);
    return { pk: existing, kind: 'Inserted' as const };
  };
}

export const userEmailImport: ImportRules = {
  normalize(row, context) {
    const dropped = dropUnderMergedUser(row, context);
    if (dropped !== undefined) return dropped;
    // Outside Global an address must be verified again.
    if (context.scope !== 'Global') {
      row.fields.is_verified = 0;
      row.fields.validation_hash = context.random(32, ALNUM);
      row.fields.date_hash_added = context.now();
    }
    return undefined;
  },
  write(row, context) {
    const outcome = upsertBy(['user', 'email'])(row, context);
    addEmail(row.fields.email as string, context);
    return outcome;
  },
};

export const userIpImport: ImportRules = {
  normalize(row, context) {
    const dropped = dropUnderMergedUser(row, context);
    if (dropped !== undefined) return dropped;
    // Sentry re-geolocates the address; with no geo database here the location is left unknown.
    row.fields.country_code = null;
    row.fields.region_code = null;
    if (context.scope !== 'Global') {
      const now = context.now();
      row.fields.first_seen = now;
      row.fields.last_seen = now;
    }
    return undefined;
  },
  // One row per (user, address): a repeat is the same row.
  write(row, context) {
    const existing = context.find('sentry.userip', { user: row.fields.user as number, ip_address: row.fields.ip_address as string });
    return existing === undefined ? { pk: context.insert(row), kind: 'Inserted' } : { pk: existing, kind: 'Existing' };
  },
};

export const userOptionImport: ImportRules = {
  normalize: dropUnderMergedUser,
  write(row, context) {
    const { fields } = row;
    // A user-wide option that already exists is kept, not duplicated.
    if (fields.organization_id === null && fields.project_id === null) {
      const existing = context.find('sentry.useroption', { user: fields.user as number, key: fields.key as string, organization_id: null, project_id: null });
      if (existing !== undefined) return { skip: `the user already has the option ${String(fields.key)}` };
    }
    return { pk: context.insert(row), kind: 'Inserted' };
  },
};

export const userPermissionImport: ImportRules = { normalize: dropUnderMergedUser };
