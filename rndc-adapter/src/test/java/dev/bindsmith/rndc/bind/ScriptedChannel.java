package dev.bindsmith.rndc.bind;

import dev.bindsmith.rndc.client.ControlChannel;
import dev.bindsmith.rndc.client.RndcException;
import dev.bindsmith.rndc.client.RndcReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ControlChannel} that answers each exact command line with scripted replies, in order
 * (the last one repeats), and records what was sent. An unscripted command fails the test.
 */
final class ScriptedChannel implements ControlChannel {

    @FunctionalInterface
    interface Answer {
        RndcReply answer(String command) throws RndcException;
    }

    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<String> sent = new ArrayList<>();

    ScriptedChannel on(String command, Answer... answers) {
        script.computeIfAbsent(command, c -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    List<String> sent() {
        return sent;
    }

    @Override
    public RndcReply send(String command) throws RndcException {
        sent.add(command);
        Deque<Answer> answers = script.get(command);
        if (answers == null || answers.isEmpty()) {
            throw new AssertionError("unexpected command: " + command);
        }
        Answer next = answers.size() > 1 ? answers.removeFirst() : answers.getFirst();
        return next.answer(command);
    }

    @Override
    public void close() {}

    static Answer ok(String text) {
        return command -> new RndcReply(command, 0, Optional.empty(), text);
    }

    /** A failure as named 9.18 sends it: its result number, err text and (possibly empty) text. */
    static Answer fail(long result, String err, String text) {
        return command -> new RndcReply(command, result, Optional.of(err), text);
    }

    static Answer raise(RndcException e) {
        return command -> {
            throw e;
        };
    }
}
