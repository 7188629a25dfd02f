package dev.netpolplayground.web;

import dev.netpolplayground.analysis.Analysis;
import dev.netpolplayground.explain.Json;
import dev.netpolplayground.explain.MatrixReport;
import dev.netpolplayground.explain.Selection;
import dev.netpolplayground.explain.Tables;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The matrix as a download: each format with its media type, its size estimate and its writer. */
enum Export {
    CSV("csv", "text/csv; charset=utf-8", success -> Tables.estimatedCsvBytes(success.matrix()),
            success -> Tables.csv(success.matrix()).getBytes(StandardCharsets.UTF_8)),
    MARKDOWN("md", "text/markdown; charset=utf-8", success -> Tables.estimatedMarkdownBytes(success.matrix()),
            success -> Tables.markdown(success.matrix()).getBytes(StandardCharsets.UTF_8)),
    /** Pretty-printed: the indentation adds about half again to the compact estimate. */
    JSON("json", "application/json", success -> 3 * MatrixReport.estimatedBytes(success.matrix(),
            MatrixReport.Detail.FULL, Selection.ALL, Selection.ALL) / 2,
            success -> Json.pretty(MatrixReport.of(success.matrix(), success.warnings(),
                    success.probesDefaulted(), MatrixReport.Detail.FULL, Selection.ALL, Selection.ALL,
                    2 * ApiController.MAX_ANSWER_BYTES / 3))
                    .getBytes(StandardCharsets.UTF_8));

    private final String extension;
    private final String mediaType;
    private final ToLongFunction<Analysis.Success> estimate;
    private final Function<Analysis.Success, byte[]> writer;

    Export(String extension, String mediaType, ToLongFunction<Analysis.Success> estimate,
           Function<Analysis.Success, byte[]> writer) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.estimate = estimate;
        this.writer = writer;
    }

    static Optional<Export> named(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    long estimatedBytes(Analysis.Success success) {
        return estimate.applyAsLong(success);
    }

    byte[] write(Analysis.Success success) {
        return writer.apply(success);
    }
}
