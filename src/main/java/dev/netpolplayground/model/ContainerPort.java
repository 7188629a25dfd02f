package dev.netpolplayground.model;

/** A port a pod's container declares; {@code name} is empty when the port is unnamed. */
public record ContainerPort(String name, int port, Protocol protocol) {
    public ContainerPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean named() {
        return !name.isEmpty();
    }
}
