package com.flightwatch.e2e.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Strings that match a regular expression, for the subset the OpenAPI document's patterns use:
 * anchors, literals and escapes ({@code \+ \. \s \\uXXXX}), character classes with ranges and
 * negation, groups with alternatives, and the quantifiers {@code ? * + {n} {n,m}}. An unbounded
 * repeat stops at {@link #UNBOUNDED_MAX}; a negated class draws from {@link #ALPHABET}.
 */
final class RegexStrings {

    static final int UNBOUNDED_MAX = 12;
    /** What a negated class may pick from: ASCII, Latin-1, other scripts and an astral character. */
    private static final int[] ALPHABET = ("abcxyzABCXYZ0129._-+!#$%&'*/=?^`{|}~ éüßñçøÆ中文字Ωж😀"
            + "ÀÉÖ").codePoints().toArray();

    private interface Node {
        void generate(Random random, StringBuilder out);
    }

    private final String pattern;
    private int at;

    private RegexStrings(String pattern) {
        this.pattern = pattern;
    }

    /** @return a generator of strings that match {@code pattern} */
    static java.util.function.Function<Random, String> matching(String pattern) {
        Node root = new RegexStrings(pattern).alternatives();
        return random -> {
            StringBuilder out = new StringBuilder();
            root.generate(random, out);
            return out.toString();
        };
    }

    private Node alternatives() {
        List<Node> options = new ArrayList<>();
        options.add(sequence());
        while (at < pattern.length() && pattern.charAt(at) == '|') {
            at++;
            options.add(sequence());
        }
        return options.size() == 1 ? options.get(0)
                : (random, out) -> options.get(random.nextInt(options.size())).generate(random, out);
    }

    private Node sequence() {
        List<Node> parts = new ArrayList<>();
        while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
            Node atom = atom();
            if (atom != null) {
                parts.add(quantified(atom));
            }
        }
        return (random, out) -> parts.forEach(part -> part.generate(random, out));
    }

    private Node atom() {
        char c = pattern.charAt(at++);
        switch (c) {
            case '^', '$' -> {
                return null;
            }
            case '(' -> {
                Node group = alternatives();
                at++; // ')'
                return group;
            }
            case '[' -> {
                return characterClass();
            }
            case '\\' -> {
                IntPredicate escaped = escape();
                return single(escaped);
            }
            default -> {
                return (random, out) -> out.append(c);
            }
        }
    }

    private Node quantified(Node atom) {
        if (at >= pattern.length()) {
            return atom;
        }
        char c = pattern.charAt(at);
        int min;
        int max;
        switch (c) {
            case '?' -> { min = 0; max = 1; at++; }
            case '*' -> { min = 0; max = UNBOUNDED_MAX; at++; }
            case '+' -> { min = 1; max = UNBOUNDED_MAX; at++; }
            case '{' -> {
                int close = pattern.indexOf('}', at);
                String[] bounds = pattern.substring(at + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0]);
                max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + UNBOUNDED_MAX : Integer.parseInt(bounds[1]);
                at = close + 1;
            }
            default -> {
                return atom;
            }
        }
        int low = min;
        int high = max;
        return (random, out) -> {
            int times = low + random.nextInt(high - low + 1);
            for (int i = 0; i < times; i++) {
                atom.generate(random, out);
            }
        };
    }

    /** After a backslash: the set of code points the escape stands for. */
    private IntPredicate escape() {
        char c = pattern.charAt(at++);
        return switch (c) {
            case 's' -> Character::isWhitespace;
            case 'd' -> cp -> cp >= '0' && cp <= '9';
            case 'u' -> {
                int cp = Integer.parseInt(pattern.substring(at, at + 4), 16);
                at += 4;
                yield other -> other == cp;
            }
            default -> other -> other == c;
        };
    }

    private Node characterClass() {
        boolean negated = pattern.charAt(at) == '^';
        if (negated) {
            at++;
        }
        IntPredicate members = cp -> false;
        while (pattern.charAt(at) != ']') {
            int from;
            if (pattern.charAt(at) == '\\') {
                at++;
                if (pattern.charAt(at) == 's' || pattern.charAt(at) == 'd') {
                    members = members.or(escape());
                    continue;
                }
                IntPredicate escaped = escape();
                from = firstOf(escaped);
            } else {
                from = pattern.charAt(at++);
            }
            int to = from;
            if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                at++;
                if (pattern.charAt(at) == '\\') {
                    at++;
                    to = firstOf(escape());
                } else {
                    to = pattern.charAt(at++);
                }
            }
            int low = from;
            int high = to;
            members = members.or(cp -> cp >= low && cp <= high);
        }
        at++; // ']'
        return single(negated ? members.negate() : members);
    }

    /** One code point of {@link #ALPHABET} or printable ASCII that {@code allowed} accepts. */
    private static Node single(IntPredicate allowed) {
        List<Integer> choices = new ArrayList<>();
        for (int cp = 0x20; cp < 0x7f; cp++) {
            if (allowed.test(cp)) {
                choices.add(cp);
            }
        }
        for (int cp : ALPHABET) {
            if (allowed.test(cp) && !choices.contains(cp)) {
                choices.add(cp);
            }
        }
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("A character class that matches nothing generable");
        }
        return (random, out) -> out.appendCodePoint(choices.get(random.nextInt(choices.size())));
    }

    private static int firstOf(IntPredicate escaped) {
        for (int cp = 0; cp < 0x10000; cp++) {
            if (escaped.test(cp)) {
                return cp;
            }
        }
        throw new IllegalArgumentException("An escape that stands for nothing");
    }
}
