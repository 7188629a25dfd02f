package dev.netpolplayground.exercises;

import dev.netpolplayground.explain.Json;
import dev.netpolplayground.model.Exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An exercise in the exercise file format (docs/exercises.md), written as JSON, which the YAML
 * reader of parse/ExerciseParser reads as it is: what "Make an exercise" stores.
 */
public final class ExerciseWriter {
    private ExerciseWriter() {
    }

    public static String json(Exercise exercise) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", exercise.id());
        out.put("title", exercise.title());
        out.put("level", exercise.level());
        out.put("brief", exercise.brief());
        out.put("cluster", exercise.cluster());
        out.put("starter", exercise.starter());
        out.put("probes", exercise.probes());
        out.put("external", exercise.externals());
        List<Map<String, Object>> expect = new ArrayList<>();
        for (Exercise.Expectation expectation : exercise.goal().expectations()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("from", expectation.from());
            item.put("to", expectation.to());
            item.put("probes", String.join(",", expectation.probes().stream().map(Object::toString).toList()));
            item.put("allowed", expectation.allowed());
            expect.add(item);
        }
        out.put("goal", Map.of("default", exercise.goal().fallback().name().toLowerCase(Locale.ROOT), "expect", expect));
        out.put("hints", exercise.hints());
        out.put("debrief", exercise.debrief());
        return Json.pretty(out);
    }
}
