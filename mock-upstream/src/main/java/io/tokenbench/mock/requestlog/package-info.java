/**
 * The request log: one entry per parsed text-generation request (endpoint, model, number of
 * conversation items, header names), readable at {@code GET /admin/requests}, so tests can see a
 * multi-turn history grow and which headers a client sent.
 */
package io.tokenbench.mock.requestlog;
