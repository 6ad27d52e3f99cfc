package io.tokenbench.mock.endpoints;

import io.tokenbench.mock.audio.AudioRoutes;
import io.tokenbench.mock.embeddings.EmbeddingsRoutes;
import io.tokenbench.mock.images.ImageStore;
import io.tokenbench.mock.images.ImagesRoutes;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.video.VideoRoutes;
import java.util.ArrayList;
import java.util.List;

/** The media route groups the server registers by default, after the configured ones. */
public final class MediaRoutes {

    private MediaRoutes() {}

    public static List<RouteGroup> all(MediaContext context) {
        ImageStore images = new ImageStore();
        List<RouteGroup> groups =
                new ArrayList<>(
                        List.of(
                                new EmbeddingsRoutes(context),
                                new ImagesRoutes(context, images),
                                images,
                                new AudioRoutes(context)));
        groups.addAll(VideoRoutes.all(context));
        return List.copyOf(groups);
    }
}
