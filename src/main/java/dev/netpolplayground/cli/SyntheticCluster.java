package dev.netpolplayground.cli;

import java.util.Random;

/**
 * Writes a cluster dump shaped like a real one, for benchmarks: namespaces owned by teams, apps
 * running as several identical replicas (as Deployments make them), and the policies teams write —
 * default deny, allow from the app's clients, allow from monitoring, DNS egress, egress to the
 * internet except private ranges, named ports.
 */
final class SyntheticCluster {
    private SyntheticCluster() {
    }

    static String yaml(int pods, int policies, int namespaces, long seed) {
        return yaml(pods, policies, namespaces, 0, seed);
    }

    /**
     * @param clusterPolicies ClusterNetworkPolicies to add, as an admin team writes them: tenant
     *                        guardrails (Deny between teams), Pass to namespace owners, monitoring
     *                        accepted, egress to the internet but not 10/8, and a Baseline default deny
     */
    static String yaml(int pods, int policies, int namespaces, int clusterPolicies, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(pods * 420 + policies * 600);
        for (int n = 0; n < namespaces; n++) {
            out.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-").append(n)
                    .append("\n  labels:\n    team: team-").append(n % 7)
                    .append("\n    env: ").append(n % 3 == 0 ? "prod" : "dev").append("\n---\n");
        }
        int replicas = 10;
        int apps = Math.max(1, pods / replicas);
        for (int p = 0; p < pods; p++) {
            int app = p % apps;
            int namespace = app % namespaces;
            out.append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: app-").append(app).append("-").append(p)
                    .append("\n  namespace: ns-").append(namespace)
                    .append("\n  labels:\n    app: app-").append(app)
                    .append("\n    tier: ").append(tier(app))
                    .append("\n    pod-template-hash: h").append(app)
                    .append("\nspec:\n  containers:\n  - name: main\n    ports:\n    - name: http\n      containerPort: 8080")
                    .append("\n    - name: metrics\n      containerPort: 9090\nstatus:\n  podIP: 10.")
                    .append(1 + (p >> 16)).append('.').append((p >> 8) & 255).append('.').append(p & 255)
                    .append("\n---\n");
        }
        for (int i = 0; i < policies; i++) {
            int namespace = i % namespaces;
            int app = (random.nextInt(Math.max(1, apps / namespaces)) * namespaces + namespace) % apps;
            out.append("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: policy-").append(i)
                    .append("\n  namespace: ns-").append(namespace).append("\nspec:\n");
            switch (i % 6) {
                case 0:
                    out.append("  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - to:\n")
                            .append("    - namespaceSelector: {}\n  - ports:\n")
                            .append("    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}\n");
                    break;
                case 1:
                    out.append("  podSelector:\n    matchLabels: {app: app-").append(app).append("}\n  ingress:\n")
                            .append("  - from:\n    - podSelector:\n        matchLabels: {tier: web}\n")
                            .append("    ports:\n    - {port: http}\n");
                    break;
                case 2:
                    out.append("  podSelector:\n    matchExpressions:\n    - {key: tier, operator: In, values: [api, db]}\n")
                            .append("  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels: {team: team-")
                            .append(random.nextInt(7)).append("}\n      podSelector:\n        matchLabels: {tier: api}\n")
                            .append("    ports:\n    - {port: 8080}\n");
                    break;
                case 3:
                    out.append("  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector:\n")
                            .append("        matchLabels: {kubernetes.io/metadata.name: ns-0}\n    ports:\n")
                            .append("    - {port: 9090}\n");
                    break;
                case 4:
                    out.append("  podSelector:\n    matchLabels: {tier: web}\n  policyTypes: [Egress]\n  egress:\n")
                            .append("  - to:\n    - ipBlock:\n        cidr: 0.0.0.0/0\n        except: [10.0.0.0/8]\n")
                            .append("    ports:\n    - {port: 443}\n  - to:\n    - podSelector:\n")
                            .append("        matchLabels: {app: app-").append(app).append("}\n");
                    break;
                default:
                    out.append("  podSelector:\n    matchLabels: {app: app-").append(app).append("}\n  ingress:\n")
                            .append("  - from:\n    - podSelector:\n        matchLabels: {app: app-")
                            .append(random.nextInt(apps)).append("}\n      namespaceSelector: {}\n")
                            .append("    ports:\n    - {port: 8000, endPort: 8100}\n");
            }
            out.append("---\n");
        }
        for (int i = 0; i < clusterPolicies; i++) {
            int team = i % 7;
            out.append("apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata:\n")
                    .append("  name: cluster-").append(i).append("\nspec:\n");
            switch (i % 5) {
                case 0:
                    out.append("  tier: Admin\n  priority: ").append(10 + i % 50).append("\n  subject:\n")
                            .append("    namespaces: {matchLabels: {team: team-").append(team).append("}}\n")
                            .append("  ingress:\n  - name: other-teams\n    action: Deny\n    from:\n")
                            .append("    - namespaces: {matchExpressions: [{key: team, operator: NotIn, values: [team-")
                            .append(team).append(", team-0]}]}\n");
                    break;
                case 1:
                    out.append("  tier: Admin\n  priority: ").append(100 + i % 100).append("\n  subject:\n")
                            .append("    pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels:")
                            .append(" {tier: db}}}\n  ingress:\n  - {name: owners, action: Pass, from: [{namespaces: {}}],")
                            .append(" protocols: [{tcp: {destinationPort: {number: 8080}}}]}\n");
                    break;
                case 2:
                    out.append("  tier: Admin\n  priority: ").append(200 + i % 100).append("\n  subject: {namespaces: {}}\n")
                            .append("  ingress:\n  - name: monitoring\n    action: Accept\n    from:\n")
                            .append("    - namespaces: {matchLabels: {kubernetes.io/metadata.name: ns-0}}\n")
                            .append("    protocols: [{destinationNamedPort: metrics}]\n");
                    break;
                case 3:
                    out.append("  tier: Admin\n  priority: ").append(300 + i % 100).append("\n  subject:\n")
                            .append("    namespaces: {matchLabels: {team: team-").append(team).append("}}\n")
                            .append("  egress:\n  - {name: pods, action: Pass, to: [{namespaces: {}}]}\n")
                            .append("  - {name: private, action: Deny, to: [{networks: [10.0.0.0/8]}]}\n")
                            .append("  - {name: internet, action: Accept, to: [{networks: [0.0.0.0/0]}],")
                            .append(" protocols: [{tcp: {destinationPort: {number: 443}}}]}\n");
                    break;
                default:
                    out.append("  tier: Baseline\n  priority: ").append(i % 1000).append("\n  subject:\n")
                            .append("    namespaces: {matchLabels: {team: team-").append(team).append("}}\n")
                            .append("  ingress:\n  - {name: default-deny, action: Deny, from: [{namespaces: {}}]}\n");
            }
            out.append("---\n");
        }
        return out.toString();
    }

    private static String tier(int app) {
        switch (app % 3) {
            case 0:
                return "web";
            case 1:
                return "api";
            default:
                return "db";
        }
    }
}
