package dev.netpolplayground.web;

/** Shown once, right after a class is made: the student link to hand out and the teacher link to keep. */
public record ClassCreatedView(String title, String code, String studentLink, String teacherLink) {
}
