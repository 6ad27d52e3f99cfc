package io.tokenbench.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Kubernetes manifests into fabric8's typed model of the Kubernetes API, offline (no API
 * server, unlike {@code kubectl --dry-run}). A document fails when its {@code apiVersion}/{@code
 * kind} is not one of the kinds tokenbench ships, when a value has the wrong type (Jackson), or
 * when it holds a field the API does not define: fabric8 keeps such fields in {@code
 * additionalProperties} instead of failing, so every parsed object is walked for them. The fields
 * Kubernetes requires are checked by {@link ManifestRules}.
 */
final class ManifestValidator {
    /** The kinds deploy/kubernetes holds, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS =
            Map.of(
                    "v1/ConfigMap", ConfigMap.class,
                    "v1/Secret", Secret.class,
                    "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
                    "batch/v1/Job", Job.class);

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private final ObjectMapper yaml =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One parsed document of a file. */
    record Document(String file, int index, HasMetadata resource) {
        String where() {
            return file + (index > 0 ? "#" + index : "") + " (" + resource.getKind() + ")";
        }
    }

    /** What {@link #parse} made of a file: the typed documents and the problems found. */
    record Parsed(List<Document> documents, List<String> problems) {}

    Parsed parse(String file, String text) {
        List<Document> documents = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                nodes.add(it.next());
            }
        } catch (IOException e) {
            problems.add(file + ": not YAML: " + e.getMessage());
            return new Parsed(documents, problems);
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String where = file + (i > 0 ? "#" + i : "");
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue; // an empty document (a trailing ---)
            }
            String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
            Class<? extends HasMetadata> kind = KINDS.get(type);
            if (kind == null) {
                problems.add(
                        where
                                + ": unknown apiVersion/kind '"
                                + type
                                + "' (known: "
                                + KINDS.keySet()
                                + ")");
                continue;
            }
            HasMetadata resource;
            try {
                resource = yaml.treeToValue(node, kind);
            } catch (JsonMappingException e) {
                problems.add(where + ": " + jsonPath(e) + ": " + e.getOriginalMessage());
                continue;
            } catch (IOException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            Document doc = new Document(file, i, resource);
            List<String> unknown = new ArrayList<>();
            unknownFields(resource, "", unknown);
            unknown.forEach(u -> problems.add(doc.where() + ": " + u + ": unknown field"));
            documents.add(doc);
        }
        return new Parsed(documents, problems);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Collects the paths of the fields fabric8 did not map to the API (additionalProperties). */
    private static void unknownFields(Object o, String path, List<String> out) {
        if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, out));
            return;
        }
        if (o == null || !o.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        additional(o).keySet().forEach(k -> out.add(join(path, String.valueOf(k))));
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                JsonProperty p = f.getAnnotation(JsonProperty.class);
                if (p == null || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                unknownFields(read(f, o), join(path, p.value()), out);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Map<?, ?> additional(Object o) {
        try {
            Method m = o.getClass().getMethod("getAdditionalProperties");
            Object v = m.invoke(o);
            return v instanceof Map<?, ?> map ? map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + o.getClass().getName(), e);
        }
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
