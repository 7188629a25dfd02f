package dev.netpolplayground.classes;

import java.time.Instant;
import java.util.List;

/**
 * One recorded Check: a student's answer to exercise {@code exercise} (counted from 1), whether it
 * solved it, how many pairs differed from the goal (-1 when the answer had problems and was not
 * graded), which cells differed, and when.
 */
public record Attempt(String studentId, int exercise, boolean solved, int differingPairs, List<Cell> cells,
                      String answer, Instant at) {
    /** How many differing cells one Check keeps: enough for any classroom cluster. */
    public static final int MAX_CELLS = 400;

    public Attempt {
        cells = List.copyOf(cells.size() > MAX_CELLS ? cells.subList(0, MAX_CELLS) : cells);
    }

    public boolean graded() {
        return differingPairs >= 0;
    }

    /**
     * A cell that differed: source and destination endpoint ids, the probe ("80/TCP"), and what the
     * goal expects there.
     */
    public record Cell(String from, String to, String probe, boolean expected) {
        public Cell {
            for (String part : new String[] {from, to, probe}) {
                if (part.indexOf('|') >= 0 || part.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("not a cell part: " + part);
                }
            }
        }

        /** {@code shop/web|shop/db|80/TCP}: how the cell is addressed everywhere. */
        public String id() {
            return from + "|" + to + "|" + probe;
        }

        String encoded() {
            return id() + "|" + (expected ? "allowed" : "denied");
        }

        static Cell decode(String line) {
            String[] parts = line.split("\\|", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("not an encoded cell: " + line);
            }
            return new Cell(parts[0], parts[1], parts[2], parts[3].equals("allowed"));
        }
    }

    /** The cells as stored: one line each. */
    public static String encode(List<Cell> cells) {
        StringBuilder text = new StringBuilder();
        for (Cell cell : cells) {
            text.append(cell.encoded()).append('\n');
        }
        return text.toString();
    }

    public static List<Cell> decode(String text) {
        return text.lines().filter(l -> !l.isEmpty()).map(Cell::decode).toList();
    }
}
