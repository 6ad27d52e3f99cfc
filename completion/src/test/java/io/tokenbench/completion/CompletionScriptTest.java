package io.tokenbench.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompletionScriptTest {

    private static final Path COMMITTED =
            Path.of(
                    System.getProperty(
                            "tokenbench.completionScript", "tokenbench-completion.bash"));

    @Test
    void theCommittedScriptIsWhatTheCommandsGenerate() throws IOException {
        String generated = CompletionScript.bash();
        if (Boolean.getBoolean("completion.update")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED))
                .as(
                        "completion/tokenbench-completion.bash is stale; regenerate it with"
                                + " ./mvnw -pl completion -am verify -Dcompletion.update=true")
                .isEqualTo(generated);
    }

    @Test
    void bashCompletesCommandsAndTheirOwnOptions() throws Exception {
        assertThat(complete("./tokenbench", "ca")).containsExactly("calibrate");
        assertThat(complete("./tokenbench", "com"))
                .containsExactlyInAnyOrder("compare", "completion");
        assertThat(complete("./tokenbench", "run", "--sce")).containsExactly("--scenario");
        assertThat(complete("./tokenbench", "run", "--scenario", "mi")).containsExactly("mixed");
        assertThat(complete("./tokenbench", "keys", "ve")).containsExactly("verify");
        assertThat(complete("./tokenbench", "gate", "--ru")).containsExactly("--rules");
        assertThat(complete("./tokenbench", "latency-gate", "--inconclusive", ""))
                .containsExactlyInAnyOrder("pass", "fail");
    }

    @Test
    void theLatencyGateOptionsMatchTheScriptsOwnHelp() throws Exception {
        Path script =
                COMMITTED.toAbsolutePath().getParent().getParent().resolve("ci/latency-gate.sh");
        Process help =
                new ProcessBuilder("bash", script.toString(), "--help")
                        .redirectErrorStream(true)
                        .start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (String option :
                TokenbenchCommands.commandLine()
                        .getSubcommands()
                        .get("latency-gate")
                        .getCommandSpec()
                        .optionsMap()
                        .keySet()) {
            if (option.startsWith("--") && !option.equals("--help")) {
                assertThat(text).as("ci/latency-gate.sh --help names " + option).contains(option);
            }
        }
    }

    /**
     * Runs the committed script's completion function in bash for {@code words}, the last one being
     * completed.
     */
    private static List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('\'').append(w).append("' ");
        }
        // compopt only works inside a completion bash started itself; outside it is a no-op here
        String program =
                "compopt() { :; }\n"
                        + "source '"
                        + COMMITTED.toAbsolutePath()
                        + "'\n"
                        + "COMP_WORDS=("
                        + array
                        + ")\n"
                        + "COMP_CWORD="
                        + (words.length - 1)
                        + "\n"
                        + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                        + "_complete_tokenbench\n"
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
