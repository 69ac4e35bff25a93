package com.flightwatch.platform.sns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SNS's limits on a filter policy: at most 5 keys, and at most 150 combinations, the product of the
 * number of values of every key. An {@code $or} splits the policy into one branch per option (with
 * the keys beside it); each branch has its own keys, and the combinations of all branches add up.
 */
final class FilterPolicyComplexity {

    static final int MAX_KEYS = 5;
    static final long MAX_COMBINATIONS = 150;

    /** One way through the $or's of a policy: the keys it constrains and how many value combinations it has. */
    private record Branch(int keys, long combinations) {
        Branch and(Branch other) {
            return new Branch(keys + other.keys, Math.min(combinations * other.combinations, MAX_COMBINATIONS + 1));
        }
    }

    private FilterPolicyComplexity() {
    }

    /** @throws InvalidFilterPolicyException when the policy goes past either limit */
    static void check(Map<String, Object> keys) {
        List<Branch> branches = branches(keys);
        long combinations = 0;
        for (Branch branch : branches) {
            if (branch.keys() > MAX_KEYS) {
                throw new InvalidFilterPolicyException("Filter policy can not have more than " + MAX_KEYS + " keys");
            }
            combinations += branch.combinations();
        }
        if (combinations > MAX_COMBINATIONS) {
            throw new InvalidFilterPolicyException("Filter policy is too complex");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Branch> branches(Map<String, Object> keys) {
        List<Branch> branches = List.of(new Branch(0, 1));
        for (Object value : keys.values()) {
            List<Branch> ofKey;
            if (value instanceof FilterPolicy.Alternatives alternatives) {
                ofKey = new ArrayList<>();
                for (Map<String, Object> option : alternatives.options()) {
                    ofKey.addAll(branches(option));
                }
            } else if (value instanceof Map<?, ?> nested) {
                ofKey = branches((Map<String, Object>) nested);
            } else {
                ofKey = List.of(new Branch(1, ((List<?>) value).size()));
            }
            branches = cross(branches, ofKey);
            if (branches.size() > MAX_COMBINATIONS) {
                // Each branch has at least one combination: the sum is already past the limit.
                throw new InvalidFilterPolicyException("Filter policy is too complex");
            }
        }
        return branches;
    }

    private static List<Branch> cross(List<Branch> left, List<Branch> right) {
        List<Branch> crossed = new ArrayList<>();
        for (Branch a : left) {
            for (Branch b : right) {
                crossed.add(a.and(b));
            }
        }
        return crossed;
    }
}
