package iq.gov.bcc.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void anyScriptIsPlainTextButControlCharactersAndBrokenUtf16AreNot() {
        assertThat(PlainText.Validator.isPlain("شركة البصرة للحديد <script>'; DROP TABLE x; --", false)).isTrue();
        assertThat(PlainText.Validator.isPlain("emoji 🚚 and CJK 钢筋", false)).isTrue();
        assertThat(PlainText.Validator.isPlain("steel\u0000bars", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("bell\u0007", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("escape\u001b[31m", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("c1\u0085", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("lone \ud83d surrogate", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("lone low \ude9a", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("ends high \ud83d", false)).isFalse();
    }

    @Test
    void multilineTextMayHoldTabsAndLineBreaksOnly() {
        assertThat(PlainText.Validator.isPlain("line one\r\n\tline two", true)).isTrue();
        assertThat(PlainText.Validator.isPlain("line one\r\n\tline two", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("nul\u0000", true)).isFalse();
    }
}
