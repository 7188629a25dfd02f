package dev.netpolplayground.eval;

import dev.netpolplayground.Scenarios;
import dev.netpolplayground.model.Cidr;
import dev.netpolplayground.model.Endpoint;
import dev.netpolplayground.model.EndpointKind;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Namespace;
import dev.netpolplayground.model.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.netpolplayground.Scenarios.allowed;
import static dev.netpolplayground.Scenarios.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static dev.netpolplayground.eval.SemanticsFixture.*;

/** NetworkPolicy semantics, one rule per test. What becomes an endpoint: pods, workloads, addresses. */
class EndpointSemanticsTest {
    // what becomes an endpoint

    @Test
    void every_workload_kind_contributes_one_endpoint_from_its_pod_template() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop, labels: {owner: deploy-label-not-used}}
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, ports: [{name: http, containerPort: 8080}]}]
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: pg, ports: [{name: pg, containerPort: 5432}]}]
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent, namespace: ops}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      containers: [{name: agent, ports: [{name: metrics, containerPort: 9100}]}]
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: migrate}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: migrate}]
                """;
        Scenario scenario = parse(yaml);
        assertEquals(4, scenario.endpoints().size());
        Endpoint web = endpoint(scenario, "shop/web");
        assertEquals(EndpointKind.Deployment, web.kind());
        assertEquals(Map.of("app", "web"), web.labels());
        assertEquals(8080, web.ports().get(0).port());
        assertEquals("http", web.ports().get(0).name());
        assertEquals(EndpointKind.StatefulSet, endpoint(scenario, "shop/db").kind());
        assertEquals(Map.of("app", "db"), endpoint(scenario, "shop/db").labels());
        assertEquals(EndpointKind.DaemonSet, endpoint(scenario, "ops/agent").kind());
        assertEquals(9100, endpoint(scenario, "ops/agent").ports().get(0).port());
        assertEquals(EndpointKind.Job, endpoint(scenario, "shop/migrate").kind());
        assertEquals(Map.of("app", "migrate"), endpoint(scenario, "shop/migrate").labels());
    }

    @Test
    void cron_job_contributes_the_pod_template_of_its_job_template() {
        String yaml = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: backup, namespace: shop}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: backup}}
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: backup, ports: [{name: admin, containerPort: 7070}]}]
                """;
        Endpoint backup = endpoint(parse(yaml), "shop/backup");
        assertEquals(EndpointKind.CronJob, backup.kind());
        assertEquals(Map.of("app", "backup"), backup.labels());
        assertEquals(7070, backup.ports().get(0).port());
    }

    @Test
    void workload_template_labels_and_named_ports_take_part_in_policies() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web}]
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: report}}
                        spec:
                          containers: [{name: report}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-from-web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: web}}}]
                    ports: [{port: http}]
                """;
        assertTrue(allowed(yaml, "shop/web", "shop/api", "8080/TCP"));
        assertFalse(allowed(yaml, "shop/web", "shop/api", "80/TCP"));
        assertFalse(allowed(yaml, "shop/report", "shop/api", "8080/TCP"));
    }

    @Test
    void kubectl_list_output_is_read_item_by_item_ignoring_its_noise() {
        String yaml = """
                apiVersion: v1
                items:
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    annotations:
                      kubectl.kubernetes.io/restartedAt: "2024-05-01T10:00:00Z"
                    creationTimestamp: "2024-05-01T10:00:00Z"
                    generateName: web-7d4b9c-
                    labels:
                      app: web
                      pod-template-hash: 7d4b9c
                    managedFields:
                    - apiVersion: v1
                      fieldsType: FieldsV1
                      fieldsV1:
                        f:metadata:
                          f:generateName: {}
                          f:labels:
                            .: {}
                            f:app: {}
                        f:spec:
                          f:containers:
                            k:{"name":"web"}:
                              .: {}
                              f:ports:
                                .: {}
                                k:{"containerPort":8080,"protocol":"TCP"}:
                                  .: {}
                                  f:containerPort: {}
                      manager: kube-controller-manager
                      operation: Update
                      time: "2024-05-01T10:00:00Z"
                    name: web-7d4b9c-x2x7q
                    namespace: shop
                    ownerReferences:
                    - apiVersion: apps/v1
                      blockOwnerDeletion: true
                      controller: true
                      kind: ReplicaSet
                      name: web-7d4b9c
                      uid: 4f1c2d9e-0000-4000-8000-000000000001
                    resourceVersion: "123456"
                    uid: 4f1c2d9e-0000-4000-8000-000000000002
                  spec:
                    containers:
                    - image: nginx:1.27
                      imagePullPolicy: IfNotPresent
                      name: web
                      ports:
                      - containerPort: 8080
                        name: http
                        protocol: TCP
                      resources: {}
                      terminationMessagePath: /dev/termination-log
                    dnsPolicy: ClusterFirst
                    nodeName: node-1
                    restartPolicy: Always
                  status:
                    conditions:
                    - lastProbeTime: null
                      lastTransitionTime: "2024-05-01T10:00:01Z"
                      status: "True"
                      type: Ready
                    containerStatuses:
                    - name: web
                      ready: true
                      restartCount: 0
                      started: true
                      state:
                        running:
                          startedAt: "2024-05-01T10:00:01Z"
                    hostIP: 192.168.0.11
                    hostIPs:
                    - ip: 192.168.0.11
                    phase: Running
                    podIP: 10.244.1.7
                    podIPs:
                    - ip: 10.244.1.7
                    qosClass: BestEffort
                    startTime: "2024-05-01T10:00:00Z"
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata:
                    creationTimestamp: "2024-05-01T09:00:00Z"
                    generation: 1
                    name: web-http
                    namespace: shop
                    resourceVersion: "1200"
                    uid: 4f1c2d9e-0000-4000-8000-000000000003
                  spec:
                    ingress:
                    - ports:
                      - port: http
                        protocol: TCP
                    podSelector:
                      matchLabels:
                        app: web
                    policyTypes:
                    - Ingress
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    labels:
                      kubernetes.io/metadata.name: shop
                    name: shop
                  spec:
                    finalizers:
                    - kubernetes
                  status:
                    phase: Active
                kind: List
                metadata:
                  resourceVersion: ""
                """;
        Scenario scenario = parse(yaml);
        Endpoint pod = endpoint(scenario, "shop/web-7d4b9c-x2x7q");
        assertEquals(List.of(IpAddress.parse("10.244.1.7").orElseThrow()), pod.ips());
        assertFalse(pod.addressAssigned());
        assertEquals(1, scenario.policies().size());
        assertEquals(List.of("shop"), scenario.namespaces().stream().map(Namespace::name).toList());
        assertFalse(scenario.namespaces().get(0).implicit());
        Matrix matrix = Evaluator.evaluate(scenario.withExternals(List.of(OUTSIDE)),
                List.of(Scenarios.probe("8080/TCP"), Scenarios.probe("80/TCP")));
        assertTrue(cell(matrix, OUTSIDE_ID, "shop/web-7d4b9c-x2x7q", 0));
        assertFalse(cell(matrix, OUTSIDE_ID, "shop/web-7d4b9c-x2x7q", 1));
    }

    @Test
    void objects_without_a_namespace_go_to_default() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, labels: {app: web}}
                status: {podIP: 10.0.0.1}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client}
                status: {podIP: 10.0.0.2}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: client, namespace: other}
                status: {podIP: 10.0.9.2}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-from-same-namespace}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{podSelector: {}}]
                """;
        Scenario scenario = parse(yaml);
        assertEquals("default", endpoint(scenario, "default/web").namespace());
        assertEquals("default", scenario.policies().get(0).namespace());
        assertTrue(allowed(yaml, "default/client", "default/web", "80/TCP"));
        assertFalse(allowed(yaml, "other/client", "default/web", "80/TCP"));
    }

    @Test
    void pods_without_an_ip_get_a_deterministic_address_in_10_244_0_0_16() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: also-pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: running, namespace: shop}
                status: {podIP: 10.244.3.3}
                """;
        Scenario first = parse(yaml);
        Scenario again = parse(yaml);
        Endpoint pending = endpoint(first, "shop/pending");
        Endpoint alsoPending = endpoint(first, "shop/also-pending");
        assertTrue(pending.addressAssigned());
        assertTrue(alsoPending.addressAssigned());
        assertFalse(endpoint(first, "shop/running").addressAssigned());
        for (Endpoint endpoint : List.of(pending, alsoPending)) {
            assertEquals(1, endpoint.ips().size());
            assertTrue(new Cidr(IpAddress.parse("10.244.0.0").orElseThrow(), 16)
                    .contains(endpoint.ips().get(0)), endpoint.ips().toString());
        }
        assertNotEquals(pending.ips(), alsoPending.ips());
        assertEquals(pending.ips(), endpoint(again, "shop/pending").ips());
        assertEquals(alsoPending.ips(), endpoint(again, "shop/also-pending").ips());
    }

    @Test
    void assigned_addresses_take_part_in_ip_blocks_and_are_warned_about() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {name: pending, namespace: shop}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: db, namespace: shop, labels: {app: db}}
                status: {podIP: 10.0.1.3}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: from-pod-network, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.244.0.0/16}}]
                """;
        assertTrue(allowed(yaml, "shop/pending", "shop/db", "80/TCP"));
        assertTrue(Scenarios.warnings(yaml).stream().anyMatch(w -> w.message().contains("10.244.0.0/16")));
    }
}
