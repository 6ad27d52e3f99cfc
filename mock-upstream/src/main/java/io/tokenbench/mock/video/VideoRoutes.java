package io.tokenbench.mock.video;

import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.routing.RouteGroup;
import java.util.List;

/** The video route groups, sharing one job store. */
public final class VideoRoutes {

    private VideoRoutes() {}

    public static List<RouteGroup> all(MediaContext context) {
        VideoService service = new VideoService(context);
        return List.of(new OpenAiVideoRoutes(service), new KlingVideoRoutes(service));
    }
}
