/**
 * {@code POST /v1/images/generations}: real PNG bytes of the requested size ({@link
 * io.tokenbench.mock.images.PngEncoder}, a seeded gradient), as {@code b64_json} or as a {@code
 * url} the mock serves itself from a bounded cache ({@link io.tokenbench.mock.images.ImageStore},
 * {@code GET /v1/files/images/{id}.png}); billed per image.
 */
package io.tokenbench.mock.images;
