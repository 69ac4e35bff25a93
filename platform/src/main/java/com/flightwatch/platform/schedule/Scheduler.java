package com.flightwatch.platform.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flightwatch.platform.lambda.InvocationResult;
import com.flightwatch.platform.lambda.InvocationType;
import com.flightwatch.platform.lambda.Invoker;
import com.flightwatch.platform.stack.AwsIds;
import com.flightwatch.platform.stack.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stack's EventBridge schedules: each enabled rule invokes its target functions with a
 * {@code Scheduled Event} (or the target's constant input) whenever its expression fires. A run
 * that is late (the platform was busy or stopped) fires once, not once per missed period.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Invoker invoker;
    private final String region;
    private final Clock clock;
    private final Map<String, ScheduleSpec> rules = new LinkedHashMap<>();
    private final Map<String, ScheduleExpression> expressions = new LinkedHashMap<>();
    private final Map<String, Instant> nextFires = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** @throws InvalidScheduleExpressionException when a rule's expression cannot run locally */
    public Scheduler(Invoker invoker, List<ScheduleSpec> schedules, String region, Clock clock) {
        this.invoker = invoker;
        this.region = region;
        this.clock = clock;
        for (ScheduleSpec schedule : schedules) {
            expressions.put(schedule.logicalId(), ScheduleExpression.parse(schedule.scheduleExpression()));
            rules.put(schedule.logicalId(), schedule);
        }
        AtomicInteger threads = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "scheduler-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        for (ScheduleSpec rule : rules.values()) {
            if (!rule.enabled() || rule.targets().isEmpty()) {
                LOG.info("Schedule {} ({}) does not run: {}", rule.name(), rule.scheduleExpression(),
                        rule.enabled() ? "no function targets" : "disabled");
                continue;
            }
            scheduleNext(rule, clock.instant());
            LOG.info("Schedule {} runs {} on {}", rule.name(), rule.scheduleExpression(),
                    rule.targets().stream().map(ScheduleSpec.Target::functionName).toList());
        }
    }

    /**
     * Fires the rule now, as its schedule would, and waits for its targets. Its timer is left as it
     * was: the next scheduled run still comes.
     * @param nameOrId the rule's name or its logical id in the template
     * @return one result per target
     * @throws UnknownScheduleException when the stack has no such rule
     */
    public List<InvocationResult> fireNow(String nameOrId) {
        ScheduleSpec rule = find(nameOrId).orElseThrow(() -> new UnknownScheduleException(nameOrId, rules.keySet()));
        return fire(rule, clock.instant());
    }

    /** The stack's rules in template order, each with its next fire time. */
    public List<ScheduledRule> rules() {
        return rules.values().stream().map(rule -> new ScheduledRule(rule, nextFires.get(rule.logicalId()))).toList();
    }

    /** The rule of that logical id, else the one of that name. */
    public Optional<ScheduleSpec> find(String nameOrId) {
        ScheduleSpec byId = rules.get(nameOrId);
        if (byId != null) {
            return Optional.of(byId);
        }
        return rules.values().stream().filter(rule -> rule.name().equals(nameOrId)).findFirst();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scheduleNext(ScheduleSpec rule, Instant after) {
        Instant next = expressions.get(rule.logicalId()).nextAfter(after);
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        nextFires.put(rule.logicalId(), next);
        try {
            timer.schedule(() -> {
                try {
                    fire(rule, next);
                } catch (RuntimeException e) {
                    LOG.warn("Schedule {} could not invoke its targets: {}", rule.name(), e.getMessage());
                } finally {
                    scheduleNext(rule, later(next, clock.instant()));
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Closing: nothing more to schedule.
        }
    }

    private List<InvocationResult> fire(ScheduleSpec rule, Instant time) {
        return rule.targets().stream().map(target -> {
            byte[] event = target.inputJson() != null
                    ? target.inputJson().getBytes(StandardCharsets.UTF_8)
                    : scheduledEvent(rule, time);
            InvocationResult result = invoker.invoke(target.functionName(), event, InvocationType.EVENT,
                    "arn:aws:events:" + region + ":" + AwsIds.ACCOUNT_ID + ":rule/" + rule.name());
            if (!result.succeeded()) {
                LOG.warn("Schedule {} invoked {}: {} {}", rule.name(), target.functionName(), result.status(),
                        result.errorMessage() == null ? "" : result.errorMessage());
            }
            return result;
        }).toList();
    }

    /** EventBridge's {@code Scheduled Event}, as {@code ScheduledEvent} of aws-lambda-java-events reads it. */
    byte[] scheduledEvent(ScheduleSpec rule, Instant time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", AwsIds.ACCOUNT_ID);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":" + AwsIds.ACCOUNT_ID + ":rule/" + rule.name());
        event.putObject("detail");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
