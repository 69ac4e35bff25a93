package com.flightwatch.platform.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the resources the platform does not run, or runs as something local, so loading a stack
 * says once per type what it left out or mapped instead of once per resource.
 */
final class SkippedResources {

    /** Types whose absence changes nothing locally, and which every CDK stack has plenty of. */
    private static final List<String> SILENT_PREFIXES = List.of("AWS::IAM::", "AWS::CDK::");
    private static final String NETWORK = "the network maps to this machine: functions reach the control plane on loopback";
    private static final String DATABASE = "the platform's database stands in for it: functions get DB_* instead of"
            + " DB_SECRET_ARN, and Endpoint.Address/Port resolve to it";

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("AWS::Lambda::Permission", "not needed locally"),
            Map.entry("AWS::ApiGateway::Account", "not needed locally"),
            Map.entry("AWS::SNS::TopicPolicy", "not needed locally"),
            Map.entry("AWS::EC2::VPC", NETWORK),
            Map.entry("AWS::EC2::Subnet", NETWORK),
            Map.entry("AWS::EC2::RouteTable", NETWORK),
            Map.entry("AWS::EC2::SubnetRouteTableAssociation", NETWORK),
            Map.entry("AWS::EC2::SecurityGroup", NETWORK),
            Map.entry("AWS::EC2::SecurityGroupIngress", NETWORK),
            Map.entry("AWS::EC2::SecurityGroupEgress", NETWORK),
            Map.entry("AWS::EC2::VPCEndpoint", NETWORK),
            Map.entry("AWS::EC2::FlowLog", NETWORK),
            Map.entry("AWS::RDS::DBInstance", DATABASE),
            Map.entry("AWS::RDS::DBSubnetGroup", DATABASE),
            Map.entry("AWS::SecretsManager::Secret", DATABASE),
            Map.entry("AWS::SecretsManager::SecretTargetAttachment", DATABASE),
            Map.entry("AWS::CloudWatch::Alarm", "no CloudWatch locally: activations show the failures"),
            Map.entry("AWS::Logs::LogGroup", "each activation keeps its own logs"),
            Map.entry("AWS::SQS::Queue", "the platform keeps undeliverable messages in its own dead-letter store"
                    + " (/_platform/topics)"),
            Map.entry("AWS::SQS::QueuePolicy", "not needed locally"));

    /** Custom resources whose ServiceToken is not a function of the stack (a topic, another account's function). */
    static final String CUSTOM_RESOURCE_REASON = "its ServiceToken is not a function of this stack, so nothing runs it"
            + " locally";
    static final String CUSTOM_RESOURCE_MAPPING = "its function is invoked once at start with a Create event, before"
            + " any traffic, as CloudFormation does on deploy";

    private static final Map<String, String> MAPPINGS = Map.of(
            "AWS::Lambda::Alias", "callers of an alias reach its function; ProvisionedConcurrencyConfig starts warm instances",
            "AWS::Lambda::Version", "callers of a version reach its function; SnapStart does not apply locally");

    private final Map<String, Integer> countByType = new TreeMap<>();
    private final Map<String, Integer> mappedByType = new TreeMap<>();

    void add(String type) {
        countByType.merge(type, 1, Integer::sum);
    }

    /** A resource run as something local (an alias as its function), not left out. */
    void mapped(String type) {
        mappedByType.merge(type, 1, Integer::sum);
    }

    /**
     * One line per type that a reader should see, e.g. "skipping 3 AWS::Lambda::Permission (not needed locally)"
     * or "mapping 4 AWS::Lambda::Alias (...)".
     */
    List<String> notices() {
        List<String> notices = new ArrayList<>();
        mappedByType.forEach((type, count) -> notices.add("mapping " + count + " " + type + " ("
                + (CustomResources.isCustom(type) ? CUSTOM_RESOURCE_MAPPING : MAPPINGS.get(type)) + ")"));
        countByType.forEach((type, count) -> {
            if (!silent(type)) {
                notices.add("skipping " + count + " " + type + " (" + reason(type) + ")");
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

    private static String reason(String type) {
        if (CustomResources.isCustom(type)) {
            return CUSTOM_RESOURCE_REASON;
        }
        return REASONS.getOrDefault(type, "not run locally");
    }

    private static boolean silent(String type) {
        return SILENT_PREFIXES.stream().anyMatch(type::startsWith);
    }
}
