/**
 * Secrets never reach the terminal, a log or a report: connection-string keys, SAS tokens and
 * passwords are replaced before anything derived from user input is printed.
 */
const SECRET_KEYS = [
  'AccountKey',
  'SharedAccessSignature',
  'Password',
  'Pwd',
  'SharedAccessKey',
  'ClientSecret',
];

const KEY_VALUE = new RegExp(`\\b(${SECRET_KEYS.join('|')})\\s*=\\s*("[^"]*"|'[^']*'|[^;\\s]*)`, 'gi');
// SAS query parameters: the signature is the secret, but the whole token is useless without it.
const SAS_SIG = /([?&]sig=)[^&\s;'"]*/gi;
// `scheme://user:password@host`
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s/]+@/gi;

export const REDACTED = '***';

export function redactSecrets(text: string): string {
  return text
    .replace(KEY_VALUE, (_m, key: string) => `${key}=${REDACTED}`)
    .replace(SAS_SIG, (_m, p: string) => `${p}${REDACTED}`)
    .replace(URL_PASSWORD, (_m, p: string) => `${p}${REDACTED}@`);
}
