package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DownloadsTest {

    @Test
    void a_download_is_an_attachment_under_its_quoted_name() {
        assertThat(Downloads.contentDisposition("incident-reports-riverbend.csv"))
                .isEqualTo("attachment; filename=\"incident-reports-riverbend.csv\"");
        assertThat(Downloads.contentDisposition("incident-report-0b9e4c1e-8f0d-4a55-9d6a-2f0f8a3c7e11.pdf"))
                .isEqualTo("attachment; filename=\"incident-report-0b9e4c1e-8f0d-4a55-9d6a-2f0f8a3c7e11.pdf\"");
    }

    @Test
    void a_name_that_could_end_the_header_value_or_leave_ascii_is_never_written() {
        for (String name : new String[] {"a\".csv", "a\r\nSet-Cookie: x=1.csv", "straße.csv", "../x.pdf", "a b.csv", ".hidden", "", null}) {
            assertThatThrownBy(() -> Downloads.contentDisposition(name)).as(String.valueOf(name))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_file_of_one_branch_names_its_code_in_capitals_and_anything_else_is_left_out() {
        assertThat(Downloads.fileName("staff-riverbend", null, "csv")).isEqualTo("staff-riverbend.csv");
        assertThat(Downloads.fileName("staff-riverbend", " pine-hollow ", "csv")).isEqualTo("staff-riverbend-PINE-HOLLOW.csv");
        assertThat(Downloads.fileName("name-tags-riverbend", "HQ", "pdf")).isEqualTo("name-tags-riverbend-HQ.pdf");
        for (String branch : new String[] {"", "  ", "-PINE", "PINE HOLLOW", "PINE\"", "A-VERY-LONG-BRANCH-CODE", "piné"}) {
            assertThat(Downloads.fileName("staff-riverbend", branch, "csv")).as(branch).isEqualTo("staff-riverbend.csv");
        }
    }
}
