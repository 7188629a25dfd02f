package dev.netpolplayground.model;

/** Which namespaces a pod peer looks in. */
public sealed interface NamespaceScope permits NamespaceScope.PolicyNamespace, NamespaceScope.AllNamespaces,
        NamespaceScope.Matching {

    boolean matches(Namespace namespace);

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of scope, for what another layer says about each. */
    interface Visitor<R> {
        R policyNamespace(PolicyNamespace scope);

        R all(AllNamespaces scope);

        R matching(Matching scope);
    }

    /** No namespaceSelector: only the policy's own namespace. */
    record PolicyNamespace(String name) implements NamespaceScope {
        public boolean matches(Namespace namespace) {
            return namespace.name().equals(name);
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.policyNamespace(this);
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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.all(this);
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

        public <R> R accept(Visitor<R> visitor) {
            return visitor.matching(this);
        }

        @Override
        public String toString() {
            return "namespaces " + selector;
        }
    }
}
