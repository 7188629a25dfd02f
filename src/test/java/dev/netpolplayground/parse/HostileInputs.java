package dev.netpolplayground.parse;

/** Texts an attacker would send, shared by the parser's and the server's tests. */
public final class HostileInputs {
    private HostileInputs() {
    }

    /** {@code levels} levels of ten aliases each over a list of {@code leaf}: 600 bytes can be 10^10 nodes. */
    public static String aliasBomb(int levels, String leaf) {
        StringBuilder text = new StringBuilder("a0: &a0 [" + leaf + "]\n");
        for (int level = 1; level <= levels; level++) {
            text.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                text.append(i == 0 ? "" : ", ").append("*a").append(level - 1);
            }
            text.append("]\n");
        }
        return text.toString();
    }

    /** {@code count} pods without policies in one namespace: small to send, count² cells to answer. */
    public static String pods(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p").append(i).append("}\n");
        }
        return text.toString();
    }
}
