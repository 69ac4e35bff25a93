package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching table of the SNS developer guide ("Filter policy constraints", "operators"), case by case. */
class FilterPolicyTest {

    @ParameterizedTest(name = "{0} on {1}={2} ({3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            {"store":["example_corp"]}                              | store    | example_corp  | String       | true
            {"store":["example_corp"]}                              | store    | other_corp    | String       | false
            {"store":["example_corp"]}                              | missing  | example_corp  | String       | false
            {"store":["example_corp", "other_corp"]}                | store    | other_corp    | String       | true
            {"price":[5]}                                           | price    | 5.0           | Number       | true
            {"price":[5]}                                           | price    | 5             | String       | false
            {"price":[{"numeric":[">", 0, "<=", 5]}]}               | price    | 5             | Number       | true
            {"price":[{"numeric":[">", 0, "<=", 5]}]}               | price    | 0             | Number       | false
            {"price":[{"numeric":[">", 0, "<=", 5]}]}               | price    | 5.01          | Number       | false
            {"price":[{"numeric":["=", 301.5]}]}                    | price    | 301.50        | Number       | true
            {"price":[{"numeric":["<", 0]}]}                        | price    | -1            | String       | false
            {"event":[{"prefix":"order-"}]}                         | event    | order-placed  | String       | true
            {"event":[{"prefix":"order-"}]}                         | event    | refund-placed | String       | false
            {"event":[{"suffix":"-placed"}]}                        | event    | order-placed  | String       | true
            {"event":[{"equals-ignore-case":"ORDER"}]}              | event    | order         | String       | true
            {"event":[{"anything-but":"cancelled"}]}                | event    | placed        | String       | true
            {"event":[{"anything-but":"cancelled"}]}                | event    | cancelled     | String       | false
            {"event":[{"anything-but":"cancelled"}]}                | missing  | placed        | String       | false
            {"event":[{"anything-but":["a","b"]}]}                  | event    | b             | String       | false
            {"event":[{"anything-but":["a","b"]}]}                  | event    | c             | String       | true
            {"price":[{"anything-but":[100, 500]}]}                 | price    | 500           | Number       | false
            {"price":[{"anything-but":[100, 500]}]}                 | price    | 501           | Number       | true
            {"event":[{"anything-but":{"prefix":"order-"}}]}        | event    | order-placed  | String       | false
            {"event":[{"anything-but":{"prefix":"order-"}}]}        | event    | refund        | String       | true
            {"store":[{"exists":true}]}                             | store    | anything      | String       | true
            {"store":[{"exists":true}]}                             | missing  | anything      | String       | false
            {"store":[{"exists":false}]}                            | missing  | anything      | String       | true
            {"store":[{"exists":false}]}                            | store    | anything      | String       | false
            {"store":["a", {"exists":false}]}                       | store    | a             | String       | true
            {"store":["b"]}                                         | store    | ["a","b"]     | String.Array | true
            {"store":["c"]}                                         | store    | ["a","b"]     | String.Array | false
            {"store":["a"]}                                         | store    | YQ==          | Binary       | false
            """)
    void matches_onOneAttribute_followsSnsTable(String policy, String name, String value, String type, boolean expected) {
        FilterPolicy filter = FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES);

        assertThat(filter.matches(Map.of(name, new MessageAttribute(type, value)), "body")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind":["CANCELLED"],"delay":[{"numeric":[">=", 30]}]} | {"kind":"CANCELLED","delay":45}                 | true
            {"kind":["CANCELLED"],"delay":[{"numeric":[">=", 30]}]} | {"kind":"CANCELLED","delay":10}                 | false
            {"kind":["CANCELLED"],"delay":[{"numeric":[">=", 30]}]} | {"kind":"CANCELLED"}                            | false
            {"flight":{"carrier":[{"prefix":"AF"}]}}                | {"flight":{"carrier":"AF123"}}                  | true
            {"flight":{"carrier":[{"prefix":"AF"}]}}                | {"flight":{"carrier":"BA456"}}                  | false
            {"flight":{"carrier":[{"prefix":"AF"}]}}                | {"flight":"AF123"}                              | false
            {"tags":["urgent"]}                                     | {"tags":["slow","urgent"]}                      | true
            {"gate":[{"exists":false}]}                             | {"kind":"DELAYED"}                              | true
            {"ok":[true]}                                           | {"ok":true}                                     | true
            {"ok":[true]}                                           | {"ok":"true"}                                   | false
            {"kind":["CANCELLED"]}                                  | not json at all                                 | false
            """)
    void matches_onMessageBody_followsNesting(String policy, String body, boolean expected) {
        FilterPolicy filter = FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_BODY);

        assertThat(filter.matches(Map.of(), body)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json
            []
            {}
            {"store":"example_corp"}
            {"store":[]}
            {"store":{"nested":["a"]}}
            {"price":[{"numeric":[">"]}]}
            {"price":[{"numeric":["<", 5, ">", 0]}]}
            {"price":[{"numeric":["~", 5]}]}
            {"price":[{"numeric":[">", "five"]}]}
            {"store":[{"exists":"yes"}]}
            {"store":[{"prefix":1}]}
            {"store":[{"contains":"x"}]}
            {"store":[{"prefix":"a","suffix":"b"}]}
            {"store":[["nested array"]]}
            """)
    void parse_whenPolicyIsInvalid_failsWithInvalidParameter(String policy) {
        assertThatThrownBy(() -> FilterPolicy.parse(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES))
                .isInstanceOf(InvalidFilterPolicyException.class)
                .hasMessageStartingWith("Invalid parameter: FilterPolicy: ")
                .extracting(e -> ((SnsException) e).errorCode()).isEqualTo("InvalidParameter");
    }

    @org.junit.jupiter.api.Test
    void matches_withSeveralKeys_requiresEveryKey() {
        FilterPolicy filter = FilterPolicy.parse("{\"kind\":[\"CANCELLED\"],\"channel\":[\"sms\"]}",
                FilterPolicyScope.MESSAGE_ATTRIBUTES);

        assertThat(filter.matches(Map.of("kind", MessageAttribute.string("CANCELLED"), "channel", MessageAttribute.string("sms")),
                "")).isTrue();
        assertThat(filter.matches(Map.of("kind", MessageAttribute.string("CANCELLED")), "")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void of_whenScopeIsUnknown_failsWithInvalidParameter() {
        assertThat(FilterPolicyScope.of(null)).isEqualTo(FilterPolicyScope.MESSAGE_ATTRIBUTES);
        assertThat(FilterPolicyScope.of("MessageBody")).isEqualTo(FilterPolicyScope.MESSAGE_BODY);
        assertThatThrownBy(() -> FilterPolicyScope.of("Body")).isInstanceOf(InvalidParameterException.class);
    }
}
