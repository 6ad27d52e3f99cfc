/**
 * The admin and usage API of the emulated platform, one route group per resource on the mock's one
 * router ({@link io.tokenbench.mock.platformadmin.PlatformRoutes#all}): {@code /admin/keys}, {@code
 * /admin/clock}, {@code /admin/logs}, {@code /admin/usage}, {@code /admin/enforcement} behind the
 * admin token, {@code /api/usage/token} public. Bad input is a 400 with an OpenAI-style error body
 * and changes nothing; unknown paths below a group 404; wrong methods 405. {@link
 * io.tokenbench.mock.platformadmin.EnforcementOptions} parses {@code PUT /admin/enforcement} (the
 * command line's options of the same names are in {@code io.tokenbench.mock.cli}).
 */
package io.tokenbench.mock.platformadmin;
