package com.flightwatch.platform.sns;

import com.flightwatch.platform.stack.AwsIds;
import java.time.Clock;
import java.util.Map;

/** Topics: CreateTopic, DeleteTopic, Get/SetTopicAttributes. */
final class TopicAdmin {

    private final TopicStore topics;
    private final TopicAttributes attributes;
    private final String region;
    private final Clock clock;

    TopicAdmin(TopicStore topics, TopicAttributes attributes, String region, Clock clock) {
        this.topics = topics;
        this.attributes = attributes;
        this.region = region;
        this.clock = clock;
    }

    /** @return the topic's ARN; creating a topic that exists returns it, as SNS does */
    String createTopic(String name) {
        String topicArn = AwsIds.topicArn(region, SnsRequests.topicName(name));
        topics.createTopic(topicArn, name, SnsClock.now(clock));
        return topicArn;
    }

    /** Creates a topic of the stack under its given ARN, unless it exists. */
    void createTopic(String topicArn, String name) {
        topics.createTopic(SnsRequests.topicArn(topicArn, "TopicArn"), SnsRequests.topicName(name), SnsClock.now(clock));
    }

    void deleteTopic(String topicArn) {
        topics.deleteTopic(SnsRequests.topicArn(topicArn, "TopicArn"));
    }

    Map<String, String> getAttributes(String topicArn) {
        return attributes.get(SnsRequests.topicArn(topicArn, "TopicArn"));
    }

    void setAttribute(String topicArn, String name, String value) {
        attributes.set(SnsRequests.topicArn(topicArn, "TopicArn"), name, value);
    }
}
