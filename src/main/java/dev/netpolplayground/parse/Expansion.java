package dev.netpolplayground.parse;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What composed documents become once every alias is expanded: the nodes and scalar characters a
 * walk over them as a tree would visit. An alias makes the composed graph share a node, and every
 * reader after the composer (shape checks, object reading, warnings) walks the tree, so ten levels
 * of ten aliases in 600 bytes are 10^10 nodes to it. Each distinct node is measured once here, so
 * this costs what the composed graph holds, however much it expands to. Only a node with an anchor
 * can be reached twice, so only those are remembered (kubectl's output has none).
 */
final class Expansion {
    /**
     * Measured sizes of anchored nodes by identity, {nodes, characters, height}; {@link #OPEN}
     * while a node's children are being measured.
     */
    private final Map<Node, long[]> sizes = new IdentityHashMap<>();
    private static final long[] OPEN = new long[3];
    private final int maxDepth;
    private long nodes;
    private long characters;
    private Node tooDeep;

    private Expansion(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** @param maxDepth nesting deeper than this, aliases expanded, stops the measuring (see {@link #tooDeep}) */
    static Expansion of(List<Node> documents, int maxDepth) {
        Expansion expansion = new Expansion(maxDepth);
        for (Node document : documents) {
            long[] size = expansion.measure(document, 0);
            if (expansion.tooDeep != null) {
                break;
            }
            expansion.nodes = saturated(expansion.nodes + size[0]);
            expansion.characters = saturated(expansion.characters + size[1]);
        }
        return expansion;
    }

    /** The first node found nested deeper than the limit, aliases expanded; then nothing else was measured. */
    Optional<Node> tooDeep() {
        return Optional.ofNullable(tooDeep);
    }

    /** Nodes of every document, as a tree: each alias counted as the whole value it stands for. */
    long nodes() {
        return nodes;
    }

    /** Characters of every scalar (keys included), as a tree. */
    long characters() {
        return characters;
    }

    /**
     * A node already being measured is an alias to one of its own ancestors (a cycle): it counts
     * as one node, and the shape check reports it.
     */
    private long[] measure(Node node, int depth) {
        boolean anchored = node.getAnchor().isPresent();
        long[] known = anchored ? sizes.get(node) : null;
        if (known == OPEN) {
            return new long[] {1, 0, 0};
        }
        if (known != null && depth + known[2] <= maxDepth) {
            return known;
        }
        if (known != null || depth > maxDepth) {
            tooDeep = node;
            return new long[] {1, 0, 0};
        }
        if (anchored) {
            sizes.put(node, OPEN);
        }
        long[] size = {1, 0, 0};
        if (node instanceof MappingNode) {
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                add(size, measure(tuple.getKeyNode(), depth + 1));
                add(size, measure(tuple.getValueNode(), depth + 1));
                if (tooDeep != null) {
                    break;
                }
            }
        } else if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                add(size, measure(item, depth + 1));
                if (tooDeep != null) {
                    break;
                }
            }
        } else {
            size[1] = ((ScalarNode) node).getValue().length();
        }
        if (anchored) {
            sizes.put(node, size);
        }
        return size;
    }

    /** Saturating: a bomb's size must not wrap around to a small number. */
    private static void add(long[] total, long[] part) {
        total[0] = saturated(total[0] + part[0]);
        total[1] = saturated(total[1] + part[1]);
        total[2] = Math.max(total[2], part[2] + 1);
    }

    private static long saturated(long value) {
        return value < 0 ? Long.MAX_VALUE : value;
    }
}
