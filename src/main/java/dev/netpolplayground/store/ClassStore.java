package dev.netpolplayground.store;

import dev.netpolplayground.classes.Attempt;
import dev.netpolplayground.classes.ClassRoom;
import dev.netpolplayground.classes.Progress;
import dev.netpolplayground.classes.Student;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Classes, their students and every Check, kept in the database only, so that any number of
 * server instances on one database serve the same class. Every write is one committed statement:
 * once a method returns, what it wrote survives a kill -9 of the server.
 *
 * <p>Codes and tokens are made here ({@link dev.netpolplayground.classes.Secrets}); tokens are
 * stored only as digests. Every method throws {@link StoreException} when the database fails.
 */
public interface ClassStore {
    /** How many students may join one class. */
    int MAX_STUDENTS = 300;

    /** A new class and the teacher's token, which nothing can show again. */
    record Created(ClassRoom room, String teacherToken) {
    }

    Created create(String title, List<String> exercises, Optional<Instant> endsAt);

    /** The class under {@code code} (canonical form), for anyone who knows the code. */
    Optional<ClassRoom> find(String code);

    /** The class under {@code code} when {@code teacherToken} is its teacher's. */
    Optional<ClassRoom> findForTeacher(String code, String teacherToken);

    /** A student who joined, and the token their browser keeps. */
    record Joined(Student student, String token) {
    }

    /** Why a join did not happen. */
    enum JoinRefusal { NAME_TAKEN, FULL }

    /** Thrown by {@link #join} for a name already in the class or a full class. */
    final class JoinRefused extends RuntimeException {
        private final JoinRefusal reason;

        public JoinRefused(JoinRefusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public JoinRefusal reason() {
            return reason;
        }
    }

    /** Joins {@code name} (normalized and checked by the caller) to the class. */
    Joined join(String code, String name);

    /** The student of class {@code code} whose id and token these are. */
    Optional<Student> student(String code, String studentId, String token);

    /** Records a Check; when this returns, it is committed. */
    void record(String code, Attempt attempt);

    List<Student> students(String code);

    /** Every student's standing on every exercise they checked. */
    List<Progress> progress(String code);

    /** One student's standing on every exercise they checked. */
    List<Progress> progress(String code, String studentId);

    /** The latest Check of each student on each exercise. */
    List<Attempt> latest(String code);

    /** The latest Check of one student on one exercise. */
    Optional<Attempt> latest(String code, String studentId, int exercise);

    /** Stops joins and recording; what was recorded stays. */
    void close(String code);

    /** Removes the class with its students and every answer; false when there was none. */
    boolean delete(String code);
}
