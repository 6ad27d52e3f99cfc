package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each dataset form driven end to end through {@code ./tokenbench run} against the mock behind a
 * recording gateway: messages JSONL, ShareGPT, synthetic prompts with a shared prefix, and
 * multi-turn sessions whose later turns carry the answers actually received.
 */
class DatasetRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestGateway runThrough(MockUpstream mock, Path out, String... options)
            throws Exception {
        TestGateway gateway = TestGateway.http(mock.baseUrl(), Map.of());
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "--base-url",
                                gateway.baseUrl(),
                                "--lag-budget",
                                "10s",
                                "--out",
                                out.toString(),
                                "--warmup",
                                "0s",
                                "--grace",
                                "5s"));
        args.addAll(List.of(options));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code =
                TokenbenchRun.run(
                        args.toArray(String[]::new),
                        p,
                        p,
                        Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
        gateway.close();
        assertThat(code).as(console.toString(StandardCharsets.UTF_8)).isZero();
        return gateway;
    }

    private static List<JsonNode> requests(TestGateway g) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (TestGateway.Exchange e : g.exchanges()) {
            out.add(JSON.readTree(e.requestBody()));
        }
        return out;
    }

    /** The content text of a streamed chat answer, read from its SSE bytes. */
    static String answer(String sse) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                for (JsonNode c : JSON.readTree(line.substring(6)).path("choices")) {
                    b.append(c.path("delta").path("content").asText(""));
                }
            }
        }
        return b.toString();
    }

    @Test
    void messagesJsonlLinesAreSentAsTheyAreWithTheirMaxTokens(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("m.jsonl"),
                        "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"alpha\"}],\"max_tokens\":3}\n"
                                + "[{\"role\":\"user\",\"content\":\"beta\"}]\n");
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 10)) {
            TestGateway g =
                    runThrough(
                            mock,
                            dir.resolve("out"),
                            "--prompts",
                            "messages:" + file,
                            "--rate",
                            "10",
                            "--duration",
                            "1s",
                            "--max-tokens",
                            "7");
            List<JsonNode> sent = requests(g);
            assertThat(sent).hasSizeGreaterThanOrEqualTo(5);
            Set<String> seen = new HashSet<>();
            for (JsonNode r : sent) {
                JsonNode messages = r.path("messages");
                String last = messages.get(messages.size() - 1).path("content").asText();
                seen.add(last);
                if (last.equals("alpha")) {
                    assertThat(messages.get(0).path("content").asText()).isEqualTo("Be brief.");
                    assertThat(r.path("max_tokens").asInt()).isEqualTo(3);
                } else {
                    assertThat(messages).hasSize(1);
                    assertThat(r.path("max_tokens").asInt()).isEqualTo(7);
                }
            }
            assertThat(seen).containsExactlyInAnyOrder("alpha", "beta");
        }
    }

    @Test
    void shareGptSendsTheFirstHumanTurnAskingForTheAnswersLength(@TempDir Path dir)
            throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("sg.json"),
                        "[{\"id\":\"x\",\"conversations\":[{\"from\":\"human\",\"value\":\"Name"
                                + " three colours\"},{\"from\":\"gpt\",\"value\":\"red green blue"
                                + " and white\"}]}]");
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 10)) {
            TestGateway g =
                    runThrough(
                            mock,
                            dir.resolve("out"),
                            "--prompts",
                            "sharegpt:" + file,
                            "--rate",
                            "6",
                            "--duration",
                            "1s");
            List<JsonNode> sent = requests(g);
            assertThat(sent).isNotEmpty();
            for (JsonNode r : sent) {
                assertThat(r.path("messages").get(0).path("content").asText())
                        .isEqualTo("Name three colours");
                assertThat(r.path("max_tokens").asInt()).isEqualTo(5);
            }
        }
    }

    @Test
    void aShareOfSyntheticRequestsCarriesTheSameSystemPrefix(@TempDir Path dir) throws Exception {
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4)) {
            TestGateway g =
                    runThrough(
                            mock,
                            dir.resolve("out"),
                            "--prompts",
                            "synthetic",
                            "--input-tokens",
                            "20",
                            "--prefix-tokens",
                            "64",
                            "--prefix-share",
                            "0.5",
                            "--rate",
                            "20",
                            "--duration",
                            "2s");
            List<JsonNode> sent = requests(g);
            assertThat(sent).hasSizeGreaterThanOrEqualTo(20);
            Set<String> prefixes = new HashSet<>();
            int withPrefix = 0;
            for (JsonNode r : sent) {
                JsonNode first = r.path("messages").get(0);
                if (first.path("role").asText().equals("system")) {
                    withPrefix++;
                    prefixes.add(first.path("content").asText());
                }
                JsonNode user = r.path("messages").get(r.path("messages").size() - 1);
                assertThat(user.path("content").asText().split(" ")).hasSize(20);
            }
            assertThat(prefixes).hasSize(1);
            assertThat(prefixes.iterator().next().split(" ")).hasSize(64);
            assertThat(withPrefix).isPositive().isLessThan(sent.size());
        }
    }

    @Test
    void sessionsSendTheWholeHistoryWithTheAnswersReceivedAfterTheThinkTime(@TempDir Path dir)
            throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("s.jsonl"),
                        "{\"system\":\"You are terse.\",\"turns\":[\"one\",\"two\",\"three\"]}\n"
                                + "{\"turns\":[\"uno\",\"dos\",\"tres\"]}\n");
        long thinkNanos = 150_000_000L;
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 6)) {
            TestGateway g =
                    runThrough(
                            mock,
                            dir.resolve("out"),
                            "--prompts",
                            "sessions:" + file,
                            "--think-time",
                            "150ms",
                            "--rate",
                            "3",
                            "--duration",
                            "2s");
            List<TestGateway.Exchange> all = g.exchanges();
            int firsts = 0;
            int thirds = 0;
            for (TestGateway.Exchange e : all) {
                JsonNode messages = JSON.readTree(e.requestBody()).path("messages");
                List<JsonNode> turns = new ArrayList<>();
                messages.forEach(turns::add);
                if (turns.get(0).path("role").asText().equals("system")) {
                    turns = turns.subList(1, turns.size());
                }
                assertThat(turns.size() % 2).isEqualTo(1);
                for (int k = 0; k < turns.size(); k++) {
                    assertThat(turns.get(k).path("role").asText())
                            .isEqualTo(k % 2 == 0 ? "user" : "assistant");
                }
                if (turns.size() == 1) {
                    firsts++;
                    continue;
                }
                if (turns.size() == 5) {
                    thirds++;
                }
                // the previous turn: same history minus the last two messages, answered with
                // exactly the assistant text sent here
                String expectedAnswer = turns.get(turns.size() - 2).path("content").asText();
                assertThat(expectedAnswer).isNotBlank();
                TestGateway.Exchange parent = parentOf(all, messages, expectedAnswer);
                assertThat(parent)
                        .as("a previous turn of %s answered with its assistant text", messages)
                        .isNotNull();
                assertThat(e.arrivalNanos() - parent.arrivalNanos())
                        .isGreaterThanOrEqualTo(thinkNanos);
            }
            assertThat(firsts).isGreaterThanOrEqualTo(2);
            assertThat(thirds).isEqualTo(firsts); // every session ran all its turns
        }
    }

    /** The exchange with {@code messages} minus the last two as its history, answered so. */
    private static TestGateway.Exchange parentOf(
            List<TestGateway.Exchange> all, JsonNode messages, String answer) throws Exception {
        for (TestGateway.Exchange candidate : all) {
            JsonNode m = JSON.readTree(candidate.requestBody()).path("messages");
            if (m.size() != messages.size() - 2) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < m.size(); i++) {
                same &= m.get(i).equals(messages.get(i));
            }
            if (same && answer(candidate.responseText()).equals(answer)) {
                return candidate;
            }
        }
        return null;
    }
}
