package org.dang.app.advisor;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The decision advisor above the decision history: the questions waiting for the model (deadline
 * bar, the model's thinking as it streams) and "Ask the advisor" for operators. Layout only.
 */
public final class AdvisorPanel extends VBox {

    private final Label availability = new Label();
    private final Label message = new Label();
    private final TextField question = new TextField();
    private final Button ask = new Button("Ask the advisor…");
    private final HBox askRow;
    private final VBox list = new VBox(6);
    private final ScrollPane scroll;
    private Tooltip denial;

    /** Builds the panel bound to {@code vm}. */
    public AdvisorPanel(AdvisorViewModel vm) {
        setId("advisor-panel");
        getStyleClass().add("advisor-panel");
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));

        Label heading = new Label("Decision advisor");
        heading.getStyleClass().add("title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        availability.setId("advisor-availability");
        availability.getStyleClass().add("muted");
        availability.setWrapText(true);
        HBox top = new HBox(12, heading, availability);

        question.setId("advisor-question");
        question.setPromptText("Ask the model about the unit now, e.g. is the column stable enough to push feed?");
        question.textProperty().bindBidirectional(vm.questionProperty());
        question.setOnAction(e -> send(vm));
        HBox.setHgrow(question, Priority.ALWAYS);
        ask.setId("advisor-ask");
        ask.setOnAction(e -> send(vm));
        message.setId("advisor-message");
        message.getStyleClass().add("muted");
        askRow = new HBox(8, question, ask);

        list.setId("advisor-pending");
        scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(260);
        scroll.setPrefViewportHeight(28);

        getChildren().addAll(top, askRow, message, scroll);
        vm.stateProperty().addListener((o, a, s) -> apply(s));
        apply(vm.stateProperty().get());
    }

    private void send(AdvisorViewModel vm) {
        if (!ask.isDisabled() && !question.getText().isBlank()) {
            vm.ask();
        }
    }

    private void apply(AdvisorState s) {
        availability.setText(s.availability());
        // Grey either way (ISA-101): a console without a model is a configuration, not an abnormal state.
        message.setText(s.message());
        message.setManaged(!s.message().isEmpty());
        message.setVisible(!s.message().isEmpty());
        ask.setDisable(!s.canAsk());
        question.setDisable(!s.canAsk());
        if (denial != null) {
            Tooltip.uninstall(askRow, denial);
            denial = null;
        }
        if (!s.canAsk()) {
            // A disabled control shows no tooltip of its own, so the reason sits on its row.
            denial = new Tooltip(s.askDenied());
            Tooltip.install(askRow, denial);
        }
        list.getChildren().setAll(s.pending().stream().map(AdvisorPanel::card).toList());
        // Room for two questions with their thinking; more scroll.
        scroll.setPrefViewportHeight(s.pending().isEmpty() ? 28 : Math.min(2, s.pending().size()) * 120);
        if (s.pending().isEmpty()) {
            Label none = new Label("No question is waiting for the model.");
            none.getStyleClass().add("muted");
            list.getChildren().add(none);
        }
    }

    private static VBox card(PendingRow r) {
        Label title = new Label(r.title());
        title.setWrapText(true);
        ProgressBar bar = new ProgressBar(r.progress());
        bar.getStyleClass().add("advisor-deadline");
        bar.setPrefWidth(240);
        Label timing = new Label(r.timing() + " until the rules decide alone");
        timing.getStyleClass().add("muted");
        Label held = new Label(r.held());
        held.getStyleClass().add("muted");
        VBox card = new VBox(4, title, new HBox(8, bar, timing, held));
        if (!r.question().isEmpty()) {
            Label q = new Label("\u201c" + r.question() + "\u201d");
            q.setWrapText(true);
            card.getChildren().add(q);
        }
        TextArea thinking = new TextArea(r.reasoning().isEmpty() ? "(the model has not started thinking aloud yet)"
                : r.reasoning());
        thinking.getStyleClass().addAll("detail", "advisor-thinking");
        thinking.setEditable(false);
        thinking.setWrapText(true);
        thinking.setPrefRowCount(3);
        thinking.positionCaret(thinking.getLength()); // newest thinking in view
        card.getChildren().add(thinking);
        card.setId("advisor-request-" + r.id());
        card.getStyleClass().add("advisor-request");
        return card;
    }
}
