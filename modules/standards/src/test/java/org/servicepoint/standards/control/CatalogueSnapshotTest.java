package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicepoint.standards.entity.Catalogue;

class CatalogueSnapshotTest {

    @Test
    void the_shipped_catalogue_written_as_json_reads_back_the_same() {
        Catalogue current = SharedCatalogue.current();

        Catalogue back = CatalogueSnapshot.read(CatalogueSnapshot.of(current));

        assertThat(back).isEqualTo(current);
        assertThat(CatalogueChanges.between(back, current, org.servicepoint.standards.entity.Adoption.WHOLE_CATALOGUE).changes())
                .isEmpty();
    }
}
