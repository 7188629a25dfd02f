package dev.netpolplayground.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Scenarios carried in the URL itself: raw deflate, then base64url ("/?z=…"). No storage needed. */
public final class ShareLinks {
    /** Links longer than this are not offered (servers and chat tools cut long URLs). */
    public static final int MAX_LINK_LENGTH = 32 * 1024;
    private static final int MAX_INFLATED_BYTES = 2 * 1024 * 1024;

    private ShareLinks() {
    }

    public static String encode(String text) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The text, or empty when the parameter is not something {@link #encode} produced. */
    public static Optional<String> decode(String z) {
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(z.trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    return Optional.empty();
                }
            }
        } catch (DataFormatException corrupt) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    /** "/?z=…&probes=…&external=…", the link that restores editor and options. */
    public static String link(String text, String probes, String externals) {
        StringBuilder link = new StringBuilder(Routes.HOME + "?z=").append(encode(text));
        if (!probes.isBlank()) {
            link.append("&probes=").append(URLEncoder.encode(probes, StandardCharsets.UTF_8));
        }
        if (!externals.isBlank()) {
            link.append("&external=").append(URLEncoder.encode(externals, StandardCharsets.UTF_8));
        }
        return link.toString();
    }
}
