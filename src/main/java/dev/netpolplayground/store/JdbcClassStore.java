package dev.netpolplayground.store;

import dev.netpolplayground.classes.Attempt;
import dev.netpolplayground.classes.ClassRoom;
import dev.netpolplayground.classes.DisplayNames;
import dev.netpolplayground.classes.Progress;
import dev.netpolplayground.classes.Secrets;
import dev.netpolplayground.classes.Student;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link ClassStore} over the class_room, class_student and class_check tables (db/migration V2).
 * The same SQL runs on H2 and PostgreSQL; every statement runs in auto-commit.
 */
public final class JdbcClassStore implements ClassStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int CREATE_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Clock clock;
    private final Secrets secrets = new Secrets();

    public JdbcClassStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("could not " + what, e);
        }
    }

    @Override
    public Created create(String title, List<String> exercises, Optional<Instant> endsAt) {
        ClassRoom room = null;
        String token = secrets.newToken();
        for (int attempt = 1; room == null; attempt++) {
            ClassRoom candidate = new ClassRoom(secrets.newCode(), title, exercises, endsAt, false, clock.instant());
            try {
                insert(candidate, Secrets.digest(token));
                room = candidate;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || attempt == CREATE_ATTEMPTS) {
                    throw new StoreException("could not create a class", e);
                }
            }
        }
        return new Created(room, token);
    }

    private void insert(ClassRoom room, byte[] teacherHash) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO class_room"
                     + " (code, teacher_hash, title, exercises, ends_at, closed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, room.code());
            insert.setBytes(2, teacherHash);
            insert.setString(3, room.title());
            insert.setString(4, String.join("\n", room.exercises()));
            insert.setObject(5, room.endsAt().map(JdbcClassStore::timestamp).orElse(null));
            insert.setBoolean(6, false);
            insert.setObject(7, timestamp(room.createdAt()));
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<ClassRoom> find(String code) {
        return read(code).map(Row::room);
    }

    @Override
    public Optional<ClassRoom> findForTeacher(String code, String teacherToken) {
        return read(code).filter(row -> Secrets.matches(teacherToken, row.teacherHash())).map(Row::room);
    }

    private record Row(ClassRoom room, byte[] teacherHash) {
    }

    private Optional<Row> read(String code) {
        if (Secrets.canonicalCode(code).filter(code::equals).isEmpty()) {
            return Optional.empty();
        }
        return withConnection("read class " + code, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT title, exercises, ends_at, closed,"
                    + " created_at, teacher_hash FROM class_room WHERE code = ?")) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    OffsetDateTime endsAt = row.getObject(3, OffsetDateTime.class);
                    return Optional.of(new Row(new ClassRoom(code, row.getString(1),
                            Arrays.asList(row.getString(2).split("\n")),
                            Optional.ofNullable(endsAt).map(OffsetDateTime::toInstant), row.getBoolean(4),
                            row.getObject(5, OffsetDateTime.class).toInstant()), row.getBytes(6)));
                }
            }
        });
    }

    @Override
    public Joined join(String code, String name) {
        Student student = new Student(secrets.newStudentId(), name, clock.instant());
        String token = secrets.newToken();
        return withConnection("join class " + code, connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM class_student WHERE class_code = ?")) {
                count.setString(1, code);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= MAX_STUDENTS) {
                        throw new JoinRefused(JoinRefusal.FULL);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO class_student"
                    + " (id, class_code, token_hash, name, name_key, joined_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, student.id());
                insert.setString(2, code);
                insert.setBytes(3, Secrets.digest(token));
                insert.setString(4, name);
                insert.setString(5, DisplayNames.key(name));
                insert.setObject(6, timestamp(student.joinedAt()));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new JoinRefused(JoinRefusal.NAME_TAKEN);
                }
                throw e;
            }
            return new Joined(student, token);
        });
    }

    @Override
    public Optional<Student> student(String code, String studentId, String token) {
        if (studentId == null || studentId.length() > 16 || !Secrets.isWellFormedToken(token)) {
            return Optional.empty();
        }
        return withConnection("read a student", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, joined_at, token_hash FROM class_student WHERE id = ? AND class_code = ?")) {
                select.setString(1, studentId);
                select.setString(2, code);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next() || !Secrets.matches(token, row.getBytes(3))) {
                        return Optional.empty();
                    }
                    return Optional.of(new Student(studentId, row.getString(1),
                            row.getObject(2, OffsetDateTime.class).toInstant()));
                }
            }
        });
    }

    @Override
    public void record(String code, Attempt attempt) {
        withConnection("record a Check", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO class_check (class_code,"
                    + " student_id, exercise, solved, differing_pairs, cells_utf8, answer_utf8, checked_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, code);
                insert.setString(2, attempt.studentId());
                insert.setInt(3, attempt.exercise());
                insert.setBoolean(4, attempt.solved());
                insert.setInt(5, attempt.differingPairs());
                insert.setBytes(6, StoredScenario.utf8(Attempt.encode(attempt.cells())));
                insert.setBytes(7, StoredScenario.utf8(attempt.answer()));
                insert.setObject(8, timestamp(attempt.at()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Student> students(String code) {
        return withConnection("list students", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, joined_at FROM class_student WHERE class_code = ? ORDER BY joined_at, id")) {
                select.setString(1, code);
                List<Student> students = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        students.add(new Student(row.getString(1), row.getString(2),
                                row.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
                return students;
            }
        });
    }

    @Override
    public List<Progress> progress(String code) {
        return progress(code, "", "");
    }

    @Override
    public List<Progress> progress(String code, String studentId) {
        return progress(code, " AND student_id = ?", studentId);
    }

    private List<Progress> progress(String code, String condition, String studentId) {
        return withConnection("read progress", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT p.student_id, p.exercise,"
                    + " p.attempts, p.solved, c.checked_at, c.differing_pairs FROM (SELECT student_id, exercise,"
                    + " COUNT(*) AS attempts, MAX(CASE WHEN solved THEN 1 ELSE 0 END) AS solved, MAX(id) AS last_id"
                    + " FROM class_check WHERE class_code = ?" + condition + " GROUP BY student_id, exercise) p"
                    + " JOIN class_check c ON c.id = p.last_id")) {
                select.setString(1, code);
                if (!condition.isEmpty()) {
                    select.setString(2, studentId);
                }
                List<Progress> progress = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        progress.add(new Progress(row.getString(1), row.getInt(2), row.getInt(3),
                                row.getInt(4) == 1, row.getObject(5, OffsetDateTime.class).toInstant(), row.getInt(6)));
                    }
                }
                return progress;
            }
        });
    }

    private static final String ATTEMPT_COLUMNS = "c.student_id, c.exercise, c.solved, c.differing_pairs,"
            + " c.cells_utf8, c.answer_utf8, c.checked_at";

    @Override
    public List<Attempt> latest(String code) {
        return withConnection("read the latest Checks", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ATTEMPT_COLUMNS
                    + " FROM class_check c JOIN (SELECT MAX(id) AS id FROM class_check WHERE class_code = ?"
                    + " GROUP BY student_id, exercise) l ON c.id = l.id ORDER BY c.id")) {
                select.setString(1, code);
                return attempts(select);
            }
        });
    }

    @Override
    public Optional<Attempt> latest(String code, String studentId, int exercise) {
        return withConnection("read a Check", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ATTEMPT_COLUMNS
                    + " FROM class_check c WHERE c.class_code = ? AND c.student_id = ? AND c.exercise = ?"
                    + " ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, code);
                select.setString(2, studentId);
                select.setInt(3, exercise);
                return attempts(select).stream().findFirst();
            }
        });
    }

    private static List<Attempt> attempts(PreparedStatement select) throws SQLException {
        List<Attempt> attempts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                attempts.add(new Attempt(row.getString(1), row.getInt(2), row.getBoolean(3), row.getInt(4),
                        Attempt.decode(StoredScenario.fromUtf8(row.getBytes(5))),
                        StoredScenario.fromUtf8(row.getBytes(6)), row.getObject(7, OffsetDateTime.class).toInstant()));
            }
        }
        return attempts;
    }

    @Override
    public void close(String code) {
        withConnection("close class " + code, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE class_room SET closed = TRUE WHERE code = ?")) {
                update.setString(1, code);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean delete(String code) {
        return withConnection("delete class " + code, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM class_room WHERE code = ?")) {
                delete.setString(1, code);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
