package com.flightwatch.platform.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the resources the platform does not run, so loading a stack says once per type what it
 * left out instead of once per resource.
 */
final class SkippedResources {

    /** Types whose absence changes nothing locally, and which every CDK stack has plenty of. */
    private static final List<String> SILENT_PREFIXES = List.of("AWS::IAM::", "AWS::CDK::");

    private static final Map<String, String> REASONS = Map.of(
            "AWS::Lambda::Permission", "not needed locally",
            "AWS::ApiGateway::Account", "not needed locally",
            "AWS::EC2::VPC", "the network maps to this machine",
            "AWS::RDS::DBInstance", "the platform's database stands in for it",
            "AWS::SecretsManager::Secret", "configure the database through the platform");

    private final Map<String, Integer> countByType = new TreeMap<>();

    void add(String type) {
        countByType.merge(type, 1, Integer::sum);
    }

    /** One line per type that a reader should see, e.g. "skipping 3 AWS::Lambda::Permission (not needed locally)". */
    List<String> notices() {
        List<String> notices = new ArrayList<>();
        countByType.forEach((type, count) -> {
            if (!silent(type)) {
                notices.add("skipping " + count + " " + type + " (" + REASONS.getOrDefault(type, "not run locally") + ")");
            }
        });
        return notices;
    }

    /** The same line for the types counted without a notice, for debug logs. */
    List<String> silentNotices() {
        List<String> notices = new ArrayList<>();
        countByType.forEach((type, count) -> {
            if (silent(type)) {
                notices.add("skipping " + count + " " + type);
            }
        });
        return notices;
    }

    private static boolean silent(String type) {
        return SILENT_PREFIXES.stream().anyMatch(type::startsWith);
    }
}
