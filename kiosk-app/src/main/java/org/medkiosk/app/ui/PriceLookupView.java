package org.medkiosk.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.app.viewmodel.PriceLookupViewModel;
import org.medkiosk.app.viewmodel.PriceLookupViewModel.Results;
import org.medkiosk.hospital.PriceItem;

/**
 * Price lookup (物价查询). A kiosk has no system on-screen keyboard, so pinyin initials ("XCG" for 血常规) are typed on
 * the kiosk's own letter keys; Chinese and English come from a hardware keyboard into the same field. Results: name,
 * price per unit, and what to know before (fasting…).
 */
final class PriceLookupView extends VBox {
    private final PriceLookupViewModel model;
    private final VBox results = new VBox(12);
    private final javafx.beans.InvalidationListener relabel = o -> showResults();

    PriceLookupView(PriceLookupViewModel model) {
        this.model = model;
        setId("prices-screen");
        getStyleClass().add("screen");
        setSpacing(18);
        setAlignment(Pos.TOP_CENTER);

        Label title = JourneyView.title(I18n.bind("prices.title"));
        Label hint = JourneyView.wrapped(I18n.bind("prices.hint"), "subtitle");
        TextField field = new TextField();
        field.setId("price-query");
        field.getStyleClass().addAll("text-field", "guidance-field");
        field.setAccessibleText(I18n.tr("prices.field"));
        field.textProperty().bindBidirectional(model.queryProperty());
        field.setTextFormatter(new javafx.scene.control.TextFormatter<String>(change ->
                change.getControlNewText().length() > PriceLookupViewModel.MAX_QUERY ? null : change));
        field.setMaxWidth(720);

        javafx.scene.layout.FlowPane keys = LetterKeys.add(LetterKeys.pad("price-keypad"), "price-key-",
                LetterKeys.LETTERS, model::type);
        Button delete = JourneyView.secondary("price-key-delete", I18n.bind("prices.delete"), model::delete);
        Button clear = JourneyView.secondary("price-key-clear", I18n.bind("prices.clear"), model::clear);
        HBox edits = new HBox(JourneyView.TARGET_GAP, delete, clear);
        edits.setAlignment(Pos.CENTER);
        keys.getChildren().add(edits);

        results.setId("price-results");
        results.setFillWidth(true);
        model.resultsProperty().addListener((o, was, now) -> showResults());
        I18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        showResults();

        Region push = new Region();
        VBox.setVgrow(push, Priority.ALWAYS);
        Button home = JourneyView.secondary("home-button", I18n.bind("journey.home"), model::leave);
        Label caption = JourneyView.wrapped(I18n.bind("prices.field"), "field-caption");
        caption.setLabelFor(field);
        getChildren().addAll(title, hint, caption, field, keys, results, push, home);
    }

    private void showResults() {
        Results r = model.resultsProperty().get();
        List<Node> out = new ArrayList<>();
        if (r instanceof Results.Searching) {
            out.add(JourneyView.wrapped(I18n.bind("journey.loading"), "subtitle"));
        } else if (r instanceof Results.Unavailable) {
            out.add(JourneyView.wrapped(I18n.bind("notice.unavailable.title"), "subtitle"));
        } else if (r instanceof Results.Found found) {
            if (found.items().isEmpty()) {
                Label none = JourneyView.wrapped(I18n.bind("prices.none"), "subtitle");
                none.setId("price-none");
                out.add(none);
            }
            for (PriceItem item : found.items()) {
                out.add(line(item));
            }
        }
        results.getChildren().setAll(out);
    }

    private static Node line(PriceItem item) {
        Label name = JourneyView.plain(JourneyView.local(item.name()), "card-title");
        name.setId("price-name-" + item.code());
        String unit = JourneyView.local(item.unit());
        Label price = JourneyView.plain(I18n.tr("prices.price", item.price().toString(), unit.isEmpty() ? "—" : unit),
                "amount");
        price.setId("price-amount-" + item.code());
        VBox card = new VBox(6, name, price);
        String notes = JourneyView.local(item.notes());
        if (!notes.isBlank()) {
            Label n = JourneyView.plain(notes, "subtitle");
            n.setId("price-notes-" + item.code());
            card.getChildren().add(n);
        }
        card.setId("price-item-" + item.code());
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER_LEFT);
        return card;
    }
}
