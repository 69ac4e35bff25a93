package com.flightwatch.platform.control;

/**
 * SNS's Query API answers, as XML text: every success wrapped in {@code <ActionResponse>} with its
 * {@code <ActionResult>} and {@code <ResponseMetadata>}, every error in {@code <ErrorResponse>}.
 */
final class SnsXml {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder();

    static SnsXml result() {
        return new SnsXml();
    }

    /** Appends {@code <name>value</name>}; nothing when the value is null, as SNS leaves absent fields out. */
    SnsXml element(String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
        }
        return this;
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    String body() {
        return xml.toString();
    }

    /** The envelope of a successful {@code action}; a null result leaves the Result element out (Unsubscribe). */
    static String response(String action, SnsXml result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<")
                .append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (result != null) {
            xml.append('<').append(action).append("Result>").append(result.body())
                    .append("</").append(action).append("Result>");
        }
        return xml.append("<ResponseMetadata><RequestId>").append(escape(requestId))
                .append("</RequestId></ResponseMetadata></").append(action).append("Response>\n").toString();
    }

    /** @param type {@code Sender} when the caller is at fault, {@code Receiver} when the platform is */
    static String error(String type, String code, String message, String requestId) {
        return "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>" + escape(type)
                + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>"
                + escape(requestId) + "</RequestId></ErrorResponse>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\r' -> escaped.append("&#13;");
                // XML 1.0 cannot carry other control characters, not even as references.
                default -> escaped.append(c < 0x20 && c != '\t' && c != '\n' ? '\uFFFD' : c);
            }
        }
        return escaped.toString();
    }
}
