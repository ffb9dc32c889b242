// The phone-sized Chromium every browser suite uses lives in @kessai/shared-testing.
export { launchPhoneBrowser, TEST_ARTIFACTS } from '@kessai/shared-testing';
