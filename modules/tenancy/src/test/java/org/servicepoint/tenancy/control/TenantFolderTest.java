package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TenantFolderTest {

    private static TenantFolder set(String dir) {
        TenantFolder folder = new TenantFolder();
        folder.dir = dir;
        return folder;
    }

    @Test
    void a_deployment_whose_setting_is_none_or_blank_reads_no_tenant_files() {
        assertThat(set("none").path()).isEmpty();
        assertThat(set("  ").path()).isEmpty();
        assertThat(set(null).path()).isEmpty();
    }

    @Test
    void a_folder_named_in_the_setting_is_the_one_every_start_up_reader_uses() {
        assertThat(set("/srv/tenants").path()).contains(Path.of("/srv/tenants"));
    }
}
