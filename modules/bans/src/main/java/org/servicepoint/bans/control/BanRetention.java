package org.servicepoint.bans.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.RetainedRecords;

/**
 * A computer-use ban leaves after the library system's period (two years by default) from the moment it stopped
 * being in force, lifted or ended, through {@code computer_use_bans_purge} (migration V21). Bans go before
 * incident reports, which are kept while a ban names them.
 */
@ApplicationScoped
public class BanRetention implements RetainedRecords {

    @Override
    public String recordType() {
        return "computer-use-ban";
    }

    @Override
    public int defaultDays() {
        return 730;
    }

    @Override
    public String countsFrom() {
        return "end";
    }

    @Override
    public int purgeOrder() {
        return 10;
    }

    @Override
    public String purgeBatch() {
        return "select computer_use_bans_purge(?1, ?2, ?3)";
    }
}
