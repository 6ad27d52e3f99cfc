/**
 * The mock's run-time settings and their route: {@code /admin/config} ({@link
 * io.tokenbench.mock.admin.ConfigRoutes}: GET, PUT) over {@link
 * io.tokenbench.mock.admin.RuntimeSettings} (behaviour, media latency model and fault
 * probabilities, swapped as a whole). The route framework is in {@code io.tokenbench.mock.routing},
 * {@code /admin/stats} in {@code io.tokenbench.mock.stats}, the key platform's admin API in {@code
 * io.tokenbench.mock.platformadmin}.
 */
package io.tokenbench.mock.admin;
