# One pod of a Kubernetes Job, as what `podman run` needs (used by ci/container-check.sh).
# Input: the Job as JSON (yq). Arguments:
#   $index       completion index ("" for a Job that is not Indexed)
#   $configmaps  {name: {key: value}}   the ConfigMaps "applied" (data)
#   $secrets     {name: {key: value}}   the Secrets "applied" (stringData, or data base64-decoded)
#   $claims      {claimName: volume}    the podman volume standing for each PersistentVolumeClaim
# Output: {name, image, command, args, workingDir, env: {NAME: value}, mounts: [{volume, path, readOnly}],
#          memory, runAsUser, runAsGroup, fsGroup, runAsNonRoot}.
# What Kubernetes does and this reproduces: JOB_COMPLETION_INDEX in the environment of an Indexed Job's pod
# (also as the job-completion-index annotation for fieldRef), env entries resolved in order (value with
# $(VAR) of earlier entries, configMapKeyRef, secretKeyRef, fieldRef to the pod's name, namespace and
# annotations), $(VAR) in command and args expanded from the container's environment ($$ escapes, an
# unknown name stays as written), PVC volumes. Anything else (several containers, envFrom, other volume
# kinds, a missing key) is an error, so the check never silently runs something the cluster would not.

def expand($env):
  # Kubernetes: $(NAME) -> value when NAME is defined, else unchanged; $$ -> $
  [scan("\\$\\$|\\$\\([A-Za-z_][A-Za-z0-9_.-]*\\)|[^$]+|\\$")]
  | map(if . == "$$" then "$"
        elif test("^\\$\\(.+\\)$") then (.[2:-1]) as $n | ($env[$n] // .)
        else . end)
  | join("");

def need($what): if . == null then error("kube-to-podman: " + $what) else . end;

def memory:
  if . == null then null
  elif test("^[0-9]+Mi$") then (.[:-2] + "m")
  elif test("^[0-9]+Gi$") then (.[:-2] + "g")
  elif test("^[0-9]+$") then .
  else error("kube-to-podman: memory quantity \(.) not supported") end;

.metadata.name as $job
| (if $index == "" then $job else "\($job)-\($index)" end) as $pod
| .spec.template.spec as $spec
| ($spec.containers | if length == 1 then .[0] else error("kube-to-podman: \($job) has \(length) containers, one supported") end) as $c
| if $c.envFrom then error("kube-to-podman: envFrom not supported") else . end
| ((if $index == "" then {} else {"batch.kubernetes.io/job-completion-index": $index} end)
   + (.spec.template.metadata.annotations // {})) as $annotations
| (if $index == "" then {} else {JOB_COMPLETION_INDEX: $index} end) as $base
| (reduce ($c.env // [])[] as $e ($base;
    . as $acc
    | . + {($e.name): (
        if $e.value != null then ($e.value | expand($acc))
        elif $e.valueFrom.configMapKeyRef then
          $e.valueFrom.configMapKeyRef as $r
          | $configmaps[$r.name][$r.key] | need("ConfigMap \($r.name) has no key \($r.key) (env \($e.name))")
        elif $e.valueFrom.secretKeyRef then
          $e.valueFrom.secretKeyRef as $r
          | $secrets[$r.name][$r.key] | need("Secret \($r.name) has no key \($r.key) (env \($e.name))")
        elif $e.valueFrom.fieldRef then
          $e.valueFrom.fieldRef.fieldPath as $f
          | if $f == "metadata.name" then $pod
            elif $f == "metadata.namespace" then "default"
            elif ($f | test("^metadata\\.annotations\\['.+'\\]$")) then $annotations[$f[22:-2]] | need("annotation \($f)")
            else error("kube-to-podman: fieldRef \($f) not supported") end
        else error("kube-to-podman: env \($e.name) has no supported source") end)})) as $env
| ($spec.volumes // [] | map({(.name): .}) | add // {}) as $volumes
| {
    name: $pod,
    image: $c.image,
    command: (($c.command // []) | map(expand($env))),
    args: (($c.args // []) | map(expand($env))),
    workingDir: ($c.workingDir // ""),
    env: $env,
    mounts: (($c.volumeMounts // []) | map(
      . as $m
      | ($volumes[$m.name] | need("volume \($m.name) is not declared")) as $v
      | if $v.persistentVolumeClaim then
          {volume: ($claims[$v.persistentVolumeClaim.claimName] | need("no PersistentVolumeClaim \($v.persistentVolumeClaim.claimName)")),
           path: $m.mountPath, readOnly: ($m.readOnly // false)}
        else error("kube-to-podman: volume \($m.name): only persistentVolumeClaim is supported") end)),
    memory: ($c.resources.limits.memory | memory),
    runAsUser: ($c.securityContext.runAsUser // $spec.securityContext.runAsUser),
    runAsGroup: ($c.securityContext.runAsGroup // $spec.securityContext.runAsGroup),
    runAsNonRoot: ($c.securityContext.runAsNonRoot // $spec.securityContext.runAsNonRoot // false),
    fsGroup: $spec.securityContext.fsGroup
  }
