package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.keys.KeySpec;
import io.tokenbench.mock.keys.KeyState;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.KeyJson;
import io.tokenbench.mock.platform.PlatformState;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/keys} and {@code /admin/keys/{id}}: create (the only response with the full key),
 * list, get, patch, delete.
 */
final class KeysAdmin {

    private static final Set<String> CREATE_FIELDS =
            Set.of("name", "limit_credits", "reset", "expiration");
    private static final Set<String> PATCH_FIELDS = Set.of("status", "limit_credits");

    private final PlatformState platform;

    KeysAdmin(PlatformState platform) {
        this.platform = platform;
    }

    AdminResponse create(byte[] body) throws BadRequestException {
        RequestBody b = RequestBody.parse(body, CREATE_FIELDS);
        String name = b.requiredText("name");
        Long limit = b.creditsOrNull("limit_credits");
        ResetType reset;
        Expiration expiration;
        try {
            reset = ResetType.parse(b.textOr("reset", "none"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("reset", e.getMessage());
        }
        try {
            expiration = Expiration.parse(b.textOr("expiration", "none"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("expiration", e.getMessage());
        }
        KeySpec spec;
        try {
            spec = new KeySpec(name, limit, reset, expiration);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("name", e.getMessage());
        }
        EnforcementProfile p = platform.profile();
        Instant now = platform.clock().instant();
        CreatedKey created = platform.keys().create(spec, now, p.calendar());
        ApiKey key = created.key();
        return AdminResponse.json(201, KeyJson.render(key, key.state(), now, p, created.secret()));
    }

    AdminResponse list() {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        for (ApiKey key : platform.keys().list()) {
            data.add(view(key));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("object", "list");
        body.set("data", data);
        return AdminResponse.json(200, body);
    }

    AdminResponse get(long id) {
        return find(id).map(key -> AdminResponse.json(200, view(key)))
                .orElseGet(() -> notFound(id));
    }

    /** Validates the whole body first, then applies it: a bad body changes nothing. */
    AdminResponse patch(long id, byte[] body) throws BadRequestException {
        RequestBody b = RequestBody.parse(body, PATCH_FIELDS);
        if (!b.has("status") && !b.has("limit_credits")) {
            throw new BadRequestException(
                    null, "nothing to change; send status and/or limit_credits");
        }
        Boolean enable = null;
        if (b.has("status")) {
            String status = b.requiredText("status");
            enable =
                    switch (status) {
                        case "enabled" -> Boolean.TRUE;
                        case "disabled" -> Boolean.FALSE;
                        default ->
                                throw new BadRequestException(
                                        "status", "status must be enabled or disabled: " + status);
                    };
        }
        boolean changeLimit = b.has("limit_credits");
        Long limit = b.creditsOrNull("limit_credits");
        Optional<ApiKey> found = find(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        Boolean enableFinal = enable;
        found.get()
                .update(
                        s -> {
                            KeyState next = enableFinal == null ? s : s.withEnabled(enableFinal);
                            return changeLimit ? next.withLimit(limit) : next;
                        });
        return AdminResponse.json(200, view(found.get()));
    }

    AdminResponse delete(long id) {
        if (!platform.keys().delete(id)) {
            return notFound(id);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", id);
        body.put("deleted", true);
        return AdminResponse.json(200, body);
    }

    private Optional<ApiKey> find(long id) {
        return platform.keys().findById(id);
    }

    /** The masked view, after applying any due reset so the clock's effect shows at once. */
    private ObjectNode view(ApiKey key) {
        EnforcementProfile p = platform.profile();
        Instant now = platform.clock().instant();
        KeyState s = platform.readView(key);
        return KeyJson.render(key, s, now, p, key.maskedKey());
    }

    private static AdminResponse notFound(long id) {
        return AdminResponse.error(404, "no key with id " + id, "id");
    }
}
