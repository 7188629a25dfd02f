package dev.netpolplayground.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row and column of the matrix: a pod, a workload's pod template, or an address outside the
 * cluster. External endpoints have an empty namespace and no labels or ports.
 *
 * @param addressAssigned true when the pod had no IP in its status and we gave it one
 */
public record Endpoint(String id, EndpointKind kind, String namespace, String name, Map<String, String> labels,
                       List<IpAddress> ips, boolean addressAssigned, List<ContainerPort> ports, boolean hostNetwork,
                       Source source) {
    public Endpoint {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        ips = List.copyOf(ips);
        ports = List.copyOf(ports);
    }

    public static Endpoint external(IpAddress ip) {
        return new Endpoint("ip:" + ip, EndpointKind.External, "", ip.toString(), Map.of(), List.of(ip), false,
                List.of(), false, Source.NONE);
    }

    public static String podId(String namespace, String name) {
        return namespace + "/" + name;
    }

    public boolean external() {
        return kind.external();
    }

    /** Pods subject to NetworkPolicy: in the cluster and not on the host network. */
    public boolean policyApplies() {
        return !kind.external() && !hostNetwork;
    }

    /** How people write it: "x/a", "shop/web (Deployment)", "203.0.113.5". */
    public String display() {
        if (kind.external()) {
            return name;
        }
        return kind == EndpointKind.Pod ? id : id + " (" + kind + ")";
    }
}
