/**
 * Key-limit enforcement results ({@code enforcement.json}, schema_version 1, written by {@code
 * ./tokenbench keys verify}) read generically and shown as a section of {@code report.html}. The
 * reports module knows the schema's envelope (checks with a name, a verdict, a summary and
 * free-form evidence), not how the checks were made.
 */
package io.tokenbench.reports.enforcement;
