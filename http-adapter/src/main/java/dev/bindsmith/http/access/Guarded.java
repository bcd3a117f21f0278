package dev.bindsmith.http.access;

import dev.bindsmith.http.json.Answer;
import java.util.Objects;

/** What {@link GuardedApi} answered: the operation's answer (a 404 for a hidden zone among them), or a 403. */
public sealed interface Guarded {

    /** The operation ran, or was answered as if its zone did not exist. */
    record Answered(Answer answer) implements Guarded {
        public Answered {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** 403 {@code INSUFFICIENT_SCOPE}: the zone is in the grant, the verb, record type or server action is not. */
    record Refused(Policy.Decision.Insufficient why) implements Guarded {
        public Refused {
            Objects.requireNonNull(why, "why");
        }
    }
}
