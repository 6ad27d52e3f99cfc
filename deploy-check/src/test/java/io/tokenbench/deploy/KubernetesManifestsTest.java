package io.tokenbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest of deploy/kubernetes against Kubernetes' typed API model (fabric8), offline; and
 * that a broken copy of one (a typo'd field, a wrong type, a missing required field, a dangling
 * reference) fails with a message naming the file and the field.
 */
class KubernetesManifestsTest {
    private static final Path DIR =
            Path.of(System.getProperty("tokenbench.manifests", "../deploy/kubernetes"));
    private static Map<String, String> shipped;

    @BeforeAll
    static void readManifests() throws IOException {
        shipped = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml")).toList()) {
                shipped.put(f.getFileName().toString(), Files.readString(f));
            }
        }
    }

    /** Parses the files as one set (references are checked across files) and lists the problems. */
    private static Result check(Map<String, String> files) {
        ManifestValidator validator = new ManifestValidator();
        List<ManifestValidator.Document> documents = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        files.forEach(
                (name, text) -> {
                    ManifestValidator.Parsed parsed = validator.parse(name, text);
                    documents.addAll(parsed.documents());
                    problems.addAll(parsed.problems());
                });
        problems.addAll(ManifestRules.check(documents));
        return new Result(documents, problems);
    }

    private record Result(List<ManifestValidator.Document> documents, List<String> problems) {}

    /** The shipped set with one file's text edited; the edit must apply. */
    private static Map<String, String> withEdit(String file, String from, String to) {
        String text = shipped.get(file);
        assertThat(text).as(file).contains(from);
        Map<String, String> files = new TreeMap<>(shipped);
        files.put(file, text.replace(from, to));
        return files;
    }

    @Test
    void everyShippedManifestIsValidKubernetes() {
        Result r = check(shipped);

        assertThat(r.problems()).isEmpty();
        assertThat(r.documents())
                .extracting(
                        d -> d.resource().getKind() + "/" + d.resource().getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "ConfigMap/tokenbench-params",
                        "Job/tokenbench-injectors",
                        "Job/tokenbench-merge",
                        "PersistentVolumeClaim/tokenbench-results",
                        "Secret/tokenbench-keys");
        Job injectors =
                (Job)
                        r.documents().stream()
                                .filter(
                                        d ->
                                                d.resource()
                                                        .getMetadata()
                                                        .getName()
                                                        .equals("tokenbench-injectors"))
                                .findFirst()
                                .orElseThrow()
                                .resource();
        assertThat(injectors.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(injectors.getSpec().getParallelism())
                .isEqualTo(injectors.getSpec().getCompletions());
    }

    @Test
    void aTypoedFieldFailsNamingFileAndPath() {
        Result top = check(withEdit("injectors-job.yaml", "completionMode:", "completionMod:"));
        Result nested =
                check(withEdit("injectors-job.yaml", "imagePullPolicy:", "imagePulPolicy:"));
        Result pvc = check(withEdit("results-pvc.yaml", "accessModes:", "accesModes:"));

        assertThat(top.problems())
                .contains("injectors-job.yaml (Job): spec.completionMod: unknown field");
        assertThat(nested.problems())
                .contains(
                        "injectors-job.yaml (Job): spec.template.spec.containers[0].imagePulPolicy: unknown field");
        assertThat(pvc.problems())
                .contains(
                        "results-pvc.yaml (PersistentVolumeClaim): spec.accesModes: unknown field")
                .contains("results-pvc.yaml (PersistentVolumeClaim): spec.accessModes is required");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        Result r = check(withEdit("injectors-job.yaml", "completions: 3", "completions: three"));

        assertThat(r.problems())
                .singleElement()
                .asString()
                .startsWith("injectors-job.yaml: spec.completions: ");
    }

    @Test
    void aMissingRequiredFieldFails() {
        Result image =
                check(
                        withEdit(
                                "merge-job.yaml",
                                "          image: tokenbench:0.1.0-SNAPSHOT\n",
                                ""));
        Result restart =
                check(withEdit("merge-job.yaml", "restartPolicy: Never", "restartPolicy: Always"));

        assertThat(image.problems())
                .containsExactly(
                        "merge-job.yaml (Job): spec.template.spec.containers[0].image is required");
        assertThat(restart.problems())
                .containsExactly(
                        "merge-job.yaml (Job): spec.template.spec.restartPolicy must be Never or OnFailure for a Job");
    }

    @Test
    void aReferenceToAMissingKeyOrClaimFails() {
        Result key = check(withEdit("configmap.yaml", "  RUN_ID:", "  RUN_NAME:"));
        Result secret =
                check(
                        withEdit(
                                "secret.example.yaml",
                                "POWERTOKENS_API_KEY_2:",
                                "POWERTOKENS_API_KEY_3:"));
        Result claim =
                check(withEdit("results-pvc.yaml", "name: tokenbench-results", "name: results"));

        assertThat(key.problems())
                .hasSize(2) // the injectors and the merge step read RUN_ID
                .allSatisfy(
                        p ->
                                assertThat(p)
                                        .endsWith(
                                                "ConfigMap 'tokenbench-params' of deploy/kubernetes has no key 'RUN_ID'"));
        assertThat(secret.problems())
                .singleElement()
                .asString()
                .startsWith("injectors-job.yaml (Job): spec.template.spec.containers[0].env[")
                .endsWith(
                        "Secret 'tokenbench-keys' of deploy/kubernetes has no key 'POWERTOKENS_API_KEY_2'");
        assertThat(claim.problems())
                .hasSize(2)
                .allSatisfy(
                        p ->
                                assertThat(p)
                                        .contains(
                                                "claimName 'tokenbench-results' names no PersistentVolumeClaim"));
    }

    @Test
    void anUnknownKindFails() {
        Result r = check(withEdit("configmap.yaml", "kind: ConfigMap", "kind: ConfigMapp"));

        assertThat(r.problems())
                .anySatisfy(
                        p ->
                                assertThat(p)
                                        .startsWith(
                                                "configmap.yaml: unknown apiVersion/kind 'v1/ConfigMapp'"));
    }
}
