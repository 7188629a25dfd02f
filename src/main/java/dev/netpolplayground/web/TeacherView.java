package dev.netpolplayground.web;

/**
 * The teacher's page of a class: the links, whether it is open, and the progress (polled).
 *
 * @param base the teacher link (relative), under which the teacher's routes hang
 */
public record TeacherView(String title, String code, String studentLink, String base, boolean open, String status,
                          ProgressView progress) {
}
