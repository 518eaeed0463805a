package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import org.servicepoint.platform.entity.TenantId;

/**
 * The transactions of {@link PlainTextSealing}'s start-up step, one per library system so that one that cannot be
 * sealed leaves the others sealed. A bean of their own: a sealing bean calling itself would open none.
 */
@ApplicationScoped
public class PlainTextSealingTransactions {

    @Transactional
    public List<String> tenants(PlainTextSealing sealing) {
        return sealing.tenants();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int seal(PlainTextSealing sealing, TenantId tenant) {
        return sealing.seal(tenant);
    }
}
