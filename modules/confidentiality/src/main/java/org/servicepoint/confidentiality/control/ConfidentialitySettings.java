package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.SchemaReady;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.platform.control.Text;

/**
 * The master key settings. Without a master key the patron features refuse (503) rather than store patron
 * data unprotected; everything else in the application works as before.
 */
@ApplicationScoped
public class ConfidentialitySettings {

    private static final Logger LOG = Logger.getLogger(ConfidentialitySettings.class.getName());

    @Inject
    Settings config;

    private volatile MasterKeys keys;

    /** The master keys, or a 503 refusal saying that confidentiality is not (properly) configured. */
    public MasterKeys masterKeys() {
        MasterKeys known = keys;
        if (known == null) {
            known = read(config.text("servicepoint.confidentiality.master-key"),
                    config.text("servicepoint.confidentiality.master-key-id", "k1"),
                    config.text("servicepoint.confidentiality.previous-master-keys"));
            keys = known;
        }
        return known;
    }

    /** Says at start-up, once, when the patron features will refuse for want of a master key. */
    void atStart(@Observes SchemaReady ready) {
        try {
            masterKeys();
        } catch (Refusal e) {
            LOG.warning(() -> e.getMessage() + "; patron references and disclosure requests answer 503 until it is");
        }
    }

    static MasterKeys read(Optional<String> key, String id, Optional<String> previous) {
        if (key.isEmpty() || key.get().isBlank() || key.get().strip().equals("none")) {
            throw notConfigured("confidentiality is not configured: set servicepoint.confidentiality.master-key");
        }
        try {
            return MasterKeys.of(id, key.get(), previous);
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "confidentiality is not configured properly: " + e.getMessage());
            throw notConfigured("confidentiality is not configured properly: " + e.getMessage());
        }
    }

    static Refusal notConfigured(String detail) {
        return new Refusal("confidentiality-not-configured", 503, "Confidentiality is not configured", detail, List.of());
    }

    /** A tenant key that cannot be unwrapped is the operator's to fix; the caller learns only that. */
    static Refusal unavailable(KeyUnavailable e) {
        LOG.severe(() -> "confidentiality key unavailable: " + e.getMessage());
        return new Refusal("confidentiality-key-unavailable", 503, "Confidential data is unavailable",
                Text.of("confidentiality.keys.unavailable"), List.of());
    }
}
