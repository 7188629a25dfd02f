package dev.netpolplayground.web;

/** A student's latest answer to one exercise, as the teacher sees it: the text and its graded matrix. */
public record AnswerView(String classTitle, String teacherBase, String student, int number, String exercise,
                         String at, String answer, CheckView check) {
}
