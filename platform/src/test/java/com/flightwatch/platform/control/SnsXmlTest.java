package com.flightwatch.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SnsXmlTest {

    @Test
    void response_wrapsResultAndRequestIdInSnsEnvelope() {
        String xml = SnsXml.response("Publish", SnsXml.result().element("MessageId", "m-1"), "r-1");

        assertThat(xml).isEqualTo("<?xml version=\"1.0\"?>\n<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<PublishResult><MessageId>m-1</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>\n");
    }

    @Test
    void response_whenNoResult_hasOnlyMetadata() {
        String xml = SnsXml.response("Unsubscribe", null, "r-2");

        assertThat(xml).contains("<UnsubscribeResponse xmlns=").doesNotContain("UnsubscribeResult")
                .contains("<RequestId>r-2</RequestId>");
    }

    @Test
    void element_whenNull_isLeftOut() {
        assertThat(SnsXml.result().element("NextToken", null).body()).isEmpty();
    }

    @Test
    void error_rendersSnsErrorResponse() throws Exception {
        String xml = SnsXml.error("Sender", "NotFound", "Topic does not exist", "r-3");

        Document document = parse(xml);
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("ErrorResponse");
        assertThat(text(document, "Type")).isEqualTo("Sender");
        assertThat(text(document, "Code")).isEqualTo("NotFound");
        assertThat(text(document, "Message")).isEqualTo("Topic does not exist");
        assertThat(text(document, "RequestId")).isEqualTo("r-3");
    }

    @Test
    void element_escapesMarkupAndDropsCharactersXmlCannotCarry() throws Exception {
        String hostile = "<a href=\"x\">Tom & 'Jerry'</a>\u0001";

        String xml = SnsXml.response("Publish", SnsXml.result().element("MessageId", hostile), "r");

        assertThat(text(parse(xml), "MessageId")).isEqualTo("<a href=\"x\">Tom & 'Jerry'</a>\uFFFD");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String tag) {
        return document.getElementsByTagName(tag).item(0).getTextContent();
    }
}
