package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.control.Refusal;

class CardNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "21234005678901|21234005678901",
            "2 1234 00567 8901|21234005678901",
            "2-1234-00567-8901|21234005678901",
            "  2123 4005-6789 01 |21234005678901",
            "b1234567|B1234567",
            "B 123\u00A04567|B1234567",
            "ab12|AB12",
            "12345678901234567890|12345678901234567890",
            "2\u20131234|21234",
            "2123400567\t8901|21234005678901"})
    void a_card_is_one_number_however_it_was_typed(String typed, String normalised) {
        assertThat(CardNumbers.normalise(typed)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "123", "1-2-3", "123456789012345678901", "1234.5678", "1234/5678", "12345678x!",
            "\u0661\u0662\u0663\u0664\u0665", "caf\u00e9123", "DROP TABLE;"})
    void anything_else_is_refused_without_repeating_it(String typed) {
        assertThatThrownBy(() -> CardNumbers.normalise(typed))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("cardNumber"));
                    if (typed != null && !typed.isBlank()) {
                        assertThat(r.getMessage()).doesNotContain(typed.strip());
                    }
                });
    }

    @ParameterizedTest
    @CsvSource({"21234005678901,8901", "AB12,AB12", "B1234567,4567"})
    void the_last_four_are_the_last_four(String normalised, String last4) {
        assertThat(CardNumbers.last4(normalised)).isEqualTo(last4);
    }
}
