package io.tokenbench.mock.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /admin/config} shows the behaviour and fault settings; {@code PUT /admin/config}
 * changes any subset of them for requests that start afterwards:
 *
 * <pre>
 * {"ttft": "normal(200ms,20ms)", "itl": "uniform(20ms,40ms)", "output_tokens": "64",
 *  "tokens_per_chunk": 1, "slowdown": {"threshold_requests": 64, "per_request_factor": 0.01},
 *  "faults": [{"fault": "http_429:500ms", "probability": 0.05}],
 *  "media": {"image_latency": "uniform(1s,3s)", "transcription_rtf": "20", "speech_ttfa": "200ms"}}
 * </pre>
 *
 * {@code faults} replaces the whole list; {@code media} changes the fields it names ({@link
 * MediaBehavior.Field}). A bad field gets a 400 naming it and changes nothing.
 */
public final class ConfigRoutes extends MountedRouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS =
            Set.of(
                    "ttft",
                    "itl",
                    "output_tokens",
                    "tokens_per_chunk",
                    "slowdown",
                    "faults",
                    "media");
    private final RuntimeSettings settings;

    public ConfigRoutes(RuntimeSettings settings) {
        super("/admin/config", Access.ADMIN_TOKEN);
        this.settings = settings;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        if (!request.path().equals(pathPrefix())) {
            return RouteResponse.error(ApiError.invalidUrl(request.method(), request.path()));
        }
        return switch (request.method()) {
            case "GET" -> RouteResponse.json(200, render(settings.current()));
            case "PUT" -> update(request);
            default -> RouteResponse.methodNotAllowed(request, "GET, PUT");
        };
    }

    private RouteResponse update(RouteRequest request) {
        JsonNode patch;
        try {
            patch = JSON.readTree(request.body());
        } catch (IOException e) {
            return RouteResponse.error(ApiError.unparsableJson());
        }
        if (patch == null || !patch.isObject()) {
            return RouteResponse.error(ApiError.invalidType("body", "an object", "something else"));
        }
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                return RouteResponse.error(
                        ApiError.badRequest(
                                "Unknown field '" + field + "' (known: " + FIELDS + ")",
                                field,
                                "unknown_parameter"));
            }
        }
        String field = "";
        try {
            RuntimeSettings.Snapshot current = settings.current();
            Behavior behavior = current.behavior();
            field = "ttft";
            if (patch.has(field)) {
                behavior = behavior.withTtft(DistParser.durations(text(patch, field)));
            }
            field = "itl";
            if (patch.has(field)) {
                behavior = behavior.withItl(DistParser.durations(text(patch, field)));
            }
            field = "output_tokens";
            if (patch.has(field)) {
                behavior = behavior.withOutputTokens(DistParser.counts(patch.get(field).asText()));
            }
            field = "tokens_per_chunk";
            if (patch.has(field)) {
                behavior = behavior.withTokensPerChunk(integer(patch, field));
            }
            field = "slowdown";
            if (patch.has(field)) {
                JsonNode slowdown = patch.get(field);
                behavior =
                        behavior.withSlowdown(
                                new LoadSlowdown(
                                        integer(slowdown, "threshold_requests"),
                                        slowdown.path("per_request_factor").asDouble(Double.NaN)));
            }
            field = "media";
            if (patch.has(field)) {
                JsonNode media = patch.get(field);
                if (!media.isObject()) {
                    throw new IllegalArgumentException("'media' must be an object");
                }
                MediaBehavior changed = behavior.media();
                for (Iterator<String> it = media.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    field = "media." + name;
                    MediaBehavior.Field known =
                            MediaBehavior.Field.byJsonName(name)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "unknown media field (known: "
                                                                    + mediaFieldNames()
                                                                    + ")"));
                    changed = changed.with(known, known.parse(text(media, name)));
                }
                behavior = behavior.withMedia(changed);
            }
            FaultSettings faults = current.faults();
            field = "faults";
            if (patch.has(field)) {
                faults = faults(patch.get(field));
            }
            settings.replace(new RuntimeSettings.Snapshot(behavior, faults));
            return RouteResponse.json(200, render(settings.current()));
        } catch (IllegalArgumentException e) {
            return RouteResponse.error(ApiError.invalidValue(field, e.getMessage()));
        }
    }

    private static FaultSettings faults(JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(
                    "expected an array of {\"fault\": \"name[:param]\", \"probability\": p}");
        }
        List<FaultSettings.Weighted> weighted = new ArrayList<>();
        for (JsonNode entry : list) {
            weighted.add(
                    new FaultSettings.Weighted(
                            FaultSpec.parse(text(entry, "fault")),
                            entry.path("probability").asDouble(Double.NaN)));
        }
        return new FaultSettings(weighted);
    }

    private static String mediaFieldNames() {
        StringBuilder names = new StringBuilder();
        for (MediaBehavior.Field f : MediaBehavior.Field.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(f.jsonName());
        }
        return names.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be an integer");
        }
        return value.intValue();
    }

    static byte[] render(RuntimeSettings.Snapshot snapshot) {
        Behavior behavior = snapshot.behavior();
        ObjectNode root = JSON.createObjectNode();
        root.put("ttft", behavior.ttft().spec());
        root.put("itl", behavior.itl().spec());
        root.put("output_tokens", behavior.outputTokens().spec());
        root.put("tokens_per_chunk", behavior.tokensPerChunk());
        ObjectNode slowdown = root.putObject("slowdown");
        slowdown.put("threshold_requests", behavior.slowdown().thresholdRequests());
        slowdown.put("per_request_factor", behavior.slowdown().perRequestFactor());
        ObjectNode media = root.putObject("media");
        for (MediaBehavior.Field f : MediaBehavior.Field.values()) {
            media.put(f.jsonName(), behavior.media().get(f).spec());
        }
        ArrayNode faults = root.putArray("faults");
        for (FaultSettings.Weighted w : snapshot.faults().weighted()) {
            faults.addObject().put("fault", w.spec().text()).put("probability", w.probability());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render config", e);
        }
    }
}
