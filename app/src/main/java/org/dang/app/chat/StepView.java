package org.dang.app.chat;

/**
 * One tool step as the chat shows it.
 *
 * @param text  "running forecasting ..." while it runs, then "forecasting: result summary"
 * @param state RUNNING, COMPLETED or FAILED
 */
public record StepView(String text, String state) {
}
