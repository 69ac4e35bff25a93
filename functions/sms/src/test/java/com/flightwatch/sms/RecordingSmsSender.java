package com.flightwatch.sms;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * An {@link SmsSender} that keeps the texts it sent; queue failures to make the next sends fail, in
 * order (a queued supplier that answers null lets its send through).
 */
final class RecordingSmsSender implements SmsSender {

    record Text(String phone, String message) {
    }

    final List<Text> sent = new ArrayList<>();
    final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

    @Override
    public String send(String phoneNumber, String message) {
        RuntimeException failure = failures.isEmpty() ? null : failures.poll().get();
        if (failure != null) {
            throw failure;
        }
        sent.add(new Text(phoneNumber, message));
        return "msg-" + sent.size();
    }
}
