export { ConsoleException, type ConsoleErrorCode } from './lib/console.exception';
export { CONSOLE_ROLES, canPerform, isConsoleRole, type ConsoleAction, type ConsoleRole } from './lib/console-role';
export { DEFAULT_LOCKOUT_POLICY, afterFailedSignIn, afterSuccessfulSignIn, isLocked, type LockoutPolicy, type SignInFailureState } from './lib/sign-in-lockout';
export { MIN_PASSWORD_LENGTH, UNKNOWN_USER_HASH, hashPassword, passwordProblem, verifyPassword } from './lib/password-hash';
export { countdownTo, type Countdown } from './lib/deadline-countdown';
export { escapeXml, groupedBarChartSvg, horizontalBarChartSvg, niceMaximum, progressBarSvg, type ChartSeries, type GroupedBarChart, type HorizontalBarChart } from './lib/svg-chart';
export { billTimeline, type BillFacts, type TimelineEntry, type TimelineKind, type WebhookFacts } from './lib/bill-timeline';
export { chooseConsoleLocale, consoleMessages, fillMessage, type ConsoleLocale, type ConsoleMessageKey, type ConsoleMessages } from './lib/console-messages';
