package com.flightwatch.platform.stack;

import java.util.function.UnaryOperator;

/** The string template of {@code Fn::Sub}: {@code ${Name}} and {@code ${Logical.Attribute}} replaced, {@code ${!Literal}} kept as {@code ${Literal}}. */
final class SubTemplate {

    private SubTemplate() {
    }

    static String substitute(String text, UnaryOperator<String> variable) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        while (true) {
            int start = text.indexOf("${", position);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (start < 0 || end < 0) {
                out.append(text, position, text.length());
                return out.toString();
            }
            out.append(text, position, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name, 1, name.length()).append('}');
            } else {
                out.append(variable.apply(name.trim()));
            }
            position = end + 1;
        }
    }
}
