package org.dang.app.advisor;

/**
 * One pending question as the panel shows it.
 *
 * @param id        the question (and later advice) id
 * @param title     who asked and why, in one line
 * @param question  the operator's words, empty when the rules asked
 * @param held      what waits for the answer, e.g. "INVOKE optimization, INVOKE analysis"
 * @param progress  the part of the deadline used, 0 to 1
 * @param timing    e.g. "35 s of 120 s"
 * @param reasoning the model's reasoning so far
 */
public record PendingRow(String id, String title, String question, String held, double progress, String timing,
                         String reasoning) {
}
