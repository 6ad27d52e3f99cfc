/**
 * The model catalog: which models exist (chat, embedding, image, speech, transcription, video),
 * their capabilities and Credit prices. Loaded from the JSON resource {@code default-catalog.json}
 * or from {@code --catalog FILE}; it is the mock's {@link io.tokenbench.mock.catalog.PriceList}. No
 * HTTP here.
 */
package io.tokenbench.mock.catalog;
