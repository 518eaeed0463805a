package org.servicepoint.staffing.control;

import java.util.UUID;
import org.servicepoint.platform.entity.TenantId;

/**
 * Fired (synchronously, inside the change's transaction) when an address that was mailed incident reports stops
 * being mailed them: its email was changed or its holder left a receiving position. The person is told in the app;
 * a context that sends mail (incidents) may observe this to tell the previous address as well, so that a redirected
 * address never goes unnoticed.
 */
public record ReportRecipientChanged(TenantId tenant, UUID staffMemberId, String tagName, String previousEmail,
                                     String changedBy) {
}
