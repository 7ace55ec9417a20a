/**
 * Import rules of organizations, projects and the credentials they hold (§3.5 of the research):
 * slug suffixes, tokens and keys re-minted when they collide, project pks kept in Global so DSNs
 * stay valid, subscriptions and monitors given fresh identities.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ALNUM, HEX, regenerateColliding, uniqueVariant, uuid4 } from './import-rules.js';
import type { ImportRuleContext, ImportRules } from './import-rules.js';

const encoder = new TextEncoder();
const sha256Hex = (text: string): string => bytesToHex(sha256(encoder.encode(text)));

/** Sentry's ApiToken lifetime for a re-minted token that had an expiry. */
const DEFAULT_EXPIRATION_MS = 30 * 24 * 3600 * 1000;

export const organizationImport: ImportRules = {
  announces: { slug: 'Renamed' },
  write(row, context) {
    // A new organization's slug is lower case, dashes for underscores, unique (case-insensitively).
    const slug = String(row.fields.slug).toLowerCase().replaceAll('_', '-').replace(/^-+|-+$/g, '');
    const free = uniqueVariant(slug, 50, (candidate) =>
      context.find('sentry.organization', { slug: candidate }, { nocase: ['slug'] }) !== undefined, context);
    if (free !== row.fields.slug) context.renamed('slug', String(row.fields.slug), free);
    row.fields.slug = free;
    return { pk: context.insert(row), kind: 'Inserted' };
  },
};

export const organizationMemberImport: ImportRules = {
  announces: { token: 'Reminted' },
  // An inviter outside the import (a superuser not in the org) is forgotten, not fatal.
  nullWhenUnmapped: ['inviter_id'],
  normalize(row, context) {
    const token = row.fields.token;
    if (typeof token === 'string' && context.find('sentry.organizationmember', { token }) !== undefined) {
      row.fields.token = null;
      row.fields.token_expires_at = null;
    }
    return undefined;
  },
};

/** The text of an org auth token as Sentry mints it: `sntrys_<base64 payload>_<secret>`. */
function mintOrgAuthToken(orgSlug: string, url: string, context: ImportRuleContext): string {
  const payload = JSON.stringify({ iat: Date.now() / 1000, url, region_url: url, org: orgSlug });
  const encoded = btoa(String.fromCharCode(...encoder.encode(payload)));
  const secret = context.random(43, ALNUM);
  return `sntrys_${encoded}_${secret}`;
}

/** Where the instance says it lives (`system.url-prefix`), else Sentry's self-hosted default. */
function systemUrl(context: ImportRuleContext): string {
  return context.option('system.url-prefix') ?? 'http://localhost:9000';
}

export const orgAuthTokenImport: ImportRules = {
  announces: { token_hashed: 'Reminted' },
  deferred: true,
  normalize(row, context) {
    const hashed = row.fields.token_hashed;
    if (typeof hashed === 'string' && hashed !== '' && context.find('sentry.orgauthtoken', { token_hashed: hashed }) === undefined) {
      return undefined;
    }
    const slug = context.mapped('sentry.organization', row.original.organization_id as number)?.slug;
    if (slug === undefined) return 'its token collides and its organization\'s slug is unknown, so it cannot be re-minted';
    const token = mintOrgAuthToken(slug, systemUrl(context), context);
    row.fields.token_hashed = sha256Hex(token);
    row.fields.token_last_characters = token.slice(-4);
    context.renamed('token_hashed', String(hashed), row.fields.token_hashed);
    return undefined;
  },
};

export const apiTokenImport: ImportRules = {
  announces: { token: 'Reminted', refresh_token: 'Reminted' },
  write(row, context) {
    const { fields } = row;
    const taken = (field: string): boolean => {
      const value = fields[field];
      return typeof value === 'string' && context.find('sentry.apitoken', { [field]: value }) !== undefined;
    };
    if (taken('token') || taken('hashed_token') || taken('refresh_token') || taken('hashed_refresh_token')) {
      // A fresh pair of the same type; nulls stay null, an expiry moves to a full lifetime from now.
      const prefix = typeof fields.token_type === 'string' ? fields.token_type : '';
      const mint = (): string => prefix + context.random(64, HEX);
      context.renamed('token', String(fields.token), (fields.token = mint()));
      if (fields.hashed_token !== null) fields.hashed_token = sha256Hex(fields.token);
      if (fields.token_last_characters !== null) fields.token_last_characters = fields.token.slice(-4);
      if (fields.refresh_token !== null) {
        fields.refresh_token = mint();
        if (fields.hashed_refresh_token !== null) fields.hashed_refresh_token = sha256Hex(fields.refresh_token);
      }
      if (fields.expires_at !== null) fields.expires_at = new Date(Date.parse(context.now()) + DEFAULT_EXPIRATION_MS).toISOString();
    }
    return { pk: context.insert(row), kind: 'Inserted' };
  },
};

// In Global the pk is kept, so that DSNs (which embed it) stay valid.
export const projectImport: ImportRules = { keepPkIn: ['Global'] };

export const projectKeyImport: ImportRules = {
  announces: { public_key: 'Reminted', secret_key: 'Reminted' },
  normalize(row, context) {
    regenerateColliding(row, context, ['public_key', 'secret_key'], () => context.random(32, HEX));
    return undefined;
  },
};

export const projectOptionImport: ImportRules = {
  // One value per (project, key): a repeat writes over it.
  write(row, context) {
    const existing = context.find('sentry.projectoption', { project: row.fields.project as number, key: row.fields.key as string });
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' };
    context.update(row, existing);
    return { pk: existing, kind: 'Inserted' };
  },
};

export const querySubscriptionImport: ImportRules = {
  announces: { subscription_id: 'Reminted' },
  // Sentry re-creates the subscription in Snuba, which gives it a new id.
  normalize(row, context) {
    if (row.fields.subscription_id !== null) row.fields.subscription_id = `0/${context.random(32, HEX)}`;
    return undefined;
  },
};

export const monitorImport: ImportRules = renewedUuid('guid');

/** A field holding a UUID that must be unique per instance: an import gives it a new one (when it has one). */
export function renewedUuid(field: string): ImportRules {
  return {
    announces: { [field]: 'Reminted' },
    normalize(row, context) {
      if (row.fields[field] !== null) row.fields[field] = uuid4(context);
      return undefined;
    },
  };
}

export const savedSearchImport: ImportRules = {
  normalize: (row, context) =>
    row.fields.is_global === 1 && context.scope !== 'Global' ? 'global saved searches are imported only in Global scope' : undefined,
};

/**
 * An invite whose token another invite already holds takes that invite's row: the row is written
 * over with the imported values and a fresh token, and the import maps to it as Existing (Sentry
 * moves no expiry here: its rule sets an attribute the model does not have).
 */
export const organizationMemberInviteImport: ImportRules = {
  announces: { token: 'Reminted' },
  write(row, context) {
    const token = row.fields.token;
    const existing = typeof token === 'string' ? context.find('sentry.organizationmemberinvite', { token }) : undefined;
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' };
    const fresh = context.random(64, HEX);
    context.renamed('token', String(token), fresh);
    row.fields.token = fresh;
    context.update(row, existing);
    return { pk: existing, kind: 'Existing' };
  },
};

/**
 * A repository's settings are one row per repository: an imported row for a repository that has
 * settings already is written over them (Overwrite), else inserted.
 */
export const repositorySettingsImport: ImportRules = {
  write(row, context) {
    const existing = context.find('sentry.repositorysettings', { repository: row.fields.repository as number });
    if (existing === undefined) return { pk: context.insert(row), kind: 'Inserted' };
    context.update(row, existing);
    return { pk: existing, kind: 'Overwrite' };
  },
};
