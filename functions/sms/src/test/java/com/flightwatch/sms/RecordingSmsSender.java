package com.flightwatch.sms;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** An {@link SmsSender} that keeps the texts it sent; queue failures to make the next sends fail. */
final class RecordingSmsSender implements SmsSender {

    record Text(String phone, String message) {
    }

    final List<Text> sent = new ArrayList<>();
    final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();

    @Override
    public String send(String phoneNumber, String message) {
        if (!failures.isEmpty()) {
            throw failures.poll().get();
        }
        sent.add(new Text(phoneNumber, message));
        return "msg-" + sent.size();
    }
}
