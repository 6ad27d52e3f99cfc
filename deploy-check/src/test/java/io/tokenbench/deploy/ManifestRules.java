package io.tokenbench.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields the Kubernetes API server requires of the kinds tokenbench ships (its validation of
 * ObjectMeta, PodSpec, Container, EnvVar, Volume, Job and PersistentVolumeClaim), and the
 * references between the manifests (ConfigMap and Secret keys, claims) that {@code kubectl apply}
 * would accept but a pod would fail on at start.
 */
final class ManifestRules {
    // DNS-1123 subdomain (object names) and the ConfigMap/Secret key grammar
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final Set<String> ACCESS_MODES =
            Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Set<String>> configMapKeys = new HashMap<>();
    private final Map<String, Set<String>> secretKeys = new HashMap<>();
    private final Set<String> claims = new HashSet<>();

    static List<String> check(List<ManifestValidator.Document> documents) {
        ManifestRules rules = new ManifestRules();
        documents.forEach(rules::collect);
        documents.forEach(rules::checkOne);
        return rules.problems;
    }

    private void collect(ManifestValidator.Document d) {
        HasMetadata r = d.resource();
        String name = r.getMetadata() == null ? null : r.getMetadata().getName();
        if (r instanceof ConfigMap cm) {
            configMapKeys.put(name, keys(cm.getData()));
        } else if (r instanceof Secret s) {
            Set<String> keys = keys(s.getData());
            keys.addAll(keys(s.getStringData()));
            secretKeys.put(name, keys);
        } else if (r instanceof PersistentVolumeClaim) {
            claims.add(name);
        }
    }

    private static Set<String> keys(Map<String, String> m) {
        return m == null ? new HashSet<>() : new HashSet<>(m.keySet());
    }

    private void checkOne(ManifestValidator.Document d) {
        String at = d.where();
        HasMetadata r = d.resource();
        if (r.getMetadata() == null || blank(r.getMetadata().getName())) {
            problems.add(at + ": metadata.name is required");
        } else if (!NAME.matcher(r.getMetadata().getName()).matches()) {
            problems.add(
                    at
                            + ": metadata.name '"
                            + r.getMetadata().getName()
                            + "' is not a DNS-1123 name");
        }
        if (r instanceof ConfigMap cm) {
            keys(cm.getData()).forEach(k -> key(at, "data", k));
        } else if (r instanceof Secret s) {
            keys(s.getData()).forEach(k -> key(at, "data", k));
            keys(s.getStringData()).forEach(k -> key(at, "stringData", k));
        } else if (r instanceof PersistentVolumeClaim pvc) {
            claim(at, pvc);
        } else if (r instanceof Job job) {
            job(at, job);
        }
    }

    private void key(String at, String field, String k) {
        if (!KEY.matcher(k).matches()) {
            problems.add(at + ": " + field + " key '" + k + "' is not a valid key");
        }
    }

    private void claim(String at, PersistentVolumeClaim pvc) {
        if (pvc.getSpec() == null) {
            problems.add(at + ": spec is required");
            return;
        }
        List<String> modes = pvc.getSpec().getAccessModes();
        if (modes == null || modes.isEmpty()) {
            problems.add(at + ": spec.accessModes is required");
        } else {
            modes.stream()
                    .filter(m -> !ACCESS_MODES.contains(m))
                    .forEach(
                            m -> problems.add(at + ": spec.accessModes: unknown mode '" + m + "'"));
        }
        if (pvc.getSpec().getResources() == null
                || pvc.getSpec().getResources().getRequests() == null
                || !pvc.getSpec().getResources().getRequests().containsKey("storage")) {
            problems.add(at + ": spec.resources.requests.storage is required");
        }
    }

    private void job(String at, Job job) {
        JobSpec spec = job.getSpec();
        if (spec == null || spec.getTemplate() == null || spec.getTemplate().getSpec() == null) {
            problems.add(at + ": spec.template.spec is required");
            return;
        }
        if ("Indexed".equals(spec.getCompletionMode()) && spec.getCompletions() == null) {
            problems.add(at + ": spec.completions is required when completionMode is Indexed");
        }
        if (spec.getCompletionMode() != null
                && !Set.of("Indexed", "NonIndexed").contains(spec.getCompletionMode())) {
            problems.add(at + ": spec.completionMode must be Indexed or NonIndexed");
        }
        PodSpec pod = spec.getTemplate().getSpec();
        String p = "spec.template.spec";
        if (!Set.of("Never", "OnFailure").contains(String.valueOf(pod.getRestartPolicy()))) {
            problems.add(at + ": " + p + ".restartPolicy must be Never or OnFailure for a Job");
        }
        Set<String> volumes = new HashSet<>();
        List<Volume> declared = pod.getVolumes() == null ? List.of() : pod.getVolumes();
        for (int i = 0; i < declared.size(); i++) {
            Volume v = declared.get(i);
            String vp = at + ": " + p + ".volumes[" + i + "]";
            if (blank(v.getName())) {
                problems.add(vp + ".name is required");
            } else if (!volumes.add(v.getName())) {
                problems.add(vp + ".name '" + v.getName() + "' is declared twice");
            }
            if (v.getPersistentVolumeClaim() != null
                    && !claims.contains(v.getPersistentVolumeClaim().getClaimName())) {
                problems.add(
                        vp
                                + ".persistentVolumeClaim.claimName '"
                                + v.getPersistentVolumeClaim().getClaimName()
                                + "' names no PersistentVolumeClaim of deploy/kubernetes");
            }
        }
        List<Container> containers = pod.getContainers();
        if (containers == null || containers.isEmpty()) {
            problems.add(at + ": " + p + ".containers is required");
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            container(at + ": " + p + ".containers[" + i + "]", containers.get(i), volumes);
        }
    }

    private void container(String at, Container c, Set<String> volumes) {
        if (blank(c.getName())) {
            problems.add(at + ".name is required");
        }
        if (blank(c.getImage())) {
            problems.add(at + ".image is required");
        }
        Set<String> names = new HashSet<>();
        List<EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
        for (int i = 0; i < env.size(); i++) {
            EnvVar e = env.get(i);
            String ep = at + ".env[" + i + "]";
            if (blank(e.getName()) || !ENV_NAME.matcher(e.getName()).matches()) {
                problems.add(ep + ".name is required (a valid variable name)");
            } else if (!names.add(e.getName())) {
                problems.add(ep + ".name '" + e.getName() + "' is set twice");
            }
            if (e.getValueFrom() == null) {
                continue;
            }
            var cm = e.getValueFrom().getConfigMapKeyRef();
            if (cm != null) {
                reference(
                        ep + ".valueFrom.configMapKeyRef",
                        "ConfigMap",
                        configMapKeys,
                        cm.getName(),
                        cm.getKey(),
                        cm.getOptional());
            }
            var s = e.getValueFrom().getSecretKeyRef();
            if (s != null) {
                reference(
                        ep + ".valueFrom.secretKeyRef",
                        "Secret",
                        secretKeys,
                        s.getName(),
                        s.getKey(),
                        s.getOptional());
            }
        }
        List<VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            String mp = at + ".volumeMounts[" + i + "]";
            if (blank(m.getMountPath())) {
                problems.add(mp + ".mountPath is required");
            }
            if (blank(m.getName()) || !volumes.contains(m.getName())) {
                problems.add(mp + ".name '" + m.getName() + "' names no volume of the pod");
            }
        }
    }

    private void reference(
            String at,
            String kind,
            Map<String, Set<String>> known,
            String name,
            String key,
            Boolean optional) {
        if (blank(name) || blank(key)) {
            problems.add(at + ": name and key are required");
        } else if (!Boolean.TRUE.equals(optional)
                && !known.getOrDefault(name, Set.of()).contains(key)) {
            problems.add(
                    at
                            + ": "
                            + kind
                            + " '"
                            + name
                            + "' of deploy/kubernetes has no key '"
                            + key
                            + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
