package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** SNS's {@code $or} operator and its policy limits (5 keys, 150 combinations), from the SNS developer guide. */
class FilterPolicyOrTest {

    private static final String SOURCE_OR_METRIC = """
            {"source": ["aws.cloudwatch"],
             "$or": [{"metricName": ["CPUUtilization"]}, {"namespace": ["AWS/EC2"]}]}""";

    @Test
    void matches_withOrOnAttributes_needsTheKeysBesideItAndOneOption() {
        FilterPolicy policy = FilterPolicy.parse(SOURCE_OR_METRIC, FilterPolicyScope.MESSAGE_ATTRIBUTES);

        assertThat(policy.matches(attributes("source", "aws.cloudwatch", "metricName", "CPUUtilization"), "")).isTrue();
        assertThat(policy.matches(attributes("source", "aws.cloudwatch", "namespace", "AWS/EC2"), "")).isTrue();
        assertThat(policy.matches(attributes("source", "aws.cloudwatch", "namespace", "AWS/S3"), "")).isFalse();
        assertThat(policy.matches(attributes("source", "other", "metricName", "CPUUtilization"), "")).isFalse();
    }

    @Test
    void matches_withOrInANestedBodyKey_matchesEitherNestedOption() {
        FilterPolicy policy = FilterPolicy.parse("""
                {"flight": {"$or": [{"status": ["CANCELLED"]}, {"delayMinutes": [{"numeric": [">=", 60]}]}]}}""",
                FilterPolicyScope.MESSAGE_BODY);

        assertThat(policy.matches(Map.of(), "{\"flight\":{\"status\":\"CANCELLED\"}}")).isTrue();
        assertThat(policy.matches(Map.of(), "{\"flight\":{\"status\":\"DELAYED\",\"delayMinutes\":90}}")).isTrue();
        assertThat(policy.matches(Map.of(), "{\"flight\":{\"status\":\"DELAYED\",\"delayMinutes\":15}}")).isFalse();
    }

    @Test
    void matches_whenOrIsNotAnArrayOfObjects_treatsItAsAnOrdinaryKey() {
        FilterPolicy policy = FilterPolicy.parse("{\"$or\": [\"literal\"]}", FilterPolicyScope.MESSAGE_ATTRIBUTES);

        assertThat(policy.matches(attributes("$or", "literal"), "")).isTrue();
        assertThat(policy.matches(attributes("other", "literal"), "")).isFalse();
    }

    @Test
    void parse_withFiveKeys_isAccepted() {
        FilterPolicy.parse("{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],\"e\":[\"1\"]}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES);
    }

    @Test
    void parse_withSixKeys_isInvalidParameterWithSnsMessage() {
        assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],\"e\":[\"1\"],"
                + "\"f\":[\"1\"]}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys");
    }

    @Test
    void parse_withSixNestedBodyKeys_countsTheLeaves() {
        assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":{\"b\":[1],\"c\":[1],\"d\":[1]},\"e\":{\"f\":[1],\"g\":[1],\"h\":[1]}}",
                FilterPolicyScope.MESSAGE_BODY))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("more than 5 keys");
    }

    @Test
    void parse_withOrBranchesOfFiveKeysEach_isAcceptedThoughTheyNameMoreKeysInAll() {
        FilterPolicy.parse("{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],"
                + "\"$or\":[{\"e\":[\"1\"]},{\"f\":[\"1\"]}]}", FilterPolicyScope.MESSAGE_ATTRIBUTES);
    }

    @Test
    void parse_with150Combinations_isAccepted() {
        FilterPolicy.parse("{\"a\":" + values(10) + ",\"b\":" + values(15) + "}", FilterPolicyScope.MESSAGE_ATTRIBUTES);
    }

    @Test
    void parse_with151CombinationsOrMore_isTooComplex() {
        assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":" + values(151) + "}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid parameter: FilterPolicy: Filter policy is too complex");
        assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":" + values(10) + ",\"b\":" + values(16) + "}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .hasMessageContaining("too complex");
    }

    @Test
    void parse_withOrBranches_addsTheirCombinations() {
        // 2 × (50 + 26) = 152: each branch alone is small, together they pass 150.
        assertThatThrownBy(() -> FilterPolicy.parse("{\"a\":" + values(2) + ",\"$or\":[{\"b\":" + values(50) + "},"
                + "{\"c\":" + values(26) + "}]}", FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .hasMessageContaining("too complex");
        FilterPolicy.parse("{\"a\":" + values(2) + ",\"$or\":[{\"b\":" + values(50) + "},{\"c\":" + values(25) + "}]}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES);
    }

    private static String values(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append('"').append("v").append(i).append('"');
        }
        return json.append(']').toString();
    }

    private static Map<String, MessageAttribute> attributes(String... namesAndValues) {
        Map<String, MessageAttribute> attributes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put(namesAndValues[i], new MessageAttribute("String", namesAndValues[i + 1]));
        }
        return attributes;
    }
}
