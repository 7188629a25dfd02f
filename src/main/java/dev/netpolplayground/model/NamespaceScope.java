package dev.netpolplayground.model;

/** Which namespaces a pod peer looks in. */
public sealed interface NamespaceScope permits NamespaceScope.PolicyNamespace, NamespaceScope.AllNamespaces,
        NamespaceScope.Matching {

    boolean matches(Namespace namespace);

    /** No namespaceSelector: only the policy's own namespace. */
    record PolicyNamespace(String name) implements NamespaceScope {
        public boolean matches(Namespace namespace) {
            return namespace.name().equals(name);
        }

        @Override
        public String toString() {
            return "namespace " + name;
        }
    }

    /** {@code namespaceSelector: {}}: every namespace. */
    record AllNamespaces() implements NamespaceScope {
        public boolean matches(Namespace namespace) {
            return true;
        }

        @Override
        public String toString() {
            return "all namespaces";
        }
    }

    /** A non-empty namespaceSelector. */
    record Matching(LabelSelector selector) implements NamespaceScope {
        public boolean matches(Namespace namespace) {
            return selector.matches(namespace.labels());
        }

        @Override
        public String toString() {
            return "namespaces " + selector;
        }
    }
}
