package org.dang.app.chat;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The chat pane: the model line, the conversation (each reply's reasoning collapsed, the engine's
 * tool steps, the answer, setpoint proposal cards with Approve and Reject, who answered and how
 * fast), and the question box with Ask, Cancel, Ask again and Clear.
 * Layout only: it shows {@link ChatState} snapshots and forwards clicks to the view-model.
 */
public final class ChatView extends BorderPane {

    private final Label model = new Label();
    private final Label notice = new Label();
    private final VBox transcript = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(transcript);
    private final TextArea input = new TextArea();
    private final Button ask = new Button("Ask");
    private final Button cancel = new Button("Cancel");
    private final Button regenerate = new Button("Ask again");
    private final Button clear = new Button("Clear");
    private final HBox actions;
    private final Tooltip why = new Tooltip();
    private final List<ExchangeNode> nodes = new ArrayList<>();

    /** Builds the pane over {@code vm}. */
    public ChatView(ChatViewModel vm) {
        getStyleClass().add("chat-view");
        setPadding(new Insets(12, 16, 12, 16));
        model.setId("chat-model");
        model.setWrapText(true);
        notice.setId("chat-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("muted");
        VBox top = new VBox(4, model, notice);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        transcript.setId("chat-transcript");
        transcript.setPadding(new Insets(8));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chat-scroll");
        setCenter(scroll);

        input.setId("chat-input");
        input.setPromptText("Ask about the unit, e.g. why the column top temperature is rising (Ctrl+Enter asks)");
        input.setPrefRowCount(3);
        input.setWrapText(true);
        input.setOnKeyPressed(k -> {
            if (k.getCode() == KeyCode.ENTER && k.isShortcutDown() && !ask.isDisabled()) {
                askNow(vm);
                k.consume();
            }
        });
        ask.setId("chat-ask");
        ask.setDefaultButton(false);
        ask.setOnAction(e -> askNow(vm));
        cancel.setId("chat-cancel");
        cancel.setOnAction(e -> vm.cancel());
        regenerate.setId("chat-regenerate");
        regenerate.setOnAction(e -> vm.regenerate());
        clear.setId("chat-clear");
        clear.setTooltip(new Tooltip("Forget this conversation (the audit trail keeps its questions and answers)"));
        clear.setOnAction(e -> vm.clear());
        VBox buttons = new VBox(6, ask, cancel, regenerate, clear);
        buttons.setAlignment(Pos.TOP_LEFT);
        ask.setMaxWidth(Double.MAX_VALUE);
        cancel.setMaxWidth(Double.MAX_VALUE);
        regenerate.setMaxWidth(Double.MAX_VALUE);
        clear.setMaxWidth(Double.MAX_VALUE);
        actions = new HBox(8, input, buttons);
        HBox.setHgrow(input, Priority.ALWAYS);
        actions.setPadding(new Insets(8, 0, 0, 0));
        setBottom(actions);

        vm.stateProperty().addListener((o, was, now) -> show(now, vm));
        show(vm.stateProperty().get(), vm);
    }

    private void askNow(ChatViewModel vm) {
        String q = input.getText();
        if (!q.isBlank()) {
            input.clear();
            vm.ask(q);
        }
    }

    private void show(ChatState s, ChatViewModel vm) {
        model.setText(s.model());
        model.getStyleClass().setAll(s.available() ? "label" : "chat-unavailable");
        notice.setText(s.notice());
        notice.setVisible(!s.notice().isEmpty());
        notice.setManaged(!s.notice().isEmpty());
        boolean canAsk = s.available() && s.mayAsk();
        input.setDisable(!canAsk);
        ask.setDisable(!canAsk || s.busy());
        cancel.setDisable(!s.busy());
        regenerate.setDisable(!s.mayRegenerate());
        clear.setDisable(!s.mayClear());
        String reason = !s.available() ? s.model()
                : !s.mayAsk() ? s.whyNot() : "";
        if (reason.isEmpty()) {
            Tooltip.uninstall(actions, why);
            actions.setUserData(null);
        } else {
            // Disabled controls show no tooltip themselves, so the reason sits on their container.
            why.setText(reason);
            Tooltip.install(actions, why);
            actions.setUserData(reason);
        }
        while (nodes.size() > s.exchanges().size()) {
            transcript.getChildren().remove(nodes.removeLast().root);
        }
        boolean grew = false;
        for (int i = 0; i < s.exchanges().size(); i++) {
            if (i == nodes.size()) {
                ExchangeNode n = new ExchangeNode(i, vm);
                nodes.add(n);
                transcript.getChildren().add(n.root);
                grew = true;
            }
            nodes.get(i).show(s.exchanges().get(i), s);
        }
        if (grew || s.busy()) {
            scroll.layout();
            scroll.setVvalue(1.0);
        }
    }

    /** The nodes of one exchange, kept across snapshots so an expanded reasoning stays expanded. */
    private static final class ExchangeNode {
        private final VBox root = new VBox(6);
        private final Label question = new Label();
        private final Label reasoningText = new Label();
        private final TitledPane reasoning = new TitledPane("Reasoning", reasoningText);
        private final VBox steps = new VBox(2);
        private final VBox notes = new VBox(2);
        private final Label answer = new Label();
        private final VBox cards = new VBox(8);
        private final Label footer = new Label();
        private final Label error = new Label();
        private final int index;
        private final ChatViewModel vm;
        private List<CardView> shownCards = List.of();
        private boolean shownMayApprove;

        ExchangeNode(int index, ChatViewModel vm) {
            this.index = index;
            this.vm = vm;
            question.getStyleClass().add("chat-question");
            question.setWrapText(true);
            reasoningText.setWrapText(true);
            reasoningText.setMaxWidth(Double.MAX_VALUE);
            reasoningText.setAlignment(Pos.TOP_LEFT);
            reasoningText.getStyleClass().add("chat-reasoning-text");
            reasoning.setId("chat-reasoning-" + index);
            reasoning.setExpanded(false);
            reasoning.setAnimated(false);
            reasoning.getStyleClass().add("chat-reasoning");
            steps.setId("chat-steps-" + index);
            notes.setId("chat-notes-" + index);
            answer.setId("chat-answer-" + index);
            answer.setWrapText(true);
            answer.getStyleClass().add("chat-answer");
            cards.setId("chat-cards-" + index);
            footer.setId("chat-footer-" + index);
            footer.getStyleClass().add("muted");
            error.setId("chat-error-" + index);
            error.setWrapText(true);
            error.getStyleClass().add("alarm-text");
            root.getStyleClass().add("chat-exchange");
            root.getChildren().setAll(question, reasoning, notes, steps, answer, cards, footer, error);
        }

        void show(ExchangeView v, ChatState s) {
            question.setText(v.question());
            reasoningText.setText(v.reasoning());
            String tokens = v.reasoningPieces() == 1 ? "1 piece" : v.reasoningPieces() + " pieces";
            reasoning.setText(v.streaming() && v.answer().isEmpty() ? "Thinking ... (" + tokens + ")"
                    : "Reasoning" + (v.reasoningPieces() > 0 ? " (" + tokens + ")" : ""));
            boolean anyReasoning = !v.reasoning().isEmpty() || v.streaming();
            reasoning.setVisible(anyReasoning);
            reasoning.setManaged(anyReasoning);
            lines(notes, v.notes().stream().map(n -> new StepView(n, "NOTE")).toList(), "chat-note");
            lines(steps, v.steps(), "chat-step");
            answer.setText(v.answer());
            answer.setVisible(!v.answer().isEmpty());
            answer.setManaged(!v.answer().isEmpty());
            if (!v.cards().equals(shownCards) || s.mayApprove() != shownMayApprove) {
                shownCards = v.cards();
                shownMayApprove = s.mayApprove();
                cards.getChildren().setAll(v.cards().stream().map(c -> card(c, s)).toList());
            }
            footer.setText(v.streaming() ? "answering ..." : v.footer());
            error.setText(v.error().orElse(""));
            error.setVisible(v.error().isPresent());
            error.setManaged(v.error().isPresent());
        }

        private void lines(VBox box, List<StepView> items, String style) {
            while (box.getChildren().size() > items.size()) {
                box.getChildren().removeLast();
            }
            for (int i = 0; i < items.size(); i++) {
                if (i == box.getChildren().size()) {
                    Label l = new Label();
                    l.setWrapText(true);
                    l.setId(style + "-" + index + "-" + i);
                    box.getChildren().add(l);
                }
                Label l = (Label) box.getChildren().get(i);
                StepView st = items.get(i);
                String mark = switch (st.state()) {
                    case "RUNNING" -> "\u25B6 ";
                    case "COMPLETED" -> "\u2713 ";
                    case "FAILED" -> "\u2717 ";
                    default -> "";
                };
                l.setText(mark + st.text());
                l.getStyleClass().setAll("label", "FAILED".equals(st.state()) ? "alarm-text" : "muted");
            }
            box.setVisible(!items.isEmpty());
            box.setManaged(!items.isEmpty());
        }

        private Node card(CardView c, ChatState s) {
            Label title = new Label("Setpoint proposal " + c.id() + ": " + c.summary());
            title.setWrapText(true);
            title.getStyleClass().add("chat-card-title");
            VBox box = new VBox(4, title);
            for (String m : c.moves()) {
                box.getChildren().add(new Label("    " + m));
            }
            for (String n : c.notes()) {
                Label note = new Label("Safety layer: " + n);
                note.setWrapText(true);
                note.getStyleClass().add("muted");
                box.getChildren().add(note);
            }
            Button approve = new Button("Approve");
            approve.setId("chat-approve-" + c.id());
            approve.setOnAction(e -> vm.approve(c.id()));
            Button reject = new Button("Reject");
            reject.setId("chat-reject-" + c.id());
            reject.setOnAction(e -> vm.reject(c.id()));
            boolean can = c.open() && s.mayApprove();
            approve.setDisable(!can);
            reject.setDisable(!can);
            HBox buttons = new HBox(8, approve, reject);
            buttons.setId("chat-card-actions-" + c.id());
            String why = !s.mayApprove() ? s.whyNotApprove() : !c.open() ? "This proposal is closed." : "";
            if (!why.isEmpty()) {
                // Disabled buttons show no tooltip themselves, so the reason sits on their container.
                Tooltip.install(buttons, new Tooltip(why));
                buttons.setUserData(why);
            }
            box.getChildren().add(buttons);
            if (!c.outcome().isEmpty()) {
                Label outcome = new Label(c.outcome());
                outcome.setId("chat-card-outcome-" + c.id());
                outcome.setWrapText(true);
                outcome.getStyleClass().add("muted");
                box.getChildren().add(outcome);
            }
            box.getStyleClass().add("chat-card");
            box.setPadding(new Insets(8));
            return box;
        }
    }
}
