/**
 * Secret scrubbing for everything the telemetry module sends. Connection strings, ODBC strings,
 * SAS URLs and error messages that echo them are the usual way a password reaches a log, so the
 * module scrubs values by pattern and drops values of properties whose *name* says secret.
 * The marker stays in place so that a reader sees that something was removed (nothing silently).
 */
import type { TelemetryProps } from './telemetry/telemetry';

export const REDACTED = '[REDACTED]';

/** Longest property value sent; App Insights truncates at 8192 itself, silently. */
export const MAX_PROPERTY_CHARS = 8192;

/** Words that, as part of a property name, make its whole value secret. */
const SECRET_NAME_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'accountkey',
  'sharedaccesskey',
  'sig',
  'sas',
  'apikey',
  'authorization',
  'credential',
  'credentials',
  'clientsecret',
]);

/** Keys inside `k=v;` strings (ADO.NET, ODBC, storage, SAS query) whose value is a secret. */
const SECRET_KEYS =
  'password|pwd|passwd|accountkey|sharedaccesskey|clientsecret|client_secret|sig|token|access_token|apikey|api_key|secret';

// `Password=x;` `PWD={a;b}` `Password="a;b"` `?sv=..&sig=abc&` — the value ends at ; & or white space
// unless it is braced or quoted (ODBC and ADO.NET quoting).
const KV_SECRET = new RegExp(
  `(^|[;?&\\s])((?:${SECRET_KEYS})\\s*=\\s*)(\\{[^}]*\\}|"[^"]*"|'[^']*'|[^;&\\s]*)`,
  'gi',
);
// SharedAccessSignature=sv=...&sig=...; (storage connection strings): the value runs to `;`.
const SAS_CONNECTION = /(SharedAccessSignature\s*=\s*)([^;]*)/gi;
// JSON or JS-ish `"password": "x"`, `password: 'x'`.
const JSON_SECRET = new RegExp(`(["']?(?:${SECRET_KEYS})["']?\\s*:\\s*)("[^"]*"|'[^']*'|[^,}\\s]+)`, 'gi');
// scheme://user:password@host
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+):([^@\s/]+)@/gi;
const BEARER = /(\bBearer\s+)[A-Za-z0-9._~+/=-]+/g;

/** The text with secret values replaced by [REDACTED]; other text is kept as it was. */
export function redactSecrets(text: string): string {
  return text
    .replace(SAS_CONNECTION, (_m, k: string) => `${k}${REDACTED}`)
    .replace(KV_SECRET, (_m, lead: string, k: string) => `${lead}${k}${REDACTED}`)
    .replace(JSON_SECRET, (_m, k: string) => `${k}${REDACTED}`)
    .replace(URL_USERINFO, (_m, head: string) => `${head}:${REDACTED}@`)
    .replace(BEARER, (_m, k: string) => `${k}${REDACTED}`);
}

/** True when a property name (camelCase, snake_case, kebab-case or dotted) names a secret. */
export function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.some((w) => SECRET_NAME_WORDS.has(w))) return true;
  // `clientSecret`, `accountKey`, `apiKey` split into two words; join neighbours to catch them.
  return words.some((w, i) => SECRET_NAME_WORDS.has(w + (words[i + 1] ?? '')));
}

/** Truncates with a visible marker that says how much was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = `…[truncated ${text.length - max} chars]`;
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}

/**
 * Props ready to send: secret-named values replaced, other values scrubbed and truncated,
 * undefined values left out (they carry nothing).
 */
export function redactProps(props: TelemetryProps | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!props) return out;
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    out[k] = isSecretName(k) ? REDACTED : truncate(redactSecrets(v), MAX_PROPERTY_CHARS);
  }
  return out;
}
