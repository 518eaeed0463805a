package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void theReportsVersionIsItsLastVersionField() {
        assertThat(LoadGenerator.versionOf("{\"formVersion\":1,\"id\":\"x\",\"steps\":{\"version\":9},\"version\":3}")).isEqualTo(3);
        assertThat(LoadGenerator.versionOf("{\"id\":\"x\"}")).isEqualTo(-1);
    }

    @Test
    void theBodyAnswersWhatTheBuiltInFormRequires() {
        // location, description, actionTaken and emergencyServicesCalled are required for every category
        assertThat(LoadGenerator.CREATE_BODY).contains("\"category\":\"other\"").contains("\"location\":")
                .contains("\"description\":").contains("\"actionTaken\":").contains("\"emergencyServicesCalled\":false");
    }
}
