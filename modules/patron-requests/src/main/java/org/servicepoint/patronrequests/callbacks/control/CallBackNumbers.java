package org.servicepoint.patronrequests.callbacks.control;

import jakarta.persistence.EntityManager;

/** References patrons are told: B-2026-0042, numbered per library system and year, never twice (one row per year). */
final class CallBackNumbers {

    private CallBackNumbers() {
    }

    /** The next reference of {@code year}, on an entity manager bound to the library system, in its transaction. */
    static String next(EntityManager bound, int year) {
        // The row lock taken by the upsert makes concurrent offers wait for each other's number.
        Number last = (Number) bound.createNativeQuery("insert into call_back_number (tenant_id, year, last_number) "
                        + "values (current_setting('app.tenant_id'), ?1, 1) on conflict (tenant_id, year) "
                        + "do update set last_number = call_back_number.last_number + 1 returning last_number")
                .setParameter(1, year).getSingleResult();
        return String.format("B-%d-%04d", year, last.intValue());
    }
}
