/**
 * The Functions app entry ("main" in package.json → dist/functions/index.js): registering is a
 * side effect of importing this module (Functions v4 model). Start-up validation of the timer
 * settings (schedules, the App Insights connection string) throws coded errors here, which the
 * host reports as a failed start.
 */
import { registerOrchestrations } from '../orchestrators/register';
import { registerHttp } from './http/register';
import { registerTimers } from './timers/register';
import { checkStartupSettings } from './startup-settings';

checkStartupSettings(process.env);
registerOrchestrations();
registerHttp();
registerTimers(process.env);
