package dev.netpolplayground.parse;

import dev.netpolplayground.model.ContainerPort;
import dev.netpolplayground.model.IpAddress;
import dev.netpolplayground.model.Protocol;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a pod spec contributes: container ports and hostNetwork; and a Pod's addresses. */
final class WorkloadParser {
    private final Reader reader;

    WorkloadParser(Reader reader) {
        this.reader = reader;
    }

    record PodSpec(List<ContainerPort> ports, boolean hostNetwork) {
    }

    PodSpec podSpec(Reader.Fields spec) {
        List<ContainerPort> ports = new ArrayList<>();
        Map<String, String> namesInPod = new HashMap<>();
        for (String group : List.of("initContainers", "containers")) {
            List<Node> containers = spec.list(group).orElse(List.of());
            for (int c = 0; c < containers.size(); c++) {
                String containerPath = Reader.index(spec.path(group), c);
                Optional<Reader.Fields> container = reader.fields(containers.get(c), containerPath);
                if (container.isEmpty() || (group.equals("initContainers") && !sidecar(container.get()))) {
                    continue;
                }
                List<Node> portNodes = container.get().list("ports").orElse(List.of());
                Map<String, String> namesInContainer = new HashMap<>();
                for (int p = 0; p < portNodes.size(); p++) {
                    String portPath = Reader.index(container.get().path("ports"), p);
                    containerPort(portNodes.get(p), portPath, namesInContainer, namesInPod).ifPresent(ports::add);
                }
            }
        }
        boolean hostNetwork = spec.get("hostNetwork").flatMap(node -> reader.bool(node, spec.path("hostNetwork")))
                .orElse(false);
        return new PodSpec(ports, hostNetwork);
    }

    /** Init containers serve ports only as sidecars (restartPolicy: Always); others have exited. */
    private static boolean sidecar(Reader.Fields container) {
        return container.get("restartPolicy").filter(n -> n instanceof ScalarNode)
                .map(n -> ((ScalarNode) n).getValue()).filter("Always"::equals).isPresent();
    }

    /** Port names must be unique within a container (an error) and should be within a pod (a warning). */
    private Optional<ContainerPort> containerPort(Node node, String path, Map<String, String> namesInContainer,
                                                  Map<String, String> namesInPod) {
        Optional<Reader.Fields> maybePort = reader.fields(node, path);
        if (maybePort.isEmpty()) {
            return Optional.empty();
        }
        Reader.Fields port = maybePort.get();
        if (!port.has("containerPort")) {
            reader.error(port.node(), port.path("containerPort"), "containerPort is required");
            return Optional.empty();
        }
        Optional<Integer> number = port.integer("containerPort");
        number.filter(n -> n < 1 || n > 65535).ifPresent(n -> reader.error(port.anchor("containerPort"),
                port.path("containerPort"), "containerPort " + n + " must be between 1 and 65535"));
        String name = port.string("name").orElse("");
        if (!name.isEmpty()) {
            Optional<String> problem = Names.portName(name);
            problem.ifPresent(text -> reader.error(port.anchor("name"), port.path("name"),
                    "port name '" + Reader.abbreviate(name) + "' " + text));
            String earlier = namesInContainer.putIfAbsent(name, path);
            String elsewhere = namesInPod.putIfAbsent(name, path);
            if (earlier != null) {
                reader.error(port.anchor("name"), port.path("name"), "port name '" + name
                        + "' is already used by " + earlier + "; names must be unique within a container");
            } else if (elsewhere != null) {
                reader.warn(port.anchor("name"), port.path("name"), "port name '" + name + "' is also used by "
                        + elsewhere + "; a policy naming it matches whichever the plugin finds first");
            }
        }
        Optional<Protocol> protocol = port.protocol();
        if (protocol.isEmpty() || number.isEmpty() || number.get() < 1 || number.get() > 65535) {
            return Optional.empty();
        }
        return Optional.of(new ContainerPort(name, number.get(), protocol.get()));
    }

    /** status.podIPs (all of them) and status.podIP, without repeats. */
    List<IpAddress> podAddresses(Reader.Fields pod) {
        Set<IpAddress> addresses = new LinkedHashSet<>();
        Optional<Reader.Fields> status = pod.fields("status");
        if (status.isEmpty()) {
            return List.of();
        }
        status.get().get("podIP").ifPresent(node -> address(node, status.get().path("podIP")).ifPresent(addresses::add));
        List<Node> podIps = status.get().list("podIPs").orElse(List.of());
        for (int i = 0; i < podIps.size(); i++) {
            String path = Reader.index(status.get().path("podIPs"), i);
            reader.fields(podIps.get(i), path).flatMap(entry -> entry.get("ip").flatMap(node ->
                    address(node, entry.path("ip")))).ifPresent(addresses::add);
        }
        return new ArrayList<>(addresses);
    }

    private Optional<IpAddress> address(Node node, String path) {
        return reader.string(node, path).flatMap(text -> {
            Optional<IpAddress> address = IpAddress.parse(text);
            if (address.isEmpty()) {
                reader.error(node, path, "'" + Reader.abbreviate(text) + "' is not a valid IP address");
            }
            return address;
        });
    }
}
