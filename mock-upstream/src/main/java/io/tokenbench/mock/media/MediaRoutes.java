package io.tokenbench.mock.media;

import io.tokenbench.mock.admin.RouteGroup;
import io.tokenbench.mock.audio.AudioRoutes;
import io.tokenbench.mock.embeddings.EmbeddingsRoutes;
import io.tokenbench.mock.images.ImageStore;
import io.tokenbench.mock.images.ImagesRoutes;
import java.util.List;

/** The media route groups the server registers by default, in front of any configured ones. */
public final class MediaRoutes {

    private MediaRoutes() {
    }

    public static List<RouteGroup> all(MediaContext context) {
        ImageStore images = new ImageStore();
        return List.of(new EmbeddingsRoutes(context), new ImagesRoutes(context, images), images,
                new AudioRoutes(context));
    }
}
