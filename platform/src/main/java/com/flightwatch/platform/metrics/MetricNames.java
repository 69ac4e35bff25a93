package com.flightwatch.platform.metrics;

/**
 * The names the platform's meters are registered under. Micrometer's Prometheus registry adds
 * {@code _total} to counters and {@code _seconds} to timers: {@link #ACTIVATIONS} is scraped as
 * {@code openwhisk_action_activations_total}, {@link #DURATION} as {@code openwhisk_action_duration_seconds}.
 * Function metrics take OpenWhisk's user-events names; the rest are the platform's own.
 */
public final class MetricNames {

    public static final String ACTIVATIONS = "openwhisk_action_activations";
    public static final String COLD_STARTS = "openwhisk_action_coldStarts";
    public static final String STATUS = "openwhisk_action_status";
    public static final String WAIT_TIME = "openwhisk_action_waitTime";
    public static final String INIT_TIME = "openwhisk_action_initTime";
    public static final String DURATION = "openwhisk_action_duration";
    public static final String CONCURRENT_LIMIT = "openwhisk_action_limit_concurrent";

    public static final String CONCURRENT_EXECUTIONS = "flightwatch_action_concurrent_executions";
    public static final String INSTANCES = "flightwatch_action_instances";

    public static final String GATEWAY_REQUESTS = "flightwatch_gateway_requests";
    public static final String GATEWAY_LATENCY = "flightwatch_gateway_latency";

    public static final String TOPIC_PUBLISHED = "flightwatch_topic_published";
    public static final String TOPIC_DELIVERIES = "flightwatch_topic_deliveries";
    public static final String TOPIC_RETRIES = "flightwatch_topic_retries";
    public static final String TOPIC_DEAD_LETTERS = "flightwatch_topic_dead_letters";
    public static final String SMS_SENT = "flightwatch_sms_sent";
    public static final String SMS_PARTS = "flightwatch_sms_parts";

    private MetricNames() {
    }
}
