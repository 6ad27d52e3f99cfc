package io.tokenbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The injector pods are scraped where they serve: the prometheus.io annotations, the container's
 * {@code metrics} port and the ConfigMap's METRICS_PORT (what {@code --metrics-port} gets) agree,
 * and the injector binds beyond loopback.
 */
class MetricsScrapeTest {
    private static final Path DIR =
            Path.of(System.getProperty("tokenbench.manifests", "../deploy/kubernetes"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void annotationsContainerPortAndMetricsPortAgree() throws IOException {
        JsonNode job = YAML.readTree(DIR.resolve("injectors-job.yaml").toFile());
        JsonNode config = YAML.readTree(DIR.resolve("configmap.yaml").toFile());
        JsonNode template = job.at("/spec/template");
        JsonNode annotations = template.at("/metadata/annotations");
        JsonNode container = template.at("/spec/containers/0");
        assertThat(annotations.get("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.get("prometheus.io/path").asText()).isEqualTo("/metrics");
        String port = annotations.get("prometheus.io/port").asText();
        JsonNode declared = null;
        for (JsonNode p : container.get("ports")) {
            if (p.get("name").asText().equals("metrics")) {
                declared = p;
            }
        }
        assertThat(declared).as("a container port named metrics").isNotNull();
        assertThat(declared.get("containerPort").asText()).isEqualTo(port);
        assertThat(config.at("/data/METRICS_PORT").asText()).isEqualTo(port);

        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        assertThat(args.get(args.indexOf("--metrics-port") + 1)).isEqualTo("$(METRICS_PORT)");
        assertThat(args.get(args.indexOf("--metrics-host") + 1)).isEqualTo("0.0.0.0");
        assertThat(args.get(args.indexOf("--metrics-grace") + 1)).isEqualTo("$(METRICS_GRACE)");
    }
}
