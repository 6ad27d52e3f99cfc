package io.tokenbench.mock.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.billing.UsageStats;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.KeyState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --state-file}: keys (hashes only), ledgers, the newest log rows, usage stats and the clock
 * offset survive a restart. Written atomically: a temp file in the same directory, fsync, atomic
 * rename, fsync of the directory; a crash at any point leaves either the old or the new complete
 * file. Not persisted: requests in flight (their reservations stay in the ledger) and postings held
 * back by {@code batch_write_ms}; the enforcement profile comes from the command line.
 *
 * <p>Thread-safety: {@link #save} is called from one thread (the sweeper); {@link #load} before
 * serving.
 */
public final class StateFile {

    public static final int FORMAT_VERSION = 1;
    public static final int DEFAULT_LOG_TAIL_ROWS = 10_000;
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path path;
    private final int logTailRows;

    /** What the last save wrote, to skip identical saves; only the saving thread touches it. */
    private long lastFingerprint;

    private boolean savedOnce;

    public StateFile(Path path, int logTailRows) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
        if (logTailRows < 0) {
            throw new IllegalArgumentException("logTailRows must be >= 0: " + logTailRows);
        }
        this.logTailRows = logTailRows;
    }

    public StateFile(Path path) {
        this(path, DEFAULT_LOG_TAIL_ROWS);
    }

    public Path path() {
        return path;
    }

    /** Writes the platform's state atomically. */
    public void save(PlatformState platform) throws IOException {
        long fingerprint = fingerprint(platform);
        writeAtomically(Json.bytes(StateCodec.encode(platform, logTailRows)));
        lastFingerprint = fingerprint;
        savedOnce = true;
    }

    /**
     * Saves only when keys, ledgers, log or clock changed since the last save; returns whether it
     * wrote.
     */
    public boolean saveIfChanged(PlatformState platform) throws IOException {
        if (savedOnce && fingerprint(platform) == lastFingerprint) {
            return false;
        }
        save(platform);
        return true;
    }

    /** A cheap digest of everything the file holds (key states are immutable records). */
    private static long fingerprint(PlatformState platform) {
        long h = platform.log().appendedTotal();
        h = 31 * h + platform.clock().offset().hashCode();
        h = 31 * h + platform.keys().lastId();
        for (ApiKey key : platform.keys().list()) {
            h = 31 * h + key.id();
            h = 31 * h + key.state().hashCode();
        }
        return h;
    }

    /**
     * Restores a saved state into an empty platform. A missing file is a fresh start (returns
     * false); a file that cannot be read or parsed is an {@link IOException} naming the file: the
     * mock must not start and overwrite it.
     */
    public boolean load(PlatformState platform) throws IOException {
        deleteLeftoverTemps();
        if (!Files.exists(path)) {
            return false;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new IOException(
                    "state file " + path + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            StateCodec.decode(root, platform);
        } catch (RuntimeException e) {
            throw new IOException(
                    "state file " + path + " has an unexpected shape: " + e.getMessage(), e);
        }
        return true;
    }

    void writeAtomically(byte[] content) throws IOException {
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, path.getFileName().toString() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel ch =
                    FileChannel.open(
                            temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(
                    temp,
                    path,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot fsync a directory; the rename itself is still atomic.
        }
    }

    private void deleteLeftoverTemps() throws IOException {
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps =
                Files.newDirectoryStream(dir, path.getFileName() + ".*" + TEMP_SUFFIX)) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    /** The JSON shape of the state file. */
    static final class StateCodec {

        private StateCodec() {}

        static ObjectNode encode(PlatformState platform, int logTailRows) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.put("version", FORMAT_VERSION);
            root.put("saved_at", platform.clock().instant().toString());
            root.put("clock_offset_nanos", platform.clock().offset().toNanos());
            root.put("last_key_id", platform.keys().lastId());
            ArrayNode keys = root.putArray("keys");
            for (ApiKey key : platform.keys().list()) {
                keys.add(encodeKey(key));
            }
            ArrayNode log = root.putArray("log");
            for (UsageRow row : platform.log().tail(logTailRows)) {
                log.add(encodeRow(row));
            }
            ObjectNode stats = root.putObject("stats");
            ArrayNode perKey = stats.putArray("keys");
            platform.stats()
                    .perKey()
                    .forEach((id, s) -> perKey.add(encodeTotals(s).put("key_id", id)));
            ArrayNode perModel = stats.putArray("models");
            platform.stats()
                    .perModel()
                    .forEach((m, s) -> perModel.add(encodeTotals(s).put("model", m)));
            return root;
        }

        static void decode(JsonNode root, PlatformState platform) {
            int version = root.path("version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        "version " + version + ", expected " + FORMAT_VERSION);
            }
            platform.clock()
                    .restoreOffset(Duration.ofNanos(required(root, "clock_offset_nanos").asLong()));
            for (JsonNode k : required(root, "keys")) {
                platform.keys().add(decodeKey(k));
            }
            platform.keys().restoreLastId(required(root, "last_key_id").asLong());
            List<UsageRow> rows = new ArrayList<>();
            for (JsonNode r : required(root, "log")) {
                rows.add(decodeRow(r));
            }
            platform.log().restore(rows);
            Map<Long, UsageStats.Snapshot> perKey = new LinkedHashMap<>();
            for (JsonNode s : required(required(root, "stats"), "keys")) {
                perKey.put(required(s, "key_id").asLong(), decodeTotals(s));
            }
            Map<String, UsageStats.Snapshot> perModel = new LinkedHashMap<>();
            for (JsonNode s : required(required(root, "stats"), "models")) {
                perModel.put(required(s, "model").asText(), decodeTotals(s));
            }
            platform.stats().restore(perKey, perModel);
        }

        private static ObjectNode encodeKey(ApiKey key) {
            KeyState s = key.state();
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("id", key.id());
            o.put("name", key.name());
            o.put("key_sha256", key.keyHash());
            o.put("masked_key", key.maskedKey());
            o.put("created_at", key.createdAt().toString());
            KeyJson.putInstant(o, "expires_at", key.expiresAt());
            o.put("reset", key.resetType().wireName());
            o.put("enabled", s.enabled());
            o.put("unlimited", s.unlimited());
            o.put("limit_micro_credits", s.limitMicroCredits());
            o.put("used_in_period_micro_credits", s.usedInPeriodMicroCredits());
            o.put("used_total_micro_credits", s.usedTotalMicroCredits());
            o.put("period_start", s.periodStart().toString());
            KeyJson.putInstant(o, "next_reset_at", s.nextResetAt());
            return o;
        }

        private static ApiKey decodeKey(JsonNode o) {
            KeyState s =
                    new KeyState(
                            required(o, "enabled").asBoolean(),
                            required(o, "unlimited").asBoolean(),
                            required(o, "limit_micro_credits").asLong(),
                            required(o, "used_in_period_micro_credits").asLong(),
                            required(o, "used_total_micro_credits").asLong(),
                            instant(o, "period_start"),
                            instant(o, "next_reset_at"));
            return new ApiKey(
                    required(o, "id").asLong(),
                    required(o, "name").asText(),
                    required(o, "key_sha256").asText(),
                    required(o, "masked_key").asText(),
                    instant(o, "created_at"),
                    instant(o, "expires_at"),
                    ResetType.parse(required(o, "reset").asText()),
                    s);
        }

        private static ObjectNode encodeRow(UsageRow r) {
            ObjectNode o = UsageJson.row(r);
            o.remove("credits");
            o.put("credits_micro", r.creditsMicro());
            return o;
        }

        private static UsageRow decodeRow(JsonNode o) {
            JsonNode reason = o.get("cancel_reason");
            JsonNode model = o.get("model");
            JsonNode endpoint = o.get("endpoint");
            return new UsageRow(
                    instant(o, "time"),
                    required(o, "request_id").asText(),
                    required(o, "key_id").asLong(),
                    required(o, "key_name").asText(),
                    model == null || model.isNull() ? null : model.asText(),
                    endpoint == null || endpoint.isNull() ? null : endpoint.asText(),
                    required(o, "prompt_tokens").asLong(),
                    required(o, "completion_tokens").asLong(),
                    required(o, "credits_micro").asLong(),
                    required(o, "stream").asBoolean(),
                    required(o, "status").asInt(),
                    reason == null || reason.isNull() ? null : reason.asText(),
                    instant(o, "period_start"));
        }

        private static ObjectNode encodeTotals(UsageStats.Snapshot s) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("requests", s.requests());
            o.put("succeeded", s.succeeded());
            o.put("credits_micro", s.creditsMicro());
            o.put("prompt_tokens", s.promptTokens());
            o.put("completion_tokens", s.completionTokens());
            return o;
        }

        private static UsageStats.Snapshot decodeTotals(JsonNode o) {
            return new UsageStats.Snapshot(
                    required(o, "requests").asLong(),
                    required(o, "succeeded").asLong(),
                    required(o, "credits_micro").asLong(),
                    required(o, "prompt_tokens").asLong(),
                    required(o, "completion_tokens").asLong());
        }

        private static JsonNode required(JsonNode o, String field) {
            JsonNode v = o.get(field);
            if (v == null) {
                throw new IllegalArgumentException("missing field " + field);
            }
            return v;
        }

        private static Instant instant(JsonNode o, String field) {
            JsonNode v = required(o, field);
            return v.isNull() ? null : Instant.parse(v.asText());
        }
    }
}
