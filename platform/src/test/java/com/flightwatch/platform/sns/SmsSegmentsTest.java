package com.flightwatch.platform.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void split_gsmTextOf160Characters_isOneSms() {
        SmsSegments.Split split = SmsSegments.split("a".repeat(160));

        assertThat(split.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(split.parts()).containsExactly("a".repeat(160));
    }

    @Test
    void split_gsmTextOf161Characters_isTwoPartsOf153AndTheRest() {
        SmsSegments.Split split = SmsSegments.split("b".repeat(161));

        assertThat(split.parts()).containsExactly("b".repeat(153), "b".repeat(8));
        assertThat(String.join("", split.parts())).isEqualTo("b".repeat(161));
    }

    @Test
    void split_gsmExtensionCharacters_countTwiceAndAreNeverCut() {
        assertThat(SmsSegments.split("€".repeat(80)).parts()).hasSize(1);
        assertThat(SmsSegments.split("€".repeat(81)).parts()).hasSize(2);
        // 152 septets, then a two-septet euro that would straddle the 153 boundary: it opens part two.
        SmsSegments.Split split = SmsSegments.split("c".repeat(152) + "€" + "c".repeat(10));

        assertThat(split.encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        assertThat(split.parts()).containsExactly("c".repeat(152), "€" + "c".repeat(10));
    }

    @Test
    void split_textOutsideGsm_isUcs2With70Then67PerPart() {
        assertThat(SmsSegments.split("é".repeat(200)).encoding()).isEqualTo(SmsSegments.Encoding.GSM7);
        SmsSegments.Split single = SmsSegments.split("ł".repeat(70));
        SmsSegments.Split multi = SmsSegments.split("ł".repeat(71));

        assertThat(single.encoding()).isEqualTo(SmsSegments.Encoding.UCS2);
        assertThat(single.parts()).hasSize(1);
        assertThat(multi.parts()).containsExactly("ł".repeat(67), "ł".repeat(4));
    }

    @Test
    void split_ucs2Text_neverCutsASurrogatePair() {
        String text = "x".repeat(66) + "😀" + "y".repeat(10);

        List<String> parts = SmsSegments.split(text).parts();

        assertThat(parts).containsExactly("x".repeat(66), "😀" + "y".repeat(10));
    }
}
