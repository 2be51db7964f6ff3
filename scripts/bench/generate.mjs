// Deterministic multi-document manifests for the benchmark: Pods with native sidecars, Deployments with
// classic sidecars, Jobs with a native log shipper; volumes, probes and resources everywhere, so both servers
// validate real pod specs. The same `lines` always gives the same text.

/** @param {number} i */
function podWithNativeSidecars(i) {
  return `---
apiVersion: v1
kind: Pod
metadata:
  name: api-${i}
  labels:
    app: api-${i}
    tier: backend
spec:
  initContainers:
  - name: istio-proxy
    image: istio/proxyv2:1.22.${i % 10}
    restartPolicy: Always
    ports:
    - containerPort: 15090
      name: http-envoy-prom
    startupProbe:
      httpGet:
        path: /healthz/ready
        port: 15021
    resources:
      requests: {cpu: 50m, memory: 64Mi}
      limits: {memory: 128Mi}
  - name: log-shipper
    image: fluent/fluent-bit:3.1.${i % 10}
    restartPolicy: Always
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
      readOnly: true
    resources:
      requests: {cpu: 10m, memory: 32Mi}
      limits: {memory: 64Mi}
  containers:
  - name: app
    image: registry.example.com/api:2.${i}.0
    ports:
    - containerPort: 8080
      name: http
    readinessProbe:
      httpGet:
        path: /ready
        port: http
    livenessProbe:
      httpGet:
        path: /live
        port: http
    resources:
      requests: {cpu: 250m, memory: 256Mi}
      limits: {memory: 512Mi}
    volumeMounts:
    - name: logs
      mountPath: /var/log/app
  volumes:
  - name: logs
    emptyDir:
      sizeLimit: 256Mi
`;
}

/** @param {number} i */
function deploymentWithClassicSidecars(i) {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  labels:
    app: web-${i}
spec:
  replicas: ${1 + (i % 3)}
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      containers:
      - name: app
        image: registry.example.com/web:1.${i}.0
        ports:
        - containerPort: 8080
          name: http
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
        volumeMounts:
        - name: cache
          mountPath: /cache
      - name: metrics-exporter
        image: prom/statsd-exporter:v0.27.${i % 10}
        ports:
        - containerPort: 9102
          name: metrics
        resources:
          requests: {cpu: 10m, memory: 16Mi}
          limits: {memory: 32Mi}
      volumes:
      - name: cache
        emptyDir:
          sizeLimit: 1Gi
`;
}

/** @param {number} i */
function jobWithNativeLogShipper(i) {
  return `---
apiVersion: batch/v1
kind: Job
metadata:
  name: report-${i}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: log-shipper
        image: fluent/fluent-bit:3.1.${i % 10}
        restartPolicy: Always
        volumeMounts:
        - name: logs
          mountPath: /logs
          readOnly: true
        resources:
          requests: {cpu: 10m, memory: 32Mi}
          limits: {memory: 64Mi}
      containers:
      - name: app
        image: registry.example.com/report:0.${i}.1
        command: ["/bin/report", "--out", "/logs/report.log"]
        resources:
          requests: {cpu: 500m, memory: 256Mi}
          limits: {memory: 256Mi}
        volumeMounts:
        - name: logs
          mountPath: /logs
      volumes:
      - name: logs
        emptyDir:
          sizeLimit: 128Mi
`;
}

const TEMPLATES = [podWithNativeSidecars, deploymentWithClassicSidecars, jobWithNativeLogShipper];

/**
 * A manifest of at least `lines` lines, plus where the benchmark types: the `image:` value of the `app`
 * container of the document in the middle of the file (so the position does not favour either end), and a
 * key inside that container for completion and hover.
 * @param {number} lines
 */
export function generateManifest(lines) {
  const documents = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const text = TEMPLATES[i % TEMPLATES.length](i);
    documents.push(text);
    count += text.split('\n').length - 1;
  }
  const text = documents.join('');
  const all = text.split('\n');
  const middle = Math.floor(documents.length / 2);
  let line = 0;
  for (let d = 0; d < middle; d++) line += documents[d].split('\n').length - 1;
  // Inside the middle document: the app container's image line, then the key below it.
  let imageLine = -1;
  for (let l = line; l < all.length; l++) {
    if (/^\s+- name: app$/.test(all[l])) {
      imageLine = l + 1;
      break;
    }
  }
  if (imageLine < 0 || !/^\s+image: /.test(all[imageLine])) throw new Error('generator: no app container in the middle document');
  const keyLine = imageLine + 1;
  const keyColumn = all[keyLine].length - all[keyLine].trimStart().length;
  return {
    text,
    lineCount: all.length - 1,
    documents: documents.length,
    /** End of the image value: where one character is typed and deleted again. */
    edit: { line: imageLine, character: all[imageLine].length },
    /** Start of the key after `image:` in the same container: key completion. */
    completion: { line: keyLine, character: keyColumn },
    /** On the `image` key. */
    hover: { line: imageLine, character: all[imageLine].indexOf('image') + 2 },
  };
}
