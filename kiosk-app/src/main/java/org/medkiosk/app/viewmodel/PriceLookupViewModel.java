package org.medkiosk.app.viewmodel;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medkiosk.hospital.PriceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Price lookup (物价查询): what the visitor typed (pinyin initials on the on-screen letter keys, or Chinese and English
 * from a keyboard) and the hospital's matching price-list lines. Each change of the query asks the hospital in the
 * background; an answer to an older query is dropped.
 */
public final class PriceLookupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PriceLookupViewModel.class);
    public static final int LIMIT = 30;
    public static final int MAX_QUERY = 40;

    /** What the results area shows. */
    public sealed interface Results {
        record Empty() implements Results {
        }

        record Searching() implements Results {
        }

        record Found(List<PriceItem> items) implements Results {
            public Found {
                items = List.copyOf(items);
            }
        }

        record Unavailable() implements Results {
        }
    }

    private final Guidance guidance;
    private final Runnable leave;
    private final StringProperty query = new SimpleStringProperty("");
    private final SimpleObjectProperty<Results> results = new SimpleObjectProperty<>(new Results.Empty());
    private long asked;

    public PriceLookupViewModel(Guidance guidance, Runnable leave) {
        this.guidance = guidance;
        this.leave = leave;
        query.addListener((o, was, now) -> search(now));
    }

    /** Bound to the text field: a hardware keyboard types Chinese or English here. */
    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyObjectProperty<Results> resultsProperty() {
        return results;
    }

    /** One letter key of the on-screen keypad. */
    public void type(char letter) {
        String now = query.get() == null ? "" : query.get();
        if (now.length() < MAX_QUERY) {
            query.set(now + letter);
        }
    }

    public void delete() {
        String now = query.get() == null ? "" : query.get();
        if (!now.isEmpty()) {
            query.set(now.substring(0, now.offsetByCodePoints(now.length(), -1)));
        }
    }

    public void clear() {
        query.set("");
    }

    public void leave() {
        leave.run();
    }

    private void search(String text) {
        long mine = ++asked;
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            results.set(new Results.Empty());
            return;
        }
        if (guidance.guide().isEmpty()) {
            results.set(new Results.Unavailable());
            return;
        }
        results.set(new Results.Searching());
        guidance.tasks().background().execute(() -> {
            Results answer;
            try {
                answer = new Results.Found(guidance.guide().get().findPrices(q, LIMIT));
            } catch (RuntimeException e) {
                LOG.warn("price lookup failed: {}", e.getClass().getSimpleName());
                answer = new Results.Unavailable();
            }
            Results a = answer;
            guidance.tasks().ui().execute(() -> {
                if (mine == asked) {
                    results.set(a);
                }
            });
        });
    }
}
