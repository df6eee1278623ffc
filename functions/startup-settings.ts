/**
 * Settings checked once when the app starts, so a malformed value fails the start with its code
 * instead of failing (and being retried by) every activity that reads it.
 */
import { checkConnectionString, CONNECTION_STRING_SETTING } from '../shared/telemetry';

export function checkStartupSettings(env: NodeJS.ProcessEnv): void {
  const appInsights = env[CONNECTION_STRING_SETTING]?.trim();
  if (appInsights) checkConnectionString(appInsights); // ASM-TEL-001 naming the setting
}
