package org.servicepoint.standards.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.standards.entity.Catalogue;

/**
 * The catalogue this build ships: {@code org/servicepoint/standards/catalogue/catalogue.yaml} and the files it names.
 * It is read and checked once; a broken catalogue fails the build's tests, never a library system at run time.
 */
public final class SharedCatalogue {

    static final String FOLDER = "org/servicepoint/standards/catalogue/";
    static final String INDEX = "catalogue.yaml";

    private SharedCatalogue() {
    }

    public static Catalogue current() {
        return Holder.CURRENT;
    }

    static Catalogue load(String folder) {
        try {
            CatalogueDocuments.Index index = CatalogueDocuments.index(folder + INDEX, resource(folder + INDEX));
            return CatalogueDocuments.read(index.version(), index.parts().stream()
                    .map(name -> new CatalogueDocuments.Part(folder + name, resource(folder + name)))
                    .toList());
        } catch (Refusal refusal) {
            // only a developer sees this (the tests read the catalogue first): say everything at once
            throw new IllegalStateException(refusal.getMessage() + refusal.violations().stream()
                    .map(v -> "\n  " + v).collect(Collectors.joining()), refusal);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SharedCatalogue.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final Catalogue CURRENT = load(FOLDER);
    }
}
