package org.servicepoint.platform.control;

import java.util.Locale;
import java.util.Optional;
import org.servicepoint.platform.entity.TenantId;

/**
 * The language a library system has chosen (its tenant file's {@code locale}, or its {@code fallbackLanguage} where
 * ServicePoint has no texts in it: see {@link Messages#textLocale}). The tenancy context provides it as a CDI bean; the
 * platform asks only when it writes text for a person, e.g. a problem's title.
 */
public interface TenantLocales {

    /** Empty when the library system is unknown or cannot be read right now. */
    Optional<Locale> localeOf(TenantId tenant);
}
