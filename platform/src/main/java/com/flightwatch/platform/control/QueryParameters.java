package com.flightwatch.platform.control;

import com.flightwatch.platform.sns.BatchEntry;
import com.flightwatch.platform.sns.MessageAttribute;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one Query API request, with the Query protocol's flattening of maps
 * ({@code MessageAttributes.entry.1.Name}) and lists ({@code PublishBatchRequestEntries.member.1.Id})
 * undone.
 */
final class QueryParameters {

    private final MultiMap parameters;

    QueryParameters(MultiMap parameters) {
        this.parameters = parameters;
    }

    /** The value, or null when absent. */
    String get(String name) {
        return parameters.get(name);
    }

    /** {@code prefix.entry.N.Name} / {@code prefix.entry.N.Value.DataType} / {@code .StringValue} / {@code .BinaryValue}. */
    Map<String, MessageAttribute> messageAttributes(String prefix) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int n = 1; parameters.contains(prefix + ".entry." + n + ".Name"); n++) {
            String entry = prefix + ".entry." + n;
            String stringValue = parameters.get(entry + ".Value.StringValue");
            // A blob travels base64-encoded in the Query protocol, which is also how subscribers receive it.
            String value = stringValue != null ? stringValue : parameters.get(entry + ".Value.BinaryValue");
            attributes.put(parameters.get(entry + ".Name"), new MessageAttribute(parameters.get(entry + ".Value.DataType"), value));
        }
        return attributes;
    }

    /** {@code prefix.entry.N.key} / {@code prefix.entry.N.value}: a map of strings, such as Subscribe's Attributes. */
    Map<String, String> stringMap(String prefix) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int n = 1; parameters.contains(prefix + ".entry." + n + ".key"); n++) {
            String value = parameters.get(prefix + ".entry." + n + ".value");
            map.put(parameters.get(prefix + ".entry." + n + ".key"), value == null ? "" : value);
        }
        return map;
    }

    /** {@code PublishBatchRequestEntries.member.N.*}. */
    List<BatchEntry> batchEntries() {
        List<BatchEntry> entries = new ArrayList<>();
        for (int n = 1; parameters.contains("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
            String member = "PublishBatchRequestEntries.member." + n;
            entries.add(new BatchEntry(parameters.get(member + ".Id"), parameters.get(member + ".Subject"),
                    parameters.get(member + ".Message"), messageAttributes(member + ".MessageAttributes")));
        }
        return entries;
    }
}
