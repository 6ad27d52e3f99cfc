/**
 * The default set of non-chat route groups ({@link io.tokenbench.mock.endpoints.MediaRoutes}):
 * embeddings, images (and the image files they link to), audio speech and transcriptions, and video
 * jobs. The server registers them for every mock; this package exists so the endpoint packages do
 * not depend on each other.
 */
package io.tokenbench.mock.endpoints;
