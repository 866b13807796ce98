package org.medkiosk.app.viewmodel;

import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medkiosk.hospital.Feedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional satisfaction row on a journey's done screen: one tap of 1–5 sends it, with whatever suggestion or
 * complaint was typed, in the background under one idempotency key (a retry is never a second vote). Never
 * blocking: the row says thank you at once, and a failure is logged (without the comment) and nothing more.
 */
public final class FeedbackViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackViewModel.class);

    private final Guidance guidance;
    private final String journey;
    private final String idempotencyKey = UUID.randomUUID().toString();
    private final StringProperty comment = new SimpleStringProperty("");
    /** 0 until the patient rated; then the rating, and the row thanks them. */
    private final SimpleIntegerProperty rated = new SimpleIntegerProperty(0);
    private final BooleanProperty writing = new SimpleBooleanProperty(false);

    /** @param journey the journey it is about, e.g. CHECK_IN */
    public FeedbackViewModel(Guidance guidance, String journey) {
        this.guidance = guidance;
        this.journey = journey;
    }

    /** The suggestion or complaint, at most {@link Feedback#MAX_COMMENT} characters. */
    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyIntegerProperty ratedProperty() {
        return rated;
    }

    /** Whether the on-screen keyboard is open; here, not in the row, so a redraw of the done screen keeps it open. */
    public BooleanProperty writingProperty() {
        return writing;
    }

    /** One key of the on-screen keyboard; nothing past {@link Feedback#MAX_COMMENT}. */
    public void type(char c) {
        append(String.valueOf(c));
    }

    /**
     * A ready-made topic ("Waiting time." or "等候时间。") added to what was typed; the patient's own words may
     * follow it. After Latin letters or punctuation a space comes first; Chinese needs none.
     */
    public void addTopic(String sentence) {
        String now = comment.get() == null ? "" : comment.get();
        if (!now.isEmpty()) {
            int last = now.codePointBefore(now.length());
            if (last < 0x80 && !Character.isWhitespace(last)) {
                sentence = " " + sentence;
            }
        }
        // A Latin full stop is followed by a space, so the next typed word does not stick to it.
        append(sentence.endsWith(".") ? sentence + " " : sentence);
    }

    /** The Delete key: the last character (a whole code point). */
    public void deleteLast() {
        String now = comment.get() == null ? "" : comment.get();
        if (!now.isEmpty()) {
            comment.set(now.substring(0, now.offsetByCodePoints(now.length(), -1)));
        }
    }

    /** All or nothing: a topic that does not fit is not cut in half. */
    private void append(String more) {
        String now = comment.get() == null ? "" : comment.get();
        String next = now + more;
        if (next.codePointCount(0, next.length()) <= Feedback.MAX_COMMENT) {
            comment.set(next);
        }
    }

    /** One tap: 1 (very unhappy) … 5 (very happy). Only the first counts. */
    public void rate(int satisfaction) {
        if (rated.get() != 0 || satisfaction < 1 || satisfaction > 5) {
            return;
        }
        rated.set(satisfaction);
        String text = comment.get() == null ? "" : comment.get().strip();
        if (text.codePointCount(0, text.length()) > Feedback.MAX_COMMENT) {
            text = text.substring(0, text.offsetByCodePoints(0, Feedback.MAX_COMMENT));
        }
        Feedback feedback = new Feedback(satisfaction, Optional.of(journey), Optional.of(text),
                guidance.clock().instant(), guidance.kioskId());
        if (guidance.guide().isEmpty()) {
            LOG.warn("feedback not sent: the hospital's adapter takes none");
            guidance.feedbackCounted(satisfaction, false);
            return;
        }
        guidance.tasks().background().execute(() -> {
            try {
                guidance.guide().get().sendFeedback(feedback, idempotencyKey);
                LOG.info("feedback sent: {}", feedback);
                guidance.feedbackCounted(satisfaction, true);
            } catch (RuntimeException e) {
                LOG.warn("feedback not sent ({}): {}", feedback, e.getClass().getSimpleName());
                guidance.feedbackCounted(satisfaction, false);
            }
        });
    }
}
