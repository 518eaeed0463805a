{{/* Names are cut to 63 characters: the limit of a Kubernetes label value and DNS label. */}}
{{- define "servicepoint.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's base name; a release already named after the chart is not repeated. */}}
{{- define "servicepoint.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else if contains (include "servicepoint.name" .) .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "servicepoint.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "servicepoint.selectorLabels" -}}
app.kubernetes.io/name: {{ include "servicepoint.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "servicepoint.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "servicepoint.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: servicepoint
{{- end }}

{{- define "servicepoint.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "servicepoint.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* A digest pins the exact image and wins over the tag. */}}
{{- define "servicepoint.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* JVM options sized from the container's memory limit rather than the node's. */}}
{{- define "servicepoint.javaToolOptions" -}}
{{- $jvm := .jvm -}}
{{- $opts := list (printf "-XX:MaxRAMPercentage=%v" $jvm.maxRamPercentage) (printf "-XX:InitialRAMPercentage=%v" $jvm.initialRamPercentage) "-XX:+ExitOnOutOfMemoryError" "-Djava.io.tmpdir=/tmp" -}}
{{- if $jvm.extraOptions }}{{ $opts = append $opts $jvm.extraOptions }}{{ end -}}
{{- join " " $opts -}}
{{- end }}

{{/* One environment variable from a secret the operator made; never a value. */}}
{{- define "servicepoint.secretEnv" -}}
{{- if .ref.existingSecret -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .ref.existingSecret | quote }}
      key: {{ .key | quote }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}

{{- define "servicepoint.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "servicepoint.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
privileged: false
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The only writable place in the container (the root file system is read-only). */}}
{{- define "servicepoint.tmpVolume" -}}
- name: tmp
  emptyDir:
    {{- if .Values.tmpVolume.medium }}
    medium: {{ .Values.tmpVolume.medium }}
    {{- end }}
    sizeLimit: {{ .Values.tmpVolume.sizeLimit }}
{{- end }}

{{/* A NetworkPolicy peer from a namespace and/or pod selector; an empty selector is left out. */}}
{{- define "servicepoint.selectorPeer" -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end -}}
- {{ toYaml $peer | nindent 2 | trim }}
{{- end }}

{{/* A NetworkPolicy egress rule: to the listed peers (or anywhere, if none) on the listed TCP ports. */}}
{{- define "servicepoint.egressRule" -}}
- ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- if or .ipBlocks .namespaceSelector .podSelector }}
  to:
    {{- range .ipBlocks }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
    {{- if or .namespaceSelector .podSelector }}
    {{- include "servicepoint.selectorPeer" . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end }}

{{/* DNS answers over UDP, and over TCP for long answers. */}}
{{- define "servicepoint.dnsEgressRule" -}}
- ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: UDP
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- if or .namespaceSelector .podSelector }}
  to:
    {{- include "servicepoint.selectorPeer" . | nindent 4 }}
  {{- end }}
{{- end }}
