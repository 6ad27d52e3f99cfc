package io.tokenbench.mock.images;

import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Images returned as {@code url}, kept in memory and served at {@code GET
 * /v1/files/images/{id}.png} without authentication (like the pre-signed URLs of the real API).
 * Bounded: the {@value #MAX_IMAGES} most recent images are kept, older URLs answer 404.
 * Thread-safe.
 */
public final class ImageStore extends MountedRouteGroup {

    public static final String PREFIX = "/v1/files/images";
    public static final int MAX_IMAGES = 64;
    private final Map<String, byte[]> images =
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > MAX_IMAGES;
                }
            };

    /** Keeps {@code png} under {@code id}; returns the path it is served at. */
    public synchronized String put(String id, byte[] png) {
        images.put(id, png);
        return PREFIX + "/" + id + ".png";
    }

    private synchronized byte[] get(String id) {
        return images.get(id);
    }

    public ImageStore() {
        super(PREFIX, Access.PUBLIC);
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        if (!request.method().equals("GET")) {
            return RouteResponse.methodNotAllowed(request, "GET");
        }
        String name =
                request.path().substring(Math.min(request.path().length(), PREFIX.length() + 1));
        byte[] png = name.endsWith(".png") ? get(name.substring(0, name.length() - 4)) : null;
        if (png == null) {
            return RouteResponse.error(
                    new ApiError(
                            404,
                            "No such image (image URLs expire after "
                                    + MAX_IMAGES
                                    + " newer images).",
                            ApiError.INVALID_REQUEST,
                            null,
                            "not_found",
                            Map.of()));
        }
        return new RouteResponse(200, "image/png", Map.of(), png);
    }
}
